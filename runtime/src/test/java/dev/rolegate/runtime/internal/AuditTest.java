package dev.rolegate.runtime.internal;

import static dev.rolegate.runtime.TestMatrix.*;
import static dev.rolegate.runtime.internal.RequirementTest.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.rolegate.runtime.AccessDeniedException;
import dev.rolegate.runtime.CustomRoles;
import dev.rolegate.runtime.Decision;
import dev.rolegate.runtime.DecisionListener;
import dev.rolegate.runtime.Decisions;
import dev.rolegate.runtime.Level;
import dev.rolegate.runtime.LogCapture;
import dev.rolegate.runtime.Matrix;
import dev.rolegate.runtime.Permission;
import dev.rolegate.runtime.Principal;
import dev.rolegate.runtime.TestMatrix;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Which role {@link Audit} says granted a call, and which roles it says would have been allowed:
 * with an account role that holds a partial workspace role everywhere, with no account roles at
 * all, and with custom roles.
 */
class AuditTest {
  /**
   * The fixture's permissions; workspace roles VIEWER, DEVELOPER, OWNER and SECRETS (VIEW_SECRETS
   * only); account roles MEMBER (the default) and ADMIN, which holds DEVELOPER everywhere.
   */
  static final Matrix PARTIAL =
      TestMatrix.builderWithPermissions("Partial Everywhere")
          .role(VIEWER, Level.WORKSPACE, new long[] {VIEWER_BITS}, "", "sees things")
          .role(DEVELOPER, Level.WORKSPACE, new long[] {DEVELOPER_BITS}, "", "changes things")
          .role(OWNER, Level.WORKSPACE, new long[] {OWNER_BITS}, "", "owns the workspace")
          .role("SECRETS", Level.WORKSPACE, new long[] {0b1000L}, "", "reads secrets")
          .role(MEMBER, Level.ACCOUNT, new long[] {MEMBER_BITS}, "", "an account member")
          .role(ADMIN, Level.ACCOUNT, new long[] {ADMIN_BITS}, DEVELOPER, "runs the account")
          .defaultAccountRole(MEMBER)
          .build();

  /** The fixture's permissions and workspace roles, and no account role. */
  static final Matrix NO_ACCOUNTS =
      TestMatrix.builderWithPermissions("No Accounts")
          .role(VIEWER, Level.WORKSPACE, new long[] {VIEWER_BITS}, "", "sees things")
          .role(DEVELOPER, Level.WORKSPACE, new long[] {DEVELOPER_BITS}, "", "changes things")
          .role(OWNER, Level.WORKSPACE, new long[] {OWNER_BITS}, "", "owns the workspace")
          .build();

  private final List<Decision> seen = new ArrayList<>();

  @AfterEach
  void removeListener() {
    Decisions.setListener(null);
  }

  private Decision decisionOf(Runnable call) {
    Decisions.setListener(seen::add);
    try {
      call.run();
    } catch (AccessDeniedException denied) {
      // The decision is what this test reads.
    }
    assertEquals(1, seen.size(), () -> "decisions seen: " + seen);
    return seen.get(0);
  }

  private static Requirement require(Matrix matrix, String... names) {
    List<Permission> permissions = new ArrayList<>();
    for (String name : names) {
      permissions.add(matrix.permission(name).orElseThrow());
    }
    return Requirement.allOf(permissions.toArray(Permission[]::new));
  }

  // --- grantedBy ---

  @Test
  void grantedBy_accountRequirement_inAWorkspaceWhereTheRoleHoldsNothingOfIt_isTheAccountRole() {
    Decision d =
        decisionOf(() -> require(MATRIX, VIEW_ACCOUNT).check(fixed(DEV_IN_PROD), "ws-prod", OP));
    assertTrue(d.allowed());
    assertEquals("account role MEMBER in acme", d.grantedBy());
  }

