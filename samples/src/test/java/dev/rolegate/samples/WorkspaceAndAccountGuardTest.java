package dev.rolegate.samples;

import static dev.rolegate.samples.SampleData.ACME;
import static dev.rolegate.samples.SampleData.MEMBER;
import static dev.rolegate.samples.SampleData.STAGING;
import static dev.rolegate.samples.SampleData.WORKSPACE;
import static dev.rolegate.samples.SampleData.WORK_POOL;
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
import dev.rolegate.runtime.UnauthenticatedException;
import dev.rolegate.samples.account.AccountSettings;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Workspace, member, work-pool and account services through their guards. */
class WorkspaceAndAccountGuardTest {
  private final PrefectServices guarded = SampleData.seeded();

  /** The same services, read as the account OWNER. */
  private final PrefectServices plain = OwnerView.of(guarded);

  private static Principal in(String role) {
    return TestPrincipals.inWorkspace(WORKSPACE, role);
  }

  @Test
  void listingUsersTakesEitherPermissionOfTheAnyOf() {
    CurrentPrincipal.runAs(
        in(WorkspaceRoles.OWNER),
        () -> assertEquals(1, guarded.members().listUsers(WORKSPACE).size()));
    CurrentPrincipal.runAs(
        TestPrincipals.account(AccountRoles.ADMIN),
        () -> assertEquals(1, guarded.members().listUsers(WORKSPACE).size()));
    assertThrows(
        AccessDeniedException.class,
        () ->
            CurrentPrincipal.runAs(
                in(WorkspaceRoles.DEVELOPER), () -> guarded.members().listUsers(WORKSPACE)));
  }

  @Test
  void onlyOwnerSetsTheDefaultRole() {
    assertThrows(
        AccessDeniedException.class,
        () ->
            CurrentPrincipal.runAs(
                in(WorkspaceRoles.DEVELOPER),
                () -> guarded.members().setDefaultRole(WORKSPACE, WorkspaceRoles.VIEWER)));
    assertEquals(
        Optional.empty(), plain.defaults().defaultRoleOf(WORKSPACE), "unchanged after the denial");
    CurrentPrincipal.runAs(
        in(WorkspaceRoles.OWNER),
        () -> guarded.members().setDefaultRole(WORKSPACE, WorkspaceRoles.VIEWER));
    assertEquals(
        Optional.of(WorkspaceRoles.VIEWER),
        plain.defaults().defaultRoleOf(WORKSPACE).map(Role::name));
  }

  @Test
  void onlyOwnerDeletesTheWorkspace() {
    assertThrows(
        AccessDeniedException.class,
        () ->
            CurrentPrincipal.runAs(
                in(WorkspaceRoles.DEVELOPER), () -> guarded.workspace().delete(WORKSPACE)));
    assertEquals(WORKSPACE, plain.workspace().describe(WORKSPACE).handle(), "still there");
    CurrentPrincipal.runAs(
        in(WorkspaceRoles.OWNER), () -> assertTrue(guarded.workspace().delete(WORKSPACE)));
  }

  @Test
  void workerPollsButCannotManagePools() {
    CurrentPrincipal.runAs(
        in(WorkspaceRoles.WORKER),
        () -> {
          assertEquals(1, guarded.workPools().poll(WORKSPACE, WORK_POOL).size());
          assertThrows(
              AccessDeniedException.class, () -> guarded.workPools().pause(WORKSPACE, WORK_POOL));
        });
    assertFalse(plain.workPools().list(WORKSPACE).get(0).paused(), "not paused");
  }

  @Test
  void accountPermissionsComeFromTheAccountRoleOnly() {
    AccountSettings before = plain.account().settings(ACME);
    CurrentPrincipal.runAs(
        TestPrincipals.account(AccountRoles.MEMBER),
        () -> {
          assertEquals(before, guarded.account().settings(ACME));
          assertThrows(
              AccessDeniedException.class,
              () -> guarded.account().edit(ACME, new AccountSettings("hijacked", false)));
          assertThrows(
              AccessDeniedException.class, () -> guarded.workspaces().create(ACME, "ws-new"));
        });
    // A workspace OWNER is still only an account MEMBER.
    assertThrows(
        AccessDeniedException.class,
        () ->
            CurrentPrincipal.runAs(
                in(WorkspaceRoles.OWNER), () -> guarded.workspaces().create(ACME, "ws-new")));
    assertEquals(before, plain.account().settings(ACME), "unchanged");
    assertEquals(List.of(WORKSPACE, STAGING), plain.workspaces().list(ACME));
  }

  @Test
  void adminCreatesWorkspacesButOnlyOwnerBypassesSso() {
    CurrentPrincipal.runAs(
        TestPrincipals.account(AccountRoles.ADMIN),
        () -> {
          assertEquals("ws-new", guarded.workspaces().create(ACME, "ws-new"));
          assertThrows(AccessDeniedException.class, () -> guarded.account().bypassSso(ACME));
        });
    CurrentPrincipal.runAs(
        TestPrincipals.account(AccountRoles.OWNER),
        () -> assertEquals("sso-bypass-acct-acme-1", guarded.account().bypassSso(ACME)));
    assertEquals(List.of(WORKSPACE, STAGING, "ws-new"), plain.workspaces().list(ACME));
  }

  @Test
  void accountMembersAndServiceAccounts() {
    CurrentPrincipal.runAs(
        TestPrincipals.account(AccountRoles.ADMIN),
        () -> {
          assertEquals(
              AccountRoles.ADMIN,
              guarded.accountMembers().invite(ACME, "dave", AccountRoles.ADMIN).role());
          assertEquals("deploy-bot", guarded.serviceAccounts().create(ACME, "deploy-bot").name());
        });
    CurrentPrincipal.runAs(
        TestPrincipals.account(AccountRoles.MEMBER),
        () -> {
          assertEquals(4, guarded.accountMembers().list(ACME).size(), "bob, ada, carol and dave");
          assertEquals(2, guarded.serviceAccounts().list(ACME).size());
          assertThrows(
              AccessDeniedException.class, () -> guarded.accountMembers().remove(ACME, MEMBER));
        });
    assertThrows(UnauthenticatedException.class, () -> guarded.accountMembers().list(ACME));
  }
}
