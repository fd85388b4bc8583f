package dev.rolegate.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sample app: its table, its CSV and its arguments. */
class AppTest {
  private static final List<String> COLUMNS =
      List.of(
          "VIEWER",
          "RUNNER",
          "DEVELOPER",
          "OWNER",
          "WORKER",
          "DEPLOYER",
          "ACCOUNT_OWNER",
          "ACCOUNT_ADMIN",
          "ACCOUNT_MEMBER");
  private static AccessTable table;

  @BeforeAll
  static void buildTable() {
    table = AccessTableBuilder.standard();
  }

  @Test
  void tableCellsFollowTheMatrix() {
    assertFalse(table.allowed("deployments.delete", "RUNNER"));
    assertTrue(table.allowed("deployments.delete", "DEVELOPER"));
    assertTrue(table.allowed("workPools.poll", "WORKER"));
    assertTrue(table.allowed("flows.submitRun", "WORKER"));
    assertFalse(table.allowed("flows.submitRun", "RUNNER"));
    assertFalse(table.allowed("deployments.delete", "WORKER"));
    assertTrue(table.allowed("workspaces.create", "ACCOUNT_ADMIN"));
    assertFalse(table.allowed("workspaces.create", "ACCOUNT_MEMBER"));
    assertTrue(table.allowed("deployments.delete", "ACCOUNT_OWNER"));
    assertFalse(table.allowed("deployments.list", "ACCOUNT_MEMBER"));
    assertTrue(table.allowed("account.bypassSso", "ACCOUNT_OWNER"));
    assertFalse(table.allowed("account.bypassSso", "ACCOUNT_ADMIN"));
    assertFalse(table.allowed("members.listUsers", "DEVELOPER"));
    assertTrue(table.allowed("health.ping", "ACCOUNT_MEMBER"));
  }

  @Test
  void customRoleColumnIsRunnerPlusCreatingDeployments() {
    assertTrue(table.allowed("deployments.create", "DEPLOYER"));
    assertFalse(table.allowed("deployments.create", "RUNNER"));
    assertFalse(table.allowed("deployments.delete", "DEPLOYER"));
    for (AccessTable.Row row : table.rows()) {
      if (!row.operation().equals("deployments.create")) {
        assertEquals(
            table.allowed(row.operation(), "RUNNER"),
            table.allowed(row.operation(), "DEPLOYER"),
            row.operation()
                + ": DEPLOYER differs from its base RUNNER only in creating deployments");
      }
    }
  }

  @Test
  void tableHasOneRowPerOperationAndNineColumns() {
    assertEquals(OperationCatalogue.all().size(), table.rows().size());
    assertEquals(46, table.rows().size());
    assertEquals(COLUMNS, table.columns());
  }

  @Test
  void csvHasHeaderAndOneLinePerOperation() {
    AppRun run = AppRun.of("--csv");
    assertEquals(0, run.status());
    List<String> lines = run.outLines();
    assertEquals("operation," + String.join(",", COLUMNS), lines.get(0));
    assertEquals(OperationCatalogue.all().size() + 1, lines.size());
    assertTrue(lines.contains("deployments.delete,no,no,yes,yes,no,no,yes,yes,no"), run.out());
    assertTrue(lines.contains("deployments.create,no,no,yes,yes,no,yes,yes,yes,no"), run.out());
    assertTrue(lines.contains("flows.submitRun,no,no,yes,yes,yes,no,yes,yes,no"), run.out());
    assertFalse(run.out().contains(TwoAccounts.ADA), "no account section in CSV: " + run.out());
    assertEquals("", run.err());
  }

  @Test
  void tableSubcommandIsTheDefault() {
    assertEquals(AppRun.of("--csv"), AppRun.of("table", "--csv"));
  }

