package dev.rolegate.samples;

import static dev.rolegate.samples.SampleData.DEPLOYMENT;
import static dev.rolegate.samples.SampleData.FLOW;
import static dev.rolegate.samples.SampleData.WORKSPACE;
import static dev.rolegate.samples.SampleData.WORK_POOL;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolegate.prefect.AccountRoles;
import dev.rolegate.prefect.WorkspaceRoles;
import dev.rolegate.runtime.AccessDeniedException;
import dev.rolegate.runtime.CurrentPrincipal;
import dev.rolegate.runtime.Principal;
import dev.rolegate.runtime.Role;
import dev.rolegate.samples.deployments.Deployment;
import dev.rolegate.samples.workspaces.WorkspaceSettings;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The workspace default role, set through the guarded member service and held by principals built
 * with the services' {@code WorkspaceDefaults}: decided by running the generated guards.
 */
class DefaultRoleTest {
  private final PrefectServices guarded = SampleData.seeded();

  /** The same services, read as the account OWNER. */
  private final PrefectServices plain = OwnerView.of(guarded);

  /** A MEMBER of acme with no role of its own in any workspace. */
  private final Principal carol = user("carol", AccountRoles.MEMBER, null);

  private Principal user(String id, String accountRole, String roleInWorkspace) {
    Principal.Builder builder =
        Principal.user(id)
            .directory(SampleData.accounts())
            .member(SampleData.ACME, accountRole)
            .customRoles(SampleRoles.CUSTOM)
            .workspaceDefaults(plain.defaults());
    return roleInWorkspace == null
        ? builder.build()
        : builder.workspaceRole(WORKSPACE, roleInWorkspace).build();
  }

  /** Returns the name of the workspace's default role, if one is set (none for "no access"). */
  private Optional<String> defaultRole() {
    return plain.defaults().defaultRoleOf(WORKSPACE).map(Role::name);
  }

  private void asOwner(Runnable call) {
    CurrentPrincipal.runAs(TestPrincipals.inWorkspace(WORKSPACE, WorkspaceRoles.OWNER), call);
  }

  private static void allowed(Principal principal, Runnable call) {
    assertDoesNotThrow(
        () -> CurrentPrincipal.runAs(principal, call), principal + " should be allowed");
  }

  private static void denied(Principal principal, Runnable call) {
    Executable asPrincipal = () -> CurrentPrincipal.runAs(principal, call);
    assertThrows(AccessDeniedException.class, asPrincipal, principal + " should be denied");
  }

  @Test
  void memberWithoutRoleGetsTheDefaultAsSoonAsItIsSet() {
    denied(carol, () -> guarded.deployments().list(WORKSPACE));
    asOwner(() -> guarded.members().setDefaultRole(WORKSPACE, WorkspaceRoles.VIEWER));
    assertEquals(Optional.of(WorkspaceRoles.VIEWER), defaultRole());
    assertEquals(
        WorkspaceRoles.VIEWER, carol.workspaceRole(WORKSPACE).name(), "the same principal object");
    allowed(carol, () -> guarded.deployments().list(WORKSPACE));
    denied(carol, () -> guarded.deployments().run(WORKSPACE, DEPLOYMENT));
    asOwner(() -> guarded.members().setDefaultRole(WORKSPACE, WorkspaceRoles.RUNNER));
    allowed(carol, () -> guarded.deployments().run(WORKSPACE, DEPLOYMENT));
  }

  @Test
  void noAccessIsAValidDefault() {
    asOwner(() -> guarded.members().setDefaultRole(WORKSPACE, WorkspaceRoles.RUNNER));
    allowed(carol, () -> guarded.deployments().list(WORKSPACE));
    asOwner(() -> guarded.members().setDefaultNoAccess(WORKSPACE));
    assertEquals(Optional.empty(), defaultRole());
    denied(carol, () -> guarded.deployments().list(WORKSPACE));
    denied(carol, () -> guarded.workspace().describe(WORKSPACE));
    // Members with a role of their own keep it.
    allowed(
        user("dan", AccountRoles.MEMBER, WorkspaceRoles.VIEWER),
        () -> guarded.deployments().list(WORKSPACE));
  }

  @Test
  void anExplicitRoleWinsOverTheDefault() {
    asOwner(() -> guarded.members().setDefaultRole(WORKSPACE, WorkspaceRoles.DEVELOPER));
    Principal viewer = user("vera", AccountRoles.MEMBER, WorkspaceRoles.VIEWER);
    denied(viewer, () -> guarded.deployments().delete(WORKSPACE, DEPLOYMENT));
    allowed(carol, () -> guarded.flows().createRun(WORKSPACE, FLOW));
    asOwner(() -> guarded.members().setDefaultRole(WORKSPACE, WorkspaceRoles.VIEWER));
    Principal developer = user("devi", AccountRoles.MEMBER, WorkspaceRoles.DEVELOPER);
    allowed(developer, () -> guarded.deployments().delete(WORKSPACE, DEPLOYMENT));
    assertEquals(
        List.of(), plain.deployments().list(WORKSPACE), "the explicit DEVELOPER deleted it");
  }

