package dev.rolegate.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolegate.runtime.DecisionListener;
import dev.rolegate.runtime.Decisions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The app's {@code --audit} flag: one line per guard decision, and no listener left behind. */
class AuditTest {
  @AfterEach
  void removeListener() {
    Decisions.setListener(null);
  }

  @Test
  void oneAuditLinePerGuardedCallMatchingTheTable() {
    AppRun run = AppRun.of("--csv", "--audit");
    assertEquals(0, run.status());
    List<String> csv = run.outLines();
    long yes = 0;
    long no = 0;
    for (String line : csv.subList(1, csv.size())) {
      if (line.startsWith("health.ping,")) {
        continue; // unguarded: no decision
      }
      for (String cell : line.substring(line.indexOf(',') + 1).split(",")) {
        yes += cell.equals("yes") ? 1 : 0;
        no += cell.equals("no") ? 1 : 0;
      }
    }
    List<String> audit = run.errLines();
    assertEquals((csv.size() - 2) * 9, audit.size(), "one line per call but the unguarded ping");
    assertTrue(audit.stream().allMatch(line -> line.startsWith(AuditLine.PREFIX)), run.err());
    assertEquals(yes, audit.stream().filter(line -> line.startsWith("audit: allowed ")).count());
    assertEquals(no, audit.stream().filter(line -> line.startsWith("audit: denied ")).count());
    assertFalse(run.err().contains(SampleData.BLOCK_SECRET));
  }

  @Test
  void linesSayWhoWhatWhereAndWhy() {
    List<String> audit = AppRun.of("--csv", "--audit").errLines();
    assertTrue(
        audit.contains(
            "audit: denied user runner-user DeploymentService.delete in ws-prod needs"
                + " DELETE_DEPLOYMENTS; would allow workspace DEVELOPER, workspace OWNER, account ADMIN, account OWNER"),
        String.join("\n", audit));
    assertTrue(
        audit.contains(
            "audit: allowed service account worker-key WorkPoolService.poll in ws-prod needs"
                + " POLL_AND_SUBMIT_WORK; granted by WORKER in ws-prod"),
        String.join("\n", audit));
    // The custom role is named (the runtime may add how it is made: "DEPLOYER (RUNNER + ...)").
    assertTrue(
        audit.stream()
            .anyMatch(
                line ->
                    line.startsWith(
                            "audit: allowed user deployer-user"
                                + " DeploymentService.create in ws-prod needs CREATE_EDIT_DEPLOYMENTS; granted by DEPLOYER")
                        && line.endsWith(" in ws-prod")),
        String.join("\n", audit));
    assertTrue(
        audit.contains(
            "audit: allowed user account-admin WorkspaceDirectoryService.create in account"
                + " acct-acme needs CREATE_WORKSPACES; granted by account role ADMIN in acct-acme"),
        String.join("\n", audit));
    assertTrue(
        audit.contains(
            "audit: allowed user account-admin DeploymentService.delete in ws-prod needs"
                + " DELETE_DEPLOYMENTS; granted by account ADMIN in acct-acme (workspace OWNER in the account's"
                + " workspaces)"),
        String.join("\n", audit));
  }

  @Test
  void theListenerIsRemovedAfterTheTable() {
    AppRun run = AppRun.of("--audit");
    assertEquals(0, run.status());
    assertNull(Decisions.listener());
    assertTrue(run.out().contains("operation"), run.out());
    assertTrue(run.err().startsWith(AuditLine.PREFIX), run.err());
    // The example denial after the table is made without the listener: no extra line.
    assertEquals(AppRun.of("--csv", "--audit").errLines().size(), run.errLines().size());
  }

  @Test
  void aListenerInstalledBeforeIsRestored() {
    DecisionListener mine = decision -> {};
    Decisions.setListener(mine);
    AppRun.of("--csv", "--audit");
    assertSame(mine, Decisions.listener());
  }

  @Test
  void withoutTheFlagNothingIsLogged() {
    AppRun run = AppRun.of("--csv");
    assertEquals("", run.err());
    assertNull(Decisions.listener());
  }
}