  @Test
  void textOutputShowsTheTableAndADenial() {
    AppRun run = AppRun.of();
    assertEquals(0, run.status());
    assertTrue(run.out().contains("deployments.delete"), run.out());
    assertTrue(run.out().contains("DEPLOYER (RUNNER + CREATE_EDIT_DEPLOYMENTS)"), run.out());
    assertTrue(
        run.out().contains("access denied: user runner-user may not call DeploymentService.delete"),
        run.out());
    assertTrue(run.out().contains("DELETE_DEPLOYMENTS"), run.out());
    assertFalse(run.out().contains(SampleData.BLOCK_SECRET));
  }

  @Test
  void textOutputEndsWithTheTwoAccountsSection() {
    List<String> lines = AppRun.of().outLines();
    int start =
        lines.indexOf(
            "Two accounts: acct-acme (workspaces ws-prod, ws-staging) and acct-globex (workspace ws-globex).");
    assertTrue(start > 0, String.join("\n", lines));
    List<String> section = lines.subList(start + 1, lines.size());
    assertEquals(16, section.size(), String.join("\n", section));
    assertEquals("ada is ADMIN in acct-acme and MEMBER in acct-globex:", section.get(0));
    assertEquals(
        "  allowed: ada deletes deployment d-nightly-etl in ws-prod (acct-acme)", section.get(1));
    assertEquals(
        "    granted by account ADMIN in acct-acme (workspace OWNER in the account's workspaces)",
        section.get(2));
    assertEquals(
        "  denied:  ada deletes deployment d-globex-sync in ws-globex (acct-globex)",
        section.get(3));
    assertTrue(
        section
            .get(4)
            .startsWith(
                "    access denied: user ada may not call DeploymentService.delete,"
                    + " which requires DELETE_DEPLOYMENTS in workspace \"ws-globex\" of account \"acct-globex\";"),
        section.get(4));
    assertEquals("  allowed: ada reads the settings of acct-globex", section.get(5));
    assertEquals("    granted by account role MEMBER in acct-globex", section.get(6));
    assertEquals("  denied:  ada edits the settings of acct-globex", section.get(7));
    assertTrue(
        section
            .get(8)
            .startsWith(
                "    access denied: user ada may not call AccountSettingsService.edit,"
                    + " which requires EDIT_ACCOUNT_SETTINGS in account \"acct-globex\";"),
        section.get(8));
    assertEquals(
        "A workspace default applies to members of the workspace's account only:", section.get(9));
    assertEquals("  allowed: ada sets the default role of ws-prod to VIEWER", section.get(10));
    assertEquals(
        "  allowed: carol (MEMBER of acct-acme, no workspace role) lists the deployments of ws-prod",
        section.get(12));
    assertEquals("    granted by VIEWER in ws-prod (the workspace default)", section.get(13));
    assertEquals(
        "  denied:  gus (MEMBER of acct-globex only) lists the deployments of ws-prod",
        section.get(14));
    assertTrue(
        section.get(15).contains("gus is no member of the workspace's account"), section.get(15));
  }

  @Test
  void unknownArgumentPrintsUsageAndExitsTwo() {
    AppRun run = AppRun.of("--bogus");
    assertEquals(2, run.status());
    assertEquals("", run.out());
    assertTrue(run.err().contains("usage:"), run.err());
    assertTrue(run.err().contains("--bogus"), run.err());
  }

  @Test
  void helpListsEverySubcommand() {
    AppRun run = AppRun.of("--help");
    assertEquals(0, run.status());
    for (String word :
        List.of(
            "table",
            "--csv",
            "--audit",
            "worker",
            "explain <who> <workspace> <permission>",
            String.join(", ", COLUMNS))) {
      assertTrue(run.out().contains(word), word + " in:\n" + run.out());
    }
  }

  @Test
  void workerTakesNoArgument() {
    AppRun run = AppRun.of("worker", "now");
    assertEquals(2, run.status());
    assertEquals("", run.out());
    assertTrue(run.err().contains("worker takes no argument"), run.err());
  }
}
