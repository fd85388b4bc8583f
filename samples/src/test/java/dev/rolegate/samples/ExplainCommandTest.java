package dev.rolegate.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolegate.runtime.AccessDeniedException;
import dev.rolegate.runtime.CurrentPrincipal;
import dev.rolegate.runtime.Principal;
import dev.rolegate.runtime.PrincipalScope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The app's {@code explain} subcommand, called through the app's entry point. */
class ExplainCommandTest {
  @Test
  void runnerDeletingADeploymentIsDeniedWithTheRolesThatGrantIt() {
    AppRun run = AppRun.of("explain", "RUNNER", "ws-prod", "DELETE_DEPLOYMENTS");
    assertEquals(0, run.status());
    assertEquals("", run.err());
    assertEquals(
        List.of(
            "denied: runner-user is RUNNER in ws-prod; DELETE_DEPLOYMENTS is granted by DEVELOPER, OWNER",
            "  allowed:         false",
            "  principal:       user runner-user",
            "  account:         acct-acme",
            "  workspace:       ws-prod",
            "  permission:      DELETE_DEPLOYMENTS (workspace permission, scope manage_deployments)",
            "  role there:      RUNNER",
            "  from default:    false",
            "  account role:    MEMBER",
            "  granted by:      -",
            "  granting roles:  DEVELOPER, OWNER"),
        run.outLines());
  }

  @Test
  void accountAdminIsOwnerEverywhereAndScopesAreAccepted() {
    AppRun run = AppRun.of("explain", "ACCOUNT_ADMIN", "ws-prod", "manage_deployments");
    assertEquals(0, run.status());
    List<String> lines = run.outLines();
    assertEquals(
        "allowed: account ADMIN in acct-acme is workspace OWNER in the account's workspaces",
        lines.get(0));
    assertTrue(
        lines.contains(
            "  permission:      DELETE_DEPLOYMENTS (workspace permission, scope manage_deployments)"),
        run.out());
    assertTrue(
        lines.contains(
            "  granted by:      account ADMIN in acct-acme (workspace OWNER in the account's"
                + " workspaces)"),
        run.out());
    assertTrue(lines.contains("  role there:      -"), run.out());
  }

  @Test
  void whoIsCaseInsensitive() {
    AppRun upper = AppRun.of("explain", "ACCOUNT_ADMIN", "ws-prod", "VIEW_FLOWS");
    assertEquals(upper, AppRun.of("explain", "account_admin", "ws-prod", "VIEW_FLOWS"));
    assertEquals(upper, AppRun.of("explain", "Account_Admin", "ws-prod", "VIEW_FLOWS"));
  }

  @Test
  void customRoleIsExplainedLikeABuiltInOne() {
    AppRun allowed = AppRun.of("explain", "deployer", "ws-prod", "write_deployments");
    assertEquals(
        "allowed: deployer-user is DEPLOYER (RUNNER + CREATE_EDIT_DEPLOYMENTS) in ws-prod, which grants"
            + " CREATE_EDIT_DEPLOYMENTS",
        allowed.outLines().get(0));
    // The custom role grants it (the runtime may add how it is made: "DEPLOYER (RUNNER + ...)").
    assertTrue(
        allowed.outLines().stream()
            .anyMatch(
                line ->
                    line.startsWith("  granted by:      DEPLOYER") && line.endsWith(" in ws-prod")),
        allowed.out());
    AppRun denied = AppRun.of("explain", "DEPLOYER", "ws-prod", "DELETE_DEPLOYMENTS");
    assertTrue(
        denied.outLines().get(0).startsWith("denied: deployer-user is DEPLOYER"), denied.out());
  }

  @Test
  void accountPermissionsAndOtherWorkspaces() {
    AppRun member = AppRun.of("explain", "ACCOUNT_MEMBER", "ws-prod", "CREATE_WORKSPACES");
    assertEquals(
        "denied: account-member's account role in acct-acme is MEMBER; CREATE_WORKSPACES is granted"
            + " by account roles ADMIN, OWNER",
        member.outLines().get(0));
    assertTrue(member.out().contains("ws-prod (not used: an account permission)"), member.out());
    AppRun owner = AppRun.of("explain", "ACCOUNT_OWNER", "ws-prod", "bypass:sso");
    assertEquals(
        "allowed: account-owner's account role OWNER in acct-acme grants BYPASS_SSO",
        owner.outLines().get(0));
    AppRun elsewhere = AppRun.of("explain", "WORKER", "ws-staging", "VIEW_FLOWS");
    assertTrue(
        elsewhere.outLines().get(0).startsWith("denied: worker-key has no role in ws-staging;"),
        elsewhere.out());
    assertTrue(
        elsewhere.out().contains("  principal:       service account worker-key"), elsewhere.out());
  }

