package dev.rolegate.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolegate.samples.account.AccountMemberService;
import dev.rolegate.samples.account.AccountSettingsService;
import dev.rolegate.samples.account.ServiceAccountService;
import dev.rolegate.samples.account.WorkspaceDirectoryService;
import dev.rolegate.samples.automations.AutomationService;
import dev.rolegate.samples.blocks.BlockService;
import dev.rolegate.samples.concurrency.ConcurrencyLimitService;
import dev.rolegate.samples.deployments.DeploymentService;
import dev.rolegate.samples.flows.FlowService;
import dev.rolegate.samples.notifications.NotificationPolicyService;
import dev.rolegate.samples.workpools.WorkPoolService;
import dev.rolegate.samples.workspaces.WorkspaceMemberService;
import dev.rolegate.samples.workspaces.WorkspaceService;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The access report the processor wrote while compiling the samples ({@code
 * META-INF/rolegate/access-report.md} beside the sample classes), checked against a table written
 * by hand from {@code MATRIX.md}: the expected roles are not computed by the code under test.
 */
class AccessReportTest {
  /**
   * Operation | the workspace roles that may call it (with account role MEMBER) | the account roles
   * that may call it with no role in the workspace (ADMIN and OWNER through workspace OWNER
   * everywhere). "-" means the requirement is account-level; "anyone" that it is unguarded.
   */
  private static final String EXPECTED =
      """
      DeploymentService.ping()                                  | anyone                               | anyone
      DeploymentService.read(String, String)                    | VIEWER RUNNER DEVELOPER OWNER WORKER | ADMIN OWNER
      DeploymentService.runOnPool(String, String, String)       | RUNNER DEVELOPER OWNER               | ADMIN OWNER
      DeploymentService.cancelRun(String, String)               | RUNNER DEVELOPER OWNER WORKER        | ADMIN OWNER
      DeploymentService.delete(String, String)                  | DEVELOPER OWNER                      | ADMIN OWNER
      AutomationService.list(String)                            | VIEWER RUNNER DEVELOPER OWNER        | ADMIN OWNER
      AutomationService.create(String, String, String, String)  | DEVELOPER OWNER                      | ADMIN OWNER
      BlockService.list(String)                                 | VIEWER RUNNER DEVELOPER OWNER        | ADMIN OWNER
      BlockService.readSecret(String, String)                   | DEVELOPER OWNER                      | ADMIN OWNER
      ConcurrencyLimitService.list(String)                      | VIEWER RUNNER DEVELOPER OWNER        | ADMIN OWNER
      ConcurrencyLimitService.set(String, String, int)          | DEVELOPER OWNER                      | ADMIN OWNER
      FlowService.listRuns(String, String)                      | VIEWER RUNNER DEVELOPER OWNER WORKER | ADMIN OWNER
      FlowService.createRun(String, String)                     | DEVELOPER OWNER                      | ADMIN OWNER
      FlowService.saveSearch(String, String, String)            | DEVELOPER OWNER                      | ADMIN OWNER
      NotificationPolicyService.list(String)                    | VIEWER RUNNER DEVELOPER OWNER        | ADMIN OWNER
      NotificationPolicyService.delete(String, String)          | DEVELOPER OWNER                      | ADMIN OWNER
      WorkPoolService.list(String)                              | VIEWER RUNNER DEVELOPER OWNER WORKER | ADMIN OWNER
      WorkPoolService.create(String, String, String)            | DEVELOPER OWNER                      | ADMIN OWNER
      WorkPoolService.poll(String, String)                      | DEVELOPER OWNER WORKER               | ADMIN OWNER
      WorkspaceService.describe(String)                         | VIEWER RUNNER DEVELOPER OWNER        | ADMIN OWNER
      WorkspaceService.settings(String)                         | DEVELOPER OWNER                      | ADMIN OWNER
      WorkspaceService.editSettings(String, WorkspaceSettings)  | OWNER                                | ADMIN OWNER
      WorkspaceMemberService.listUsers(String)                  | OWNER                                | ADMIN OWNER
      WorkspaceMemberService.setDefaultRole(String, String)     | OWNER                                | ADMIN OWNER
      AccountSettingsService.bypassSso(String)                  | -                                    | OWNER
      AccountSettingsService.edit(String, AccountSettings)      | -                                    | ADMIN OWNER
      AccountMemberService.list(String)                         | -                                    | MEMBER ADMIN OWNER
      ServiceAccountService.create(String, String)              | -                                    | ADMIN OWNER
      WorkspaceDirectoryService.list(String)                    | -                                    | MEMBER ADMIN OWNER
      WorkspaceDirectoryService.create(String, String)          | -                                    | ADMIN OWNER
      """;