  @Test
  void grantedBy_accountRequirement_ofAnAccountRoleWithAWorkspaceRoleEverywhere_isTheAccountRole() {
    Decision d =
        decisionOf(
            () -> require(MATRIX, EDIT_ACCOUNT).checkInAccount(fixed(ADMIN_NO_WS), ACCOUNT, OP));
    assertTrue(d.allowed());
    assertEquals("account role ADMIN in acme", d.grantedBy());
  }

  @Test
  void grantedBy_anyOf_noRoleInTheWorkspace_grantedByTheAccountPermission_isTheAccountRole() {
    Requirement either = Requirement.anyOf(permission(DELETE_X), permission(VIEW_ACCOUNT));
    Decision d = decisionOf(() -> either.check(fixed(VIEWER_IN_PROD), "ws-elsewhere", OP));
    assertTrue(d.allowed());
    assertEquals("account role MEMBER in acme", d.grantedBy());
  }

  @Test
  void grantedBy_workspaceRoleHeldEverywhere_isTheAccountRoleAndWhatItHolds() {
    Principal ada =
        Principal.user("ada")
            .directory(TestMatrix.SINGLE)
            .matrix(PARTIAL)
            .accountRole(ADMIN)
            .build();
    Decision d = decisionOf(() -> require(PARTIAL, DELETE_X).check(fixed(ada), "ws", OP));
    assertTrue(d.allowed());
    assertEquals(
        "account ADMIN in acme (workspace DEVELOPER in the account's workspaces)", d.grantedBy());
  }

  // --- would allow ---

  @Test
  void roleHeldEverywhere_grantsOnlyWhatItHolds() {
    Principal ada =
        Principal.user("ada")
            .directory(TestMatrix.SINGLE)
            .matrix(PARTIAL)
            .accountRole(ADMIN)
            .build();
    assertThrows(
        AccessDeniedException.class,
        () -> require(PARTIAL, VIEW_SECRETS).check(fixed(ada), "ws", OP));
  }

  @Test
  void wouldAllow_countsTheWorkspaceRoleHeldEverywhere_withEachCandidateRole() {
    Principal ada =
        Principal.user("ada")
            .directory(TestMatrix.SINGLE)
            .matrix(PARTIAL)
            .accountRole(ADMIN)
            .build();
    AccessDeniedException e =
        assertThrows(
            AccessDeniedException.class,
            () -> require(PARTIAL, DELETE_X, VIEW_SECRETS).check(fixed(ada), "ws", OP));
    // SECRETS alone lacks DELETE_X, which ADMIN's DEVELOPER everywhere brings.
    assertEquals(
        "access denied: user ada may not call "
            + OP
            + ", which requires all of DELETE_X,"
            + " VIEW_SECRETS in workspace \"ws\" of account \"acme\"; ada holds no role there, account role ADMIN."
            + " Allowed: workspace role OWNER, SECRETS",
        e.getMessage());
  }

  @Test
  void wouldAllow_noAccountRoles_listsWorkspaceRolesOnly() {
    Principal nia =
        Principal.user("nia")
            .directory(TestMatrix.SINGLE)
            .matrix(NO_ACCOUNTS)
            .workspaceRole("ws", VIEWER)
            .build();
    assertNull(nia.accountRole(TestMatrix.ACCOUNT));
    AccessDeniedException e =
        assertThrows(
            AccessDeniedException.class,
            () -> require(NO_ACCOUNTS, DELETE_X).check(fixed(nia), "ws", OP));
    assertEquals(
        "access denied: user nia may not call "
            + OP
            + ", which requires DELETE_X in"
            + " workspace \"ws\" of account \"acme\"; nia holds VIEWER there, account role none. Allowed: workspace role"
            + " DEVELOPER, OWNER",
        e.getMessage());
  }