  @Test
  void accountAdminAndOwnerStayWorkspaceOwner() {
    WorkspaceSettings settings = new WorkspaceSettings(7, true);
    for (String account : List.of(AccountRoles.ADMIN, AccountRoles.OWNER)) {
      Principal principal = user("account-" + account, account, null);
      asOwner(() -> guarded.members().setDefaultNoAccess(WORKSPACE));
      allowed(principal, () -> guarded.workspace().editSettings(WORKSPACE, settings));
      asOwner(() -> guarded.members().setDefaultRole(WORKSPACE, WorkspaceRoles.VIEWER));
      allowed(principal, () -> guarded.members().setDefaultNoAccess(WORKSPACE));
    }
    assertEquals(settings, plain.workspace().settings(WORKSPACE));
  }

  @Test
  void onlyAnOwnerSetsTheDefault() {
    Principal developer = TestPrincipals.inWorkspace(WORKSPACE, WorkspaceRoles.DEVELOPER);
    denied(developer, () -> guarded.members().setDefaultRole(WORKSPACE, WorkspaceRoles.DEVELOPER));
    denied(developer, () -> guarded.members().setDefaultNoAccess(WORKSPACE));
    denied(carol, () -> guarded.members().setDefaultRole(WORKSPACE, WorkspaceRoles.OWNER));
    assertEquals(Optional.empty(), defaultRole(), "no denied call set anything");
    denied(carol, () -> guarded.deployments().list(WORKSPACE));
  }

  @Test
  void theDefaultAppliesOnlyInItsWorkspace() {
    String other = SampleData.STAGING;
    plain.workPools().create(other, WORK_POOL, "docker");
    asOwner(() -> guarded.members().setDefaultRole(WORKSPACE, WorkspaceRoles.DEVELOPER));
    allowed(carol, () -> guarded.workPools().list(WORKSPACE));
    denied(carol, () -> guarded.workPools().list(other));
  }

  @Test
  void theDefaultDoesNotLeakToMembersOfAnotherAccount() {
    Principal globexOnly =
        Principal.user("gus")
            .directory(SampleData.accounts())
            .member(SampleData.GLOBEX)
            .workspaceDefaults(plain.defaults())
            .build();
    Principal globexOwner =
        Principal.user("gloria")
            .directory(SampleData.accounts())
            .member(SampleData.GLOBEX, AccountRoles.OWNER)
            .workspaceDefaults(plain.defaults())
            .build();
    asOwner(() -> guarded.members().setDefaultRole(WORKSPACE, WorkspaceRoles.DEVELOPER));
    allowed(carol, () -> guarded.deployments().list(WORKSPACE));
    assertEquals(WorkspaceRoles.DEVELOPER, carol.workspaceRole(WORKSPACE).name());
    for (Principal outsider : List.of(globexOnly, globexOwner)) {
      assertEquals(
          null, outsider.workspaceRole(WORKSPACE), outsider + " holds no role in acme's workspace");
      AccessDeniedException denied =
          assertThrows(
              AccessDeniedException.class,
              () -> CurrentPrincipal.runAs(outsider, () -> guarded.deployments().list(WORKSPACE)));
      assertTrue(
          denied.getMessage().contains("is no member of the workspace's account"),
          denied.getMessage());
      assertEquals(null, denied.account(), "another tenant's account is not named");
    }
    // And the other way round: a default in globex's workspace is not an acme member's.
    CurrentPrincipal.runAs(
        globexOwner,
        () -> guarded.members().setDefaultRole(SampleData.GLOBEX_WORKSPACE, WorkspaceRoles.VIEWER));
    allowed(globexOnly, () -> guarded.deployments().list(SampleData.GLOBEX_WORKSPACE));
    denied(carol, () -> guarded.deployments().list(SampleData.GLOBEX_WORKSPACE));
  }

  @Test
  void aCustomRoleCanBeTheDefault() {
    asOwner(() -> guarded.members().setDefaultRole(WORKSPACE, SampleRoles.DEPLOYER));
    assertEquals(Optional.of(SampleRoles.DEPLOYER), defaultRole());
    allowed(
        carol,
        () ->
            guarded
                .deployments()
                .create(WORKSPACE, new Deployment("d-new", "new", FLOW, WORK_POOL)));
    denied(carol, () -> guarded.deployments().delete(WORKSPACE, "d-new"));
  }

  @Test
  void anUnknownRoleIsRejectedAndChangesNothing() {
    asOwner(() -> guarded.members().setDefaultRole(WORKSPACE, WorkspaceRoles.VIEWER));
    IllegalArgumentException unknown =
        assertThrows(
            IllegalArgumentException.class,
            () -> asOwner(() -> guarded.members().setDefaultRole(WORKSPACE, "owner")));
    assertTrue(unknown.getMessage().contains("\"owner\""), unknown.getMessage());
    assertEquals(Optional.of(WorkspaceRoles.VIEWER), defaultRole());
  }

  @Test
  void tableColumnsPickUpTheDefaultOfTheirServices() {
    RoleColumn member = RoleColumn.accountRole(AccountRoles.MEMBER);
    Operation list = new Operation("deployments.list", s -> s.deployments().list(WORKSPACE));
    assertFalse(AccessTableBuilder.allowed(list, member.principal(plain.defaults()), guarded));
    asOwner(() -> guarded.members().setDefaultRole(WORKSPACE, WorkspaceRoles.VIEWER));
    assertTrue(AccessTableBuilder.allowed(list, member.principal(plain.defaults()), guarded));
    PrefectServices fresh = SampleData.seeded();
    assertFalse(
        AccessTableBuilder.allowed(list, member.principal(fresh.defaults()), fresh),
        "other services keep their own defaults");
  }
}