  @Test
  void otherAccountsAndUnknownWorkspacesAreDenied() {
    AppRun globex = AppRun.of("explain", "ACCOUNT_OWNER", "ws-globex", "VIEW_FLOWS");
    assertEquals(0, globex.status());
    assertEquals(
        "denied: account-owner is no member of account acct-globex, which workspace ws-globex"
            + " belongs to",
        globex.outLines().get(0));
    assertTrue(globex.outLines().contains("  account:         acct-globex"), globex.out());
    AppRun unknown = AppRun.of("explain", "ACCOUNT_OWNER", "ws-unknown", "VIEW_FLOWS");
    assertEquals(0, unknown.status());
    assertEquals(
        "denied: the account directory knows no account for workspace ws-unknown",
        unknown.outLines().get(0));
    assertTrue(unknown.outLines().contains("  account:         -"), unknown.out());
  }

  @Test
  void unknownWhoExitsTwoListingTheColumns() {
    AppRun run = AppRun.of("explain", "ADMIN", "ws-prod", "VIEW_FLOWS");
    assertEquals(2, run.status());
    assertEquals("", run.out());
    assertTrue(run.err().contains("unknown <who> \"ADMIN\""), run.err());
    assertTrue(
        run.err()
            .contains(
                "VIEWER, RUNNER, DEVELOPER, OWNER, WORKER, DEPLOYER, ACCOUNT_OWNER,"
                    + " ACCOUNT_ADMIN, ACCOUNT_MEMBER"),
        run.err());
  }

  @Test
  void unknownPermissionExitsTwoWithAHint() {
    AppRun typo = AppRun.of("explain", "RUNNER", "ws-prod", "DELETE_DEPLOYMENT");
    assertEquals(2, typo.status());
    assertEquals("", typo.out());
    assertTrue(
        typo.err().contains("\"DELETE_DEPLOYMENT\" is neither a permission name nor a scope"),
        typo.err());
    AppRun wrongCase = AppRun.of("explain", "RUNNER", "ws-prod", "delete_deployments");
    assertEquals(2, wrongCase.status());
    assertTrue(wrongCase.err().contains("did you mean DELETE_DEPLOYMENTS?"), wrongCase.err());
  }

  @Test
  void wrongArgumentCountExitsTwoWithUsage() {
    for (String[] args :
        List.of(
            new String[] {"explain"},
            new String[] {"explain", "RUNNER", "ws-prod"},
            new String[] {"explain", "RUNNER", "ws-prod", "VIEW_FLOWS", "extra"})) {
      AppRun run = AppRun.of(args);
      assertEquals(2, run.status(), String.join(" ", args));
      assertEquals("", run.out());
      assertTrue(run.err().contains("explain takes 3 arguments"), run.err());
      assertTrue(run.err().contains("usage:"), run.err());
    }
  }

  /**
   * For every column and permission, explain's answer is the generated guard's decision; the
   * per-column counts are the role sizes of MATRIX.md (workspace permissions, then the account
   * role's: MEMBER 4, ADMIN 8, OWNER 9), written by hand.
   */
  @Test
  void explainAgreesWithTheGuardForEveryColumnAndPermission() {
    Map<String, Consumer<PermissionProbe>> calls = MatrixCellTest.calls();
    assertEquals(39, calls.size());
    PermissionProbe guard =
        GuardedPermissionProbe.wrap(CallRecorder.noOp(PermissionProbe.class, new ArrayList<>()));
    Map<String, Integer> allowedPerColumn = new LinkedHashMap<>();
    for (RoleColumn column : RoleColumn.standard(SampleData.WORKSPACE)) {
      Principal principal = column.principal(SampleData.seeded().defaults());
      int allowed = 0;
      for (Map.Entry<String, Consumer<PermissionProbe>> call : calls.entrySet()) {
        boolean guardAllows = guardAllows(principal, guard, call.getValue());
        AppRun run = AppRun.of("explain", column.label(), SampleData.WORKSPACE, call.getKey());
        String first = run.outLines().get(0);
        assertTrue(
            first.startsWith(guardAllows ? "allowed: " : "denied: "),
            column.label()
                + " "
                + call.getKey()
                + ": guard "
                + guardAllows
                + ", explain: "
                + first);
        allowed += guardAllows ? 1 : 0;
      }
      allowedPerColumn.put(column.label(), allowed);
    }
    Map<String, Integer> expected = new LinkedHashMap<>();
    expected.put("VIEWER", 8 + 4);
    expected.put("RUNNER", 9 + 4);
    expected.put("DEVELOPER", 24 + 4);
    expected.put("OWNER", 30 + 4);
    expected.put("WORKER", 4 + 4);
    expected.put("DEPLOYER", 10 + 4);
    expected.put("ACCOUNT_OWNER", 30 + 9);
    expected.put("ACCOUNT_ADMIN", 30 + 8);
    expected.put("ACCOUNT_MEMBER", 4);
    assertEquals(expected, allowedPerColumn);
  }

  private static boolean guardAllows(
      Principal principal, PermissionProbe guard, Consumer<PermissionProbe> call) {
    try (PrincipalScope scope = CurrentPrincipal.bind(principal)) {
      call.accept(guard);
      return true;
    } catch (AccessDeniedException denied) {
      return false;
    }
  }
}