  /** Every guarded type of the samples, by hand. */
  private static final List<Class<?>> SERVICES =
      List.of(
          AccountMemberService.class,
          AccountSettingsService.class,
          ServiceAccountService.class,
          WorkspaceDirectoryService.class,
          AutomationService.class,
          BlockService.class,
          ConcurrencyLimitService.class,
          DeploymentService.class,
          FlowService.class,
          NotificationPolicyService.class,
          WorkPoolService.class,
          WorkspaceMemberService.class,
          WorkspaceService.class);

  @Test
  void reportRows_matchTheHandWrittenTable() {
    Map<String, List<String>> rows = rows(read("access-report.md"));
    int checked = 0;
    for (String line : EXPECTED.strip().split("\n")) {
      String[] cells = line.split("\\|");
      String operation = cells[0].trim();
      List<String> row = rows.get(operation);
      assertNotNull(row, "no row for " + operation);
      assertEquals(cells[1].trim(), roles(row.get(3)), operation + ": workspace roles");
      assertEquals(cells[2].trim(), roles(row.get(4)), operation + ": account roles");
      checked++;
    }
    assertEquals(30, checked);
  }

  /** Turns a report cell into the hand table's words: "VIEWER, RUNNER" is "VIEWER RUNNER". */
  private static String roles(String cell) {
    if (cell.equals("n/a (account-level)")) {
      return "-";
    }
    return cell.replace(",", "");
  }

  @Test
  void everyGuardedSampleMethod_hasOneRow_andEveryServiceATable() {
    String markdown = read("access-report.md");
    Map<String, List<String>> rows = rows(markdown);
    TreeSet<String> expected = new TreeSet<>();
    for (Class<?> service : SERVICES) {
      assertTrue(
          markdown.contains(
              "\n## "
                  + service.getName().replace("_", "\\_")
                  + "\n\nGuard: `"
                  + service.getPackageName()
                  + ".Guarded"
                  + service.getSimpleName()
                  + "`\n"),
          service.getName());
      for (Method method : service.getDeclaredMethods()) {
        expected.add(
            service.getSimpleName()
                + "."
                + method.getName()
                + "("
                + Arrays.stream(method.getParameterTypes())
                    .map(Class::getSimpleName)
                    .collect(Collectors.joining(", "))
                + ")");
      }
    }
    assertEquals(expected, new TreeSet<>(rows.keySet()));
    assertEquals(SERVICES.size(), markdown.split("\n## ", -1).length - 1);
    String json = read("access-report.json");
    for (String operation : expected) {
      assertTrue(json.contains("\"operation\": \"" + operation + "\""), operation);
    }
  }

  @Test
  void header_namesTheMatrix_andTheUnguardedReasonIsShown() {
    String markdown = read("access-report.md");
    assertTrue(
        markdown.startsWith(
            "# Access report\n\nWho may call each guarded method of this"
                + " compilation, checked against matrix **Prefect Cloud** (`prefect-cloud.md`, compiled into"
                + " package `dev.rolegate.prefect`).\n"),
        markdown);
    assertEquals(
        List.of(
            "unguarded: liveness probe, reads nothing",
            "none needed",
            "none needed",
            "anyone",
            "anyone"),
        rows(markdown).get("DeploymentService.ping()"));
    assertEquals(
        List.of(
            "one of RUN_DEPLOYMENTS, POLL_AND_SUBMIT_WORK",
            "`workspace`",
            "the workspace's (`workspace`)",
            "RUNNER, DEVELOPER, OWNER, WORKER",
            "ADMIN, OWNER"),
        rows(markdown).get("DeploymentService.cancelRun(String, String)"));
  }

  @Test
  void accountLevelMethods_actInTheAccountTheirArgumentNames() {
    assertEquals(
        List.of(
            "EDIT_ACCOUNT_SETTINGS",
            "none needed",
            "`account`",
            "n/a (account-level)",
            "ADMIN, OWNER"),
        rows(read("access-report.md")).get("AccountSettingsService.edit(String, AccountSettings)"));
  }

  /** Returns the table rows: operation (without backticks) to its other five cells. */
  private static Map<String, List<String>> rows(String markdown) {
    Map<String, List<String>> rows = new LinkedHashMap<>();
    for (String line : markdown.split("\n")) {
      if (line.startsWith("| `")) {
        String[] cells = line.substring(2, line.length() - 2).split(" \\| ");
        assertEquals(6, cells.length, line);
        List<String> rest = new ArrayList<>(Arrays.asList(cells).subList(1, 6));
        assertEquals(null, rows.put(cells[0].replace("`", ""), rest), "twice: " + line);
      }
    }
    return rows;
  }

  /**
   * Reads a report from the sample classes' own output: the test classes have a report of their own
   * (for {@code PermissionProbe}), which comes first on the class path.
   */
  private static String read(String name) {
    URL anchor = DeploymentService.class.getResource("DeploymentService.class");
    assertNotNull(anchor);
    String classFile = DeploymentService.class.getName().replace('.', '/') + ".class";
    String root = anchor.toString().substring(0, anchor.toString().length() - classFile.length());
    try (InputStream in = URI.create(root + "META-INF/rolegate/" + name).toURL().openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
