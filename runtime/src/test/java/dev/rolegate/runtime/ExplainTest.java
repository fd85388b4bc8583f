package dev.rolegate.runtime;

import static dev.rolegate.runtime.TestMatrix.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.rolegate.runtime.internal.Requirement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Decisions#explain}: the structured answer, the sentence, and agreement with guards. */
class ExplainTest {
  private static final Principal DEV = user("alice").workspaceRole("ws", DEVELOPER).build();
  private static final Principal VIC = user("alice").workspaceRole("ws", VIEWER).build();
  private static final Principal ADA = user("ada").accountRole(ADMIN).build();

  @Test
  void explicitRole_allowed() {
    Explanation e = Decisions.explain(DEV, "ws", DELETE_X);
    assertTrue(e.allowed());
    assertEquals("allowed: alice is DEVELOPER in ws, which grants DELETE_X", e.sentence());
    assertEquals(e.sentence(), e.toString());
    assertEquals("alice", e.principalId());
    assertEquals("ws", e.workspace());
    assertEquals(DELETE_X, e.permission());
    assertEquals(Level.WORKSPACE, e.level());
    assertEquals(DEVELOPER, e.roleThere());
    assertFalse(e.fromDefault());
    assertEquals(MEMBER, e.accountRole());
    assertEquals("DEVELOPER in ws", e.grantedBy());
    assertEquals(List.of(DEVELOPER, OWNER), e.grantingRoles());
  }

  @Test
  void explicitRole_denied() {
    Explanation e = Decisions.explain(VIC, "ws", DELETE_X);
    assertFalse(e.allowed());
    assertEquals(
        "denied: alice is VIEWER in ws; DELETE_X is granted by DEVELOPER, OWNER", e.sentence());
    assertEquals(VIEWER, e.roleThere());
    assertEquals("", e.grantedBy());
    assertEquals(List.of(DEVELOPER, OWNER), e.grantingRoles());
  }

  @Test
  void permissionOnlyOwnerHolds_namesOwnerAlone() {
    Explanation e = Decisions.explain(DEV, "ws", VIEW_SECRETS);
    assertEquals(
        "denied: alice is DEVELOPER in ws; VIEW_SECRETS is granted by OWNER", e.sentence());
  }

  @Test
  void noRoleInWorkspace_denied() {
    Explanation e = Decisions.explain(DEV, "ws-other", VIEW_X);
    assertFalse(e.allowed());
    assertEquals(
        "denied: alice has no role in ws-other; VIEW_X is granted by VIEWER, DEVELOPER, OWNER",
        e.sentence());
    assertNull(e.roleThere());
    assertFalse(e.fromDefault());
  }

  @Test
  void workspaceDefaultRole_allowedFromDefault() {
    WorkspaceDefaults defaults = new WorkspaceDefaults(MATRIX);
    defaults.setDefaultRole("ws", DEVELOPER);
    Principal dan =
        Principal.user("dan").directory(TestMatrix.SINGLE).workspaceDefaults(defaults).build();
    Explanation e = Decisions.explain(dan, "ws", EDIT_X);
    assertTrue(e.allowed());
    assertTrue(e.fromDefault());
    assertEquals(DEVELOPER, e.roleThere());
    assertEquals(
        "allowed: dan holds the workspace default DEVELOPER in ws, which grants EDIT_X",
        e.sentence());
    assertEquals(
        "denied: dan holds the workspace default DEVELOPER in ws; VIEW_SECRETS is granted by OWNER",
        Decisions.explain(dan, "ws", VIEW_SECRETS).sentence());
  }

  @Test
  void workspaceDefaultRole_explicitRoleWins() {
    WorkspaceDefaults defaults = new WorkspaceDefaults(MATRIX);
    defaults.setDefaultRole("ws", OWNER);
    Principal vic = user("vic").workspaceDefaults(defaults).workspaceRole("ws", VIEWER).build();
    Explanation e = Decisions.explain(vic, "ws", EDIT_X);
    assertFalse(e.allowed());
    assertFalse(e.fromDefault());
    assertEquals(
        "denied: vic is VIEWER in ws; EDIT_X is granted by DEVELOPER, OWNER", e.sentence());
  }

  @Test
  void workspaceDefaultNoAccess_isNoRole() {
    WorkspaceDefaults defaults = new WorkspaceDefaults(MATRIX);
    defaults.setNoAccess("ws");
    Principal dan =
        Principal.user("dan").directory(TestMatrix.SINGLE).workspaceDefaults(defaults).build();
    Explanation e = Decisions.explain(dan, "ws", VIEW_X);
    assertFalse(e.allowed());
    assertFalse(e.fromDefault());
    assertNull(e.roleThere());
    assertTrue(e.sentence().startsWith("denied: dan has no role in ws;"), e.sentence());
  }

