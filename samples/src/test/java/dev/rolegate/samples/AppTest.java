package dev.rolegate.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sample app: its table, its CSV and its arguments. */
class AppTest {
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
  void tableHasOneRowPerOperationAndEightColumns() {
    assertEquals(OperationCatalogue.all().size(), table.rows().size());
    assertTrue(table.rows().size() >= 30 && table.rows().size() <= 45, "rows: " + table.rows().size());
    assertEquals(8, table.columns().size());
  }

  @Test
  void csvHasHeaderAndOneLinePerOperation() {
    Output output = run("--csv");
    assertEquals(0, output.status);
    String[] lines = output.out.split("\n");
    assertEquals(
        "operation,VIEWER,RUNNER,DEVELOPER,OWNER,WORKER,ACCOUNT_OWNER,ACCOUNT_ADMIN,ACCOUNT_MEMBER",
        lines[0]);
    assertEquals(OperationCatalogue.all().size() + 1, lines.length);
    assertTrue(output.out.contains("\ndeployments.delete,no,no,yes,yes,no,yes,yes,no\n"), output.out);
    assertEquals("", output.err);
  }

  @Test
  void textOutputShowsTheTableAndADenial() {
    Output output = run();
    assertEquals(0, output.status);
    assertTrue(output.out.contains("deployments.delete"), output.out);
    assertTrue(output.out.contains("runner-user"), output.out);
    assertTrue(output.out.contains("DELETE_DEPLOYMENTS"), output.out);
    assertFalse(output.out.contains(SampleData.BLOCK_SECRET));
  }

  @Test
  void unknownArgumentPrintsUsageAndExitsTwo() {
    Output output = run("--bogus");
    assertEquals(2, output.status);
    assertEquals("", output.out);
    assertTrue(output.err.contains("usage:"), output.err);
    assertTrue(output.err.contains("--bogus"), output.err);
  }

  private static Output run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = App.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Output(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private record Output(int status, String out, String err) {}
}
