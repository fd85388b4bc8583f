package dev.rolegate.samples;

import static dev.rolegate.samples.SampleData.DEPLOYMENT;
import static dev.rolegate.samples.SampleData.FLOW;
import static dev.rolegate.samples.SampleData.WORKSPACE;
import static dev.rolegate.samples.SampleData.WORK_POOL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolegate.prefect.AccountRoles;
import dev.rolegate.prefect.Permissions;
import dev.rolegate.prefect.WorkspaceRoles;
import dev.rolegate.runtime.AccessDeniedException;
import dev.rolegate.runtime.CurrentPrincipal;
import dev.rolegate.runtime.Permission;
import dev.rolegate.runtime.Principal;
import dev.rolegate.runtime.Role;
import dev.rolegate.samples.deployments.Deployment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The sample's custom role DEPLOYER, used through the generated guards like a built-in role. */
class CustomRoleTest {
  private final PrefectServices guarded = SampleData.seeded();

  /** The same services, read as the account OWNER. */
  private final PrefectServices plain = OwnerView.of(guarded);

  private final Principal deployer =
      RoleColumn.workspaceRole(WORKSPACE, SampleRoles.DEPLOYER).principal(plain.defaults());

  @Test
  void deployerIsRunnerPlusCreateEditDeployments() {
    Role role = SampleRoles.DEPLOYER_ROLE;
    assertTrue(role.isCustom());
    assertEquals(WorkspaceRoles.RUNNER, role.base().name());
    assertEquals(
        List.of(Permissions.CREATE_EDIT_DEPLOYMENTS),
        role.extras().stream().map(Permission::name).toList());
    List<String> expected =
        new ArrayList<>(role.base().permissions().stream().map(Permission::name).toList());
    expected.add(Permissions.CREATE_EDIT_DEPLOYMENTS);
    assertEquals(
        expected.stream().sorted().toList(),
        role.permissions().stream().map(Permission::name).sorted().toList());
    assertEquals(10, role.permissions().size(), "RUNNER's 9 and one more");
  }

  @Test
  void theColumnPrincipalHoldsTheCustomRoleByName() {
    assertSame(SampleRoles.DEPLOYER_ROLE, deployer.workspaceRole(WORKSPACE));
    assertEquals(AccountRoles.MEMBER, deployer.accountRole(SampleData.ACME).name());
    assertEquals(Optional.of(SampleData.ACME), SampleRoles.CUSTOM.account(), "acme's roles");
  }

  @Test
  void deployerCreatesEditsAndRunsButCannotDelete() {
    Deployment hourly = new Deployment("d-hourly", "hourly", FLOW, WORK_POOL);
    CurrentPrincipal.runAs(
        deployer,
        () -> {
          assertEquals(hourly, guarded.deployments().create(WORKSPACE, hourly));
          Deployment renamed = new Deployment("d-hourly", "every hour", FLOW, WORK_POOL);
          assertEquals(renamed, guarded.deployments().update(WORKSPACE, renamed));
          assertEquals("SCHEDULED", guarded.deployments().run(WORKSPACE, DEPLOYMENT).state());
          assertThrows(
              AccessDeniedException.class,
              () -> guarded.deployments().delete(WORKSPACE, DEPLOYMENT));
          assertThrows(
              AccessDeniedException.class, () -> guarded.flows().createRun(WORKSPACE, FLOW));
        });
    assertEquals(2, plain.deployments().list(WORKSPACE).size(), "created one, deleted none");
    assertEquals("every hour", plain.deployments().read(WORKSPACE, "d-hourly").name());
  }

  @Test
  void membersCanBeGivenTheCustomRoleByName() {
    CurrentPrincipal.runAs(
        TestPrincipals.inWorkspace(WORKSPACE, WorkspaceRoles.OWNER),
        () ->
            assertEquals(
                SampleRoles.DEPLOYER,
                guarded.members().add(WORKSPACE, "erin", false, SampleRoles.DEPLOYER).role()));
  }

  @Test
  void acmesCustomRoleIsRefusedInAGlobexWorkspace() {
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Principal.user("gina")
                    .directory(SampleData.accounts())
                    .member(SampleData.GLOBEX)
                    .customRoles(SampleRoles.CUSTOM)
                    .workspaceRole(SampleData.GLOBEX_WORKSPACE, SampleRoles.DEPLOYER)
                    .build());
    assertEquals(
        "user gina is given custom role DEPLOYER of account \"acct-acme\" in workspace"
            + " \"ws-globex\" of account \"acct-globex\": a custom role is held only in its own"
            + " account's workspaces",
        refused.getMessage());
    // The same principal may hold it in acme's workspaces once a member there.
    Principal both =
        Principal.user("gina")
            .directory(SampleData.accounts())
            .member(SampleData.GLOBEX)
            .member(SampleData.ACME)
            .customRoles(SampleRoles.CUSTOM)
            .workspaceRole(SampleData.STAGING, SampleRoles.DEPLOYER)
            .build();
    assertSame(SampleRoles.DEPLOYER_ROLE, both.workspaceRole(SampleData.STAGING));
  }

  @Test
  void acmesCustomRoleIsRefusedAsAGlobexWorkspacesRoleOrDefault() {
    Principal globexOwner =
        Principal.user("gloria")
            .directory(SampleData.accounts())
            .member(SampleData.GLOBEX, AccountRoles.OWNER)
            .build();
    IllegalArgumentException asDefault =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                CurrentPrincipal.runAs(
                    globexOwner,
                    () ->
                        guarded
                            .members()
                            .setDefaultRole(SampleData.GLOBEX_WORKSPACE, SampleRoles.DEPLOYER)));
    assertEquals(
        "custom role DEPLOYER belongs to account acct-acme, and workspace ws-globex is"
            + " not one of its workspaces; a custom role is held only in its own account's"
            + " workspaces",
        asDefault.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            CurrentPrincipal.runAs(
                globexOwner,
                () ->
                    guarded
                        .members()
                        .add(SampleData.GLOBEX_WORKSPACE, "gina", false, SampleRoles.DEPLOYER)));
    // In acme's workspace it is a role like any other.
    CurrentPrincipal.runAs(
        TestPrincipals.inWorkspace(WORKSPACE, WorkspaceRoles.OWNER),
        () -> guarded.members().setDefaultRole(WORKSPACE, SampleRoles.DEPLOYER));
    assertEquals(
        Optional.of(SampleRoles.DEPLOYER),
        plain.defaults().defaultRoleOf(WORKSPACE).map(Role::name));
  }

  @Test
  void denialNamesTheCustomRole() {
    AccessDeniedException denied =
        assertThrows(
            AccessDeniedException.class,
            () ->
                CurrentPrincipal.runAs(
                    deployer, () -> guarded.deployments().delete(WORKSPACE, DEPLOYMENT)));
    assertTrue(denied.getMessage().contains("DEPLOYER"), denied.getMessage());
  }
}