  @Test
  void accountAdmin_isOwnerEverywhere() {
    Explanation e = Decisions.explain(ADA, "ws-anything", VIEW_SECRETS);
    assertTrue(e.allowed());
    assertEquals(
        "allowed: account ADMIN in acme is workspace OWNER in the account's workspaces",
        e.sentence());
    assertEquals(
        "account ADMIN in acme (workspace OWNER in the account's workspaces)", e.grantedBy());
    assertEquals(ADMIN, e.accountRole());
    assertNull(e.roleThere());
  }

  @Test
  void accountAdminWithExplicitRole_roleThereGrantsFirst_elseOwnerEverywhere() {
    Principal ada = user("ada").accountRole(ADMIN).workspaceRole("ws", VIEWER).build();
    assertEquals(
        "allowed: ada is VIEWER in ws, which grants VIEW_X",
        Decisions.explain(ada, "ws", VIEW_X).sentence());
    Explanation e = Decisions.explain(ada, "ws", DELETE_X);
    assertTrue(e.allowed());
    assertEquals(VIEWER, e.roleThere());
    assertEquals(
        "allowed: account ADMIN in acme is workspace OWNER in the account's workspaces",
        e.sentence());
  }

  @Test
  void nullOrBlankWorkspace_deniedEvenForAdmin() {
    for (String workspace : new String[] {null, "", "   ", "\t"}) {
      for (Principal principal : List.of(DEV, ADA)) {
        Explanation e = Decisions.explain(principal, workspace, VIEW_X);
        assertFalse(e.allowed(), () -> principal + " in [" + workspace + "]");
        assertEquals(
            workspace == null
                ? "denied: VIEW_X was asked about in no workspace; name the workspace, or use"
                    + " explainInAccount for an account permission"
                : "denied: the workspace id "
                    + dev.rolegate.runtime.internal.Names.quoted(workspace)
                    + " is empty or blank, and a call that names a workspace never runs without one",
            e.sentence());
        assertNull(e.roleThere());
        assertEquals("", e.grantedBy());
        assertEquals(workspace, e.workspace());
      }
    }
  }

  @Test
  void accountPermission_allowed() {
    Explanation e = Decisions.explainInAccount(DEV, ACCOUNT, VIEW_ACCOUNT);
    assertTrue(e.allowed());
    assertEquals(Level.ACCOUNT, e.level());
    assertEquals(ACCOUNT, e.account());
    assertEquals("allowed: alice's account role MEMBER in acme grants VIEW_ACCOUNT", e.sentence());
    assertEquals("account role MEMBER in acme", e.grantedBy());
    assertEquals(List.of(MEMBER, ADMIN), e.grantingRoles());
    assertNull(e.roleThere());
  }

  @Test
  void accountPermission_denied_workspaceRoleDoesNotMatter() {
    Principal owner = user("olga").workspaceRole("ws", OWNER).build();
    Explanation e = Decisions.explain(owner, "ws", EDIT_ACCOUNT);
    assertFalse(e.allowed());
    assertEquals(
        "denied: olga's account role in acme is MEMBER; EDIT_ACCOUNT is granted by account roles ADMIN",
        e.sentence());
    assertEquals(List.of(ADMIN), e.grantingRoles());
    assertEquals("", e.grantedBy());
  }

  @Test
  void accountPermission_adminAllowed() {
    assertTrue(Decisions.explainInAccount(ADA, ACCOUNT, EDIT_ACCOUNT).allowed());
    assertTrue(Decisions.explain(ADA, "ws", EDIT_ACCOUNT).allowed(), "in the workspace's account");
    assertFalse(Decisions.explain(ADA, null, EDIT_ACCOUNT).allowed(), "in no account");
  }

  @Test
  void scopeString_isAcceptedAndReportedByName() {
    Explanation delete = Decisions.explain(DEV, "ws", "manage_x");
    assertEquals(DELETE_X, delete.permission());
    assertTrue(delete.allowed());
    Explanation account = Decisions.explainInAccount(DEV, ACCOUNT, "update:account");
    assertEquals(EDIT_ACCOUNT, account.permission());
    assertFalse(account.allowed());
  }