  @Test
  void wouldAllow_listsOnlyTheCustomRolesThatWouldDo() {
    CustomRoles custom = new CustomRoles(MATRIX);
    custom.defineStandalone("READER", List.of(VIEW_X));
    custom.defineStandalone("REMOVER", List.of(DELETE_X));
    custom.define("AUDITOR", VIEWER, VIEW_SECRETS);
    Principal vic =
        Principal.user("vic")
            .directory(TestMatrix.SINGLE)
            .customRoles(custom)
            .workspaceRole("ws", "READER")
            .build();
    AccessDeniedException e =
        assertThrows(
            AccessDeniedException.class,
            () -> require(MATRIX, DELETE_X).check(fixed(vic), "ws", OP));
    assertTrue(
        e.getMessage()
            .endsWith(
                "; vic holds READER (custom: VIEW_X) there, account role"
                    + " MEMBER. Allowed: workspace role DEVELOPER, OWNER, REMOVER (custom); account role ADMIN"),
        e.getMessage());
  }

  @Test
  void wouldAllow_isToldToTheListener_onlyForADenialAboutRoles() {
    Decision roles =
        decisionOf(() -> require(MATRIX, DELETE_X).check(fixed(VIEWER_IN_PROD), "ws-prod", OP));
    assertEquals(
        List.of("workspace DEVELOPER", "workspace OWNER", "account ADMIN"), roles.wouldAllow());
    seen.clear();
    Decision blank =
        decisionOf(() -> require(MATRIX, DELETE_X).check(fixed(VIEWER_IN_PROD), " ", OP));
    assertFalse(blank.allowed());
    assertEquals(List.of(), blank.wouldAllow(), "a call without a usable workspace id");
    seen.clear();
    Principal other =
        Principal.user("vic")
            .directory(TestMatrix.SINGLE)
            .matrix(PARTIAL)
            .workspaceRole("ws-prod", VIEWER)
            .build();
    Decision otherMatrix =
        decisionOf(() -> require(MATRIX, DELETE_X).check(fixed(other), "ws-prod", OP));
    assertFalse(otherMatrix.allowed());
    assertEquals(List.of(), otherMatrix.wouldAllow(), "a principal of another matrix");
  }

  // --- messages ---

  @Test
  void message_accountRequirement_saysNothingOfWorkspaces() {
    AccessDeniedException e =
        assertThrows(
            AccessDeniedException.class,
            () -> require(MATRIX, EDIT_ACCOUNT).checkInAccount(fixed(DEV_IN_PROD), ACCOUNT, OP));
    assertEquals(
        "access denied: user dev may not call "
            + OP
            + ", which requires EDIT_ACCOUNT in"
            + " account \"acme\"; dev holds account role MEMBER. Allowed: account role ADMIN",
        e.getMessage());
  }

  @Test
  void message_blankWorkspaceId_isNotQuoted() {
    AccessDeniedException e =
        assertThrows(
            AccessDeniedException.class,
            () -> require(MATRIX, DELETE_X).check(fixed(ADMIN_NO_WS), " ", OP));
    assertEquals(
        "access denied: user ada may not call "
            + OP
            + ", which requires DELETE_X in a"
            + " workspace, but the workspace id is empty or blank",
        e.getMessage());
  }

  // --- a listener that throws ---

  /** A listener that throws, quoting what it was handed. */
  static final class Refusing implements DecisionListener {
    @Override
    public void onDecision(Decision decision) {
      throw new IllegalStateException("refused " + decision);
    }
  }

  @Test
  void listenerThatThrows_isLogged_byClassNamesAndTheDecision_only(LogCapture.Lines log) {
    Decisions.setListener(new Refusing());
    require(MATRIX, DELETE_X).check(fixed(DEV_IN_PROD), "ws-prod", OP);
    assertThrows(
        AccessDeniedException.class,
        () -> require(MATRIX, DELETE_X).check(fixed(VIEWER_IN_PROD), "ws-prod", OP));
    String prefix =
        "decision listener "
            + Refusing.class.getName()
            + " threw java.lang.IllegalStateException; the decision stands (";
    assertEquals(
        List.of(prefix + "allowed " + OP + ")", prefix + "denied " + OP + ")"), log.messages());
  }
}