  @Test
  void unknownPermission_isRejectedNamingIt() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Decisions.explain(DEV, "ws", "delete_everything"));
    assertTrue(e.getMessage().contains("delete_everything"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Decisions.explain(DEV, "ws", "delete_x"));
    assertThrows(IllegalArgumentException.class, () -> Decisions.explain(DEV, "ws", null));
    assertThrows(NullPointerException.class, () -> Decisions.explain(null, "ws", VIEW_X));
  }

  @Test
  void customRole_roleThereUsesDescribe() {
    Role auditor = new CustomRoles(MATRIX).define("AUDITOR", VIEWER, VIEW_SECRETS);
    Principal carl = user("carl").workspaceRole("ws", auditor).build();
    Explanation allowed = Decisions.explain(carl, "ws", VIEW_SECRETS);
    assertTrue(allowed.allowed());
    assertEquals("AUDITOR (VIEWER + VIEW_SECRETS)", allowed.roleThere());
    assertEquals(
        "allowed: carl is AUDITOR (VIEWER + VIEW_SECRETS) in ws, which grants VIEW_SECRETS",
        allowed.sentence());
    assertEquals("AUDITOR (VIEWER + VIEW_SECRETS) in ws", allowed.grantedBy());
    Explanation denied = Decisions.explain(carl, "ws", EDIT_X);
    assertFalse(denied.allowed());
    assertEquals(
        "denied: carl is AUDITOR (VIEWER + VIEW_SECRETS) in ws; EDIT_X is granted by DEVELOPER, OWNER",
        denied.sentence());
  }

  @Test
  void standaloneCustomRole_roleThereUsesDescribe() {
    Role reader = new CustomRoles(MATRIX).defineStandalone("READER", List.of(VIEW_SECRETS));
    Principal sam = serviceAccount("sam").workspaceRole("ws", reader).build();
    Explanation e = Decisions.explain(sam, "ws", VIEW_X);
    assertFalse(e.allowed());
    assertEquals("READER (custom: VIEW_SECRETS)", e.roleThere());
    assertEquals(
        "denied: sam is READER (custom: VIEW_SECRETS) in ws; VIEW_X is granted by VIEWER, DEVELOPER, OWNER",
        e.sentence());
  }

  @Test
  void permissionNoRoleHolds_saysNoRole() {
    Matrix bare =
        builderWithPermissions("Bare")
            .role(VIEWER, Level.WORKSPACE, new long[] {VIEWER_BITS}, "", "sees")
            .role(MEMBER, Level.ACCOUNT, new long[] {MEMBER_BITS}, "", "member")
            .defaultAccountRole(MEMBER)
            .build();
    Principal vic =
        Principal.user("vic")
            .directory(TestMatrix.SINGLE)
            .matrix(bare)
            .workspaceRole("ws", VIEWER)
            .build();
    Explanation e = Decisions.explain(vic, "ws", VIEW_SECRETS);
    assertEquals("denied: vic is VIEWER in ws; VIEW_SECRETS is granted by no role", e.sentence());
    assertEquals(List.of(), e.grantingRoles());
    Explanation account = Decisions.explainInAccount(vic, ACCOUNT, EDIT_ACCOUNT);
    assertEquals(
        "denied: vic's account role in acme is MEMBER; EDIT_ACCOUNT is granted by no account role",
        account.sentence());
  }

  @Test
  void explain_agreesWithTheGuard_forEveryPrincipalWorkspaceAndPermission() {
    WorkspaceDefaults defaults = new WorkspaceDefaults(MATRIX);
    defaults.setDefaultRole("ws-default", VIEWER);
    defaults.setNoAccess("ws-closed");
    Role auditor = new CustomRoles(MATRIX).define("AUDITOR", VIEWER, VIEW_SECRETS);
    List<Principal> principals =
        List.of(
            DEV,
            VIC,
            ADA,
            user("carl").workspaceRole("ws", auditor).workspaceDefaults(defaults).build(),
            serviceAccount("bot")
                .workspaceDefaults(defaults)
                .workspaceRole("ws-closed", DEVELOPER)
                .build(),
            user("ed").accountRole(ADMIN).workspaceDefaults(defaults).build());
    String[] workspaces = {"ws", "ws-default", "ws-closed", "ws-other", null, " "};
    for (Principal principal : principals) {
      for (String workspace : workspaces) {
        for (Permission permission : MATRIX.permissions()) {
          boolean guard = true;
          try {
            if (workspace == null) {
              // No workspace named, as a method without @WorkspaceId (none bound).
              Requirement.allOf(permission).check(() -> principal, "op");
            } else {
              Requirement.allOf(permission).check(() -> principal, workspace, "op");
            }
          } catch (AccessDeniedException denied) {
            guard = false;
          }
          Explanation e = Decisions.explain(principal, workspace, permission.name());
          assertEquals(guard, e.allowed(), e.sentence());
          assertTrue(e.sentence().startsWith(guard ? "allowed: " : "denied: "), e.sentence());
        }
      }
    }
  }
}
