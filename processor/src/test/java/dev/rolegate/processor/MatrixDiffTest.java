package dev.rolegate.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The matrix diff command: per role, the permissions gained and lost after closure and, from an
 * access report the processor wrote, the guarded methods gained and lost; its text and JSON output,
 * its exit status, and its refusal of bad input.
 */
class MatrixDiffTest {
  /** Each test edits rows in place, so line numbers stay true. */
  private static final String BASE =
      """
      # Shop

      | Permission | Level | Includes |
      |---|---|---|
      | VIEW_ORDERS | workspace | |
      | EDIT_ORDERS | workspace | VIEW_ORDERS |
      | REFUND_ORDERS | workspace | |
      | VIEW_BILLING | account | |
      | EDIT_BILLING | account | VIEW_BILLING |

      | Role | Level | Inherits | Grants | Workspace role everywhere |
      |---|---|---|---|---|
      | CLERK | workspace | | VIEW_ORDERS | |
      | CASHIER | workspace | | REFUND_ORDERS | |
      | MANAGER | workspace | CLERK | EDIT_ORDERS | |
      | MEMBER | account (default) | | | |
      | BILLING | account | MEMBER | VIEW_BILLING | |
      | ADMIN | account | MEMBER | EDIT_BILLING | MANAGER |
      """;

  private static final String CLERK = "| CLERK | workspace | | VIEW_ORDERS | |";
  private static final String CASHIER = "| CASHIER | workspace | | REFUND_ORDERS | |";
  private static final String MANAGER = "| MANAGER | workspace | CLERK | EDIT_ORDERS | |";
  private static final String MEMBER = "| MEMBER | account (default) | | | |";
  private static final String BILLING = "| BILLING | account | MEMBER | VIEW_BILLING | |";
  private static final String ADMIN = "| ADMIN | account | MEMBER | EDIT_BILLING | MANAGER |";

  private static final String HEADER =
      "Custom roles are defined at run time, not in a matrix"
          + " file, so none is listed; one built on a base role holds what its base holds in the"
          + " matrix in force, and changes as its base does.\n";

  /** The access report the processor writes for two services compiled against {@link #BASE}. */
  private static String report;

  @TempDir Path dir;

  @BeforeAll
  static void compileReport() throws IOException {
    Compilation compilation =
        TestMatrices.compiler(TestMatrices.sourcePath(BASE))
            .compile(
                TestMatrices.packageInfo(),
                TestMatrices.source(
                    "Orders",
                    """
            public interface Orders {
              @RequiresPermission("VIEW_ORDERS") String view(@WorkspaceId String ws);
              @RequiresPermission("REFUND_ORDERS") void refund(@WorkspaceId String ws, String id);
              @RequiresPermission(anyOf = {"REFUND_ORDERS", "VIEW_BILLING"})
              void either(@WorkspaceId String ws);
              @Unguarded(reason = "probe") String ping();
            }
            """),
                TestMatrices.source(
                    "Billing",
                    """
            public interface Billing {
              @RequiresPermission("VIEW_BILLING") String view(@AccountId String account);
              @RequiresPermission("EDIT_BILLING") void edit(@AccountId String account);
            }
            """));
    assertThat(compilation).succeeded();
    try (InputStream in =
        compilation
            .generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/rolegate/access-report.json")
            .orElseThrow()
            .openInputStream()) {
      report = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void identicalMatrices_emptyDiffAndZero() {
    Run text = diff(BASE, BASE, "--report", write("report.json", report));
    assertEquals(0, text.status);
    assertEquals(
        "Matrix diff: old.md (Shop) -> new.md (Shop)\n"
            + "Guarded methods: 5 from report.json\n"
            + HEADER
            + "\n"
            + "Result: no changes.\n",
        text.out);
    assertEquals("", text.err);

    Run json = diff(BASE, BASE, "--json");
    assertEquals(0, json.status);
    Map<String, Object> root = object(MiniJson.parse(json.out));
    assertEquals(false, root.get("widened"));
    assertEquals(List.of(), root.get("roles"));
    assertEquals(List.of(), root.get("permissionsAdded"));
    assertEquals(List.of(), root.get("permissionsRemoved"));
    assertEquals(List.of(), root.get("permissionsChanged"));
    assertEquals(null, root.get("defaultAccountRole"));
    assertEquals(null, root.get("report"));
    assertEquals(List.of(), root.get("notes"));
  }

  @Test
  void permissionMovedBetweenRoles_gainsFollowInheritanceAndEverywhere() {
    String moved =
        edit(
            edit(BASE, CLERK, "| CLERK | workspace | | VIEW_ORDERS, REFUND_ORDERS | |"),
            CASHIER,
            "| CASHIER | workspace | | | |");
    Run run = diff(BASE, moved);
    assertEquals(1, run.status);
    assertEquals(
        "Matrix diff: old.md (Shop) -> new.md (Shop)\n"
            + HEADER
            + "\n"
            + "workspace role CLERK: changed\n"
            + "  + permission REFUND_ORDERS\n"
            + "workspace role CASHIER: changed\n"
            + "  - permission REFUND_ORDERS\n"
            + "workspace role MANAGER: changed\n"
            + "  + permission REFUND_ORDERS\n"
            + "account role ADMIN: changed\n"
            + "  + permission REFUND_ORDERS\n"
            + "\n"
            + "Result: access widened.\n",
        run.out);
    assertEquals("", run.err);

    Run back = diff(moved, BASE);
    assertEquals(1, back.status, "CASHIER regains REFUND_ORDERS");
    assertTrue(
        back.out.contains("workspace role CASHIER: changed\n" + "  + permission REFUND_ORDERS\n"),
        back.out);
  }

  @Test
  void inheritsEdited_onlyWhatTheClosureChanges() {
    Run gained =
        diff(BASE, edit(BASE, CASHIER, "| CASHIER | workspace | CLERK | REFUND_ORDERS | |"));
    assertReportEnds(
        gained,
        1,
        "\n"
            + "workspace role CASHIER: changed\n"
            + "  + permission VIEW_ORDERS\n"
            + "\n"
            + "Result: access widened.\n");

    // EDIT_ORDERS includes VIEW_ORDERS, so MANAGER holds the same without inheriting CLERK.
    Run same = diff(BASE, edit(BASE, MANAGER, "| MANAGER | workspace | | EDIT_ORDERS | |"));
    assertEquals(0, same.status);
    assertTrue(same.out.endsWith(HEADER + "\nResult: no changes.\n"), same.out);
  }

  @Test
  void includesEdgeAdded_everyHolderGains() {
    Run run =
        diff(
            BASE,
            edit(
                BASE,
                "| REFUND_ORDERS | workspace | |",
                "| REFUND_ORDERS | workspace | EDIT_ORDERS |"));
    assertReportEnds(
        run,
        1,
        "\n"
            + "permission REFUND_ORDERS: changed (custom roles holding it widen)\n"
            + "  + includes EDIT_ORDERS\n"
            + "workspace role CASHIER: changed\n"
            + "  + permission VIEW_ORDERS\n"
            + "  + permission EDIT_ORDERS\n"
            + "\n"
            + "Result: access widened.\n");
  }

  private static final String SCOPED =
      """
      # Shop

      | Permission | Level | Scope | Includes |
      |---|---|---|---|
      | VIEW_ORDERS | workspace | orders:read | |
      | EDIT_ORDERS | workspace | orders:write | VIEW_ORDERS |
      | PURGE_ORDERS | workspace | | |

      | Role | Level | Inherits | Grants |
      |---|---|---|---|
      | CLERK | workspace | | VIEW_ORDERS |
      | MEMBER | account (default) | | |
      """;

  @Test
  void includeAddedOrScopeRemapped_noRoleChanges_stillWidens() {
    String widened =
        edit(
            edit(
                SCOPED,
                "| PURGE_ORDERS | workspace | | |",
                "| PURGE_ORDERS | workspace | | EDIT_ORDERS |"),
            "orders:read",
            "orders:*");
    Run text = diff(SCOPED, widened);
    assertEquals(1, text.status, text.out);
    assertTrue(
        text.out.endsWith(
            HEADER
                + "\n"
                + "permission VIEW_ORDERS: changed (custom roles holding it widen)\n"
                + "  scope: orders:read -> orders:*\n"
                + "permission PURGE_ORDERS: changed (custom roles holding it widen)\n"
                + "  + includes EDIT_ORDERS\n"
                + "\n"
                + "Result: access widened.\n"),
        text.out);

    Run json = diff(SCOPED, widened, "--json");
    assertEquals(1, json.status);
    Map<String, Object> root = object(MiniJson.parse(json.out));
    assertEquals(true, root.get("widened"));
    List<Object> changed = list(root.get("permissionsChanged"));
    assertEquals(2, changed.size());
    Map<String, Object> scope = object(changed.get(0));
    assertEquals("VIEW_ORDERS", scope.get("name"));
    assertEquals(true, scope.get("widens"));
    assertEquals(Map.of("old", "orders:read", "new", "orders:*"), scope.get("scope"));
    Map<String, Object> include = object(changed.get(1));
    assertEquals("PURGE_ORDERS", include.get("name"));
    assertEquals(List.of("EDIT_ORDERS"), include.get("includesAdded"));
    assertEquals(null, include.get("scope"));

    Run narrowed =
        diff(
            edit(
                SCOPED,
                "| PURGE_ORDERS | workspace | | |",
                "| PURGE_ORDERS | workspace | | EDIT_ORDERS |"),
            SCOPED);
    assertEquals(0, narrowed.status, narrowed.out);
    assertTrue(
        narrowed.out.endsWith(
            "permission PURGE_ORDERS: changed\n"
                + "  - includes EDIT_ORDERS\n"
                + "\n"
                + "Result: access not widened.\n"),
        narrowed.out);
  }

  @Test
  void roleAdded_withPermissionsWidens_withoutDoesNot() {
    String auditor = edit(BASE, CASHIER, CASHIER + "\n| AUDITOR | workspace | CLERK | | |");
    Run added = diff(BASE, auditor);
    assertReportEnds(
        added,
        1,
        "\n"
            + "workspace role AUDITOR: added\n"
            + "  + permission VIEW_ORDERS\n"
            + "\n"
            + "Result: access widened.\n");

    Run empty = diff(BASE, edit(BASE, CASHIER, CASHIER + "\n| GUEST | workspace | | | |"));
    assertReportEnds(
        empty, 0, "\n" + "workspace role GUEST: added\n" + "\n" + "Result: access not widened.\n");
  }

  @Test
  void roleRemoved_losesEverything_zero() {
    Run run = diff(BASE, edit(BASE, BILLING + "\n", ""), "--report", write("r.json", report));
    assertReportEnds(
        run,
        0,
        "\n"
            + "account role BILLING: removed\n"
            + "  - permission VIEW_BILLING\n"
            + "  - method test.Billing: Billing.view(String)\n"
            + "  - method test.Orders: Orders.either(String)\n"
            + "\n"
            + "Result: access not widened.\n");
  }

  @Test
  void accountRoleEverywhereChanged() {
    Run narrowed =
        diff(BASE, edit(BASE, ADMIN, "| ADMIN | account | MEMBER | EDIT_BILLING | CLERK |"));
    assertReportEnds(
        narrowed,
        0,
        "\n"
            + "account role ADMIN: changed\n"
            + "  workspace role everywhere: MANAGER -> CLERK\n"
            + "  - permission EDIT_ORDERS\n"
            + "\n"
            + "Result: access not widened.\n");

    Run widened =
        diff(BASE, edit(BASE, BILLING, "| BILLING | account | MEMBER | VIEW_BILLING | CASHIER |"));
    assertReportEnds(
        widened,
        1,
        "\n"
            + "account role BILLING: changed\n"
            + "  workspace role everywhere: none -> CASHIER\n"
            + "  + permission REFUND_ORDERS\n"
            + "\n"
            + "Result: access widened.\n");
  }

  @Test
  void withReport_methodsGainedAndLost_anyOfAndAccountLevel() {
    // REFUND_ORDERS moves from CASHIER to CLERK; VIEW_BILLING from BILLING to MEMBER, the default.
    String changed =
        edit(
            edit(
                edit(
                    edit(BASE, CLERK, "| CLERK | workspace | | VIEW_ORDERS, REFUND_ORDERS | |"),
                    CASHIER,
                    "| CASHIER | workspace | | | |"),
                MEMBER,
                "| MEMBER | account (default) | | VIEW_BILLING | |"),
            BILLING,
            "| BILLING | account | MEMBER | | |");
    Run run = diff(BASE, changed, "--report", write("access-report.json", report));
    assertEquals(1, run.status);
    // CASHIER keeps Orders.either: its callers hold MEMBER, which now has VIEW_BILLING. BILLING
    // holds VIEW_BILLING through MEMBER: no change.
    assertEquals(
        "Matrix diff: old.md (Shop) -> new.md (Shop)\n"
            + "Guarded methods: 5 from access-report.json\n"
            + HEADER
            + "\n"
            + "workspace role CLERK: changed\n"
            + "  + permission REFUND_ORDERS\n"
            + "  + method test.Orders: Orders.refund(String, String)\n"
            + "  + method test.Orders: Orders.either(String)\n"
            + "workspace role CASHIER: changed\n"
            + "  - permission REFUND_ORDERS\n"
            + "  - method test.Orders: Orders.refund(String, String)\n"
            + "workspace role MANAGER: changed\n"
            + "  + permission REFUND_ORDERS\n"
            + "  + method test.Orders: Orders.refund(String, String)\n"
            + "  + method test.Orders: Orders.either(String)\n"
            + "account role MEMBER: changed\n"
            + "  + permission VIEW_BILLING\n"
            + "  + method test.Billing: Billing.view(String)\n"
            + "  + method test.Orders: Orders.either(String)\n"
            + "account role ADMIN: changed\n"
            + "  + permission REFUND_ORDERS\n"
            + "  + method test.Orders: Orders.refund(String, String)\n"
            + "\n"
            + "Result: access widened.\n",
        run.out);
    assertEquals("", run.err);
  }

  @Test
  void withReport_accountLevelMethodsLost() {
    Run run =
        diff(
            BASE,
            edit(BASE, ADMIN, "| ADMIN | account | MEMBER | | MANAGER |"),
            "--report=" + write("r.json", report));
    assertReportEnds(
        run,
        0,
        "\n"
            + "account role ADMIN: changed\n"
            + "  - permission VIEW_BILLING\n"
            + "  - permission EDIT_BILLING\n"
            + "  - method test.Billing: Billing.view(String)\n"
            + "  - method test.Billing: Billing.edit(String)\n"
            + "  - method test.Orders: Orders.either(String)\n"
            + "\n"
            + "Result: access not widened.\n");
  }

  @Test
  void permissionRemoved_methodsNamingItAreNoted() {
    String removed =
        edit(
            edit(BASE, "| REFUND_ORDERS | workspace | |\n", ""),
            CASHIER,
            "| CASHIER | workspace | | | |");
    Run run = diff(BASE, removed, "--report", write("r.json", report));
    assertReportEnds(
        run,
        0,
        "\n"
            + "permission REFUND_ORDERS: removed\n"
            + "workspace role CASHIER: changed\n"
            + "  - permission REFUND_ORDERS\n"
            + "  - method test.Orders: Orders.refund(String, String)\n"
            + "  - method test.Orders: Orders.either(String)\n"
            + "note: test.Orders: Orders.refund(String, String) requires REFUND_ORDERS, which new.md"
            + " does not define: no role holds it there, and the service does not compile against it\n"
            + "note: test.Orders: Orders.either(String) requires REFUND_ORDERS, which new.md does not"
            + " define: no role holds it there, and the service does not compile against it\n"
            + "\n"
            + "Result: access not widened.\n");
  }

  @Test
  void defaultAccountRoleChanged_membersGain() {
    String changed =
        edit(
            edit(BASE, MEMBER, "| MEMBER | account | | | |"),
            BILLING,
            "| BILLING | account (default) | MEMBER | VIEW_BILLING | |");
    Run run = diff(BASE, changed, "--report", write("r.json", report));
    assertReportEnds(
        run,
        1,
        "\n"
            + "default account role: MEMBER -> BILLING\n"
            + "  + permission VIEW_BILLING\n"
            + "workspace role CLERK: changed\n"
            + "  + method test.Orders: Orders.either(String)\n"
            + "workspace role MANAGER: changed\n"
            + "  + method test.Orders: Orders.either(String)\n"
            + "\n"
            + "Result: access widened.\n");
  }

  @Test
  void json_parsedBack() {
    String changed =
        edit(
            edit(BASE, ADMIN, "| ADMIN | account | MEMBER | EDIT_BILLING | CLERK |"),
            CASHIER,
            "| CASHIER | workspace | | | |\n| AUDITOR | workspace | | REFUND_ORDERS | |");
    Run run = diff(BASE, changed, "--json", "--report", write("access-report.json", report));
    assertEquals(1, run.status);
    assertEquals("", run.err);
    Map<String, Object> root = object(MiniJson.parse(run.out));
    assertEquals(
        List.of(
            "version",
            "old",
            "new",
            "report",
            "widened",
            "customRoles",
            "permissionsAdded",
            "permissionsRemoved",
            "permissionsChanged",
            "defaultAccountRole",
            "roles",
            "notes"),
        List.copyOf(root.keySet()));
    assertEquals(1.0, root.get("version"));
    assertEquals(Map.of("file", "old.md", "title", "Shop"), root.get("old"));
    assertEquals(Map.of("file", "new.md", "title", "Shop"), root.get("new"));
    assertEquals(Map.of("file", "access-report.json", "methods", 5.0), root.get("report"));
    assertEquals(true, root.get("widened"));
    assertEquals(HEADER.strip(), root.get("customRoles"));

    // In the new file's order: CASHIER's row comes before AUDITOR's.
    List<Object> roles = list(root.get("roles"));
    assertEquals(3, roles.size());
    Map<String, Object> auditor = object(roles.get(1));
    assertEquals("workspace", auditor.get("level"));
    assertEquals("AUDITOR", auditor.get("name"));
    assertEquals("added", auditor.get("change"));
    assertEquals(null, auditor.get("everywhere"));
    assertEquals(List.of("REFUND_ORDERS"), auditor.get("permissionsGained"));
    assertEquals(List.of(), auditor.get("permissionsLost"));
    assertEquals(
        List.of(
            Map.of("type", "test.Orders", "operation", "Orders.refund(String, String)"),
            Map.of("type", "test.Orders", "operation", "Orders.either(String)")),
        auditor.get("methodsGained"));
    assertEquals(List.of(), auditor.get("methodsLost"));

    Map<String, Object> cashier = object(roles.get(0));
    assertEquals("CASHIER", cashier.get("name"));
    assertEquals("changed", cashier.get("change"));
    assertEquals(List.of("REFUND_ORDERS"), cashier.get("permissionsLost"));
    assertEquals(
        List.of(
            Map.of("type", "test.Orders", "operation", "Orders.refund(String, String)"),
            Map.of("type", "test.Orders", "operation", "Orders.either(String)")),
        cashier.get("methodsLost"));

    Map<String, Object> admin = object(roles.get(2));
    assertEquals("account", admin.get("level"));
    assertEquals("ADMIN", admin.get("name"));
    assertEquals(Map.of("old", "MANAGER", "new", "CLERK"), admin.get("everywhere"));
    assertEquals(List.of(), admin.get("permissionsGained"));
    assertEquals(List.of("EDIT_ORDERS"), admin.get("permissionsLost"));
    assertEquals(List.of(), admin.get("methodsGained"));
    assertEquals(List.of(), admin.get("methodsLost"));
  }

  @Test
  void json_defaultAccountRoleAndPermissionLists() {
    String changed =
        edit(
            edit(
                edit(BASE, MEMBER, "| MEMBER | account | | | |"),
                BILLING,
                "| BILLING | account (default) | MEMBER | VIEW_BILLING | |"),
            "| EDIT_BILLING | account | VIEW_BILLING |",
            "| EDIT_BILLING | account | VIEW_BILLING |\n| CLOSE_ACCOUNT | account | |");
    Run run = diff(BASE, changed, "--json");
    assertEquals(1, run.status);
    Map<String, Object> root = object(MiniJson.parse(run.out));
    assertEquals(List.of("CLOSE_ACCOUNT"), root.get("permissionsAdded"));
    assertEquals(List.of(), root.get("permissionsRemoved"));
    assertEquals(
        Map.of(
            "old",
            "MEMBER",
            "new",
            "BILLING",
            "permissionsGained",
            List.of("VIEW_BILLING"),
            "permissionsLost",
            List.of()),
        root.get("defaultAccountRole"));
    assertEquals(List.of(), root.get("roles"));
  }

  @Test
  void invalidMatrix_two_withTheParsersDiagnostics() {
    Run run = diff(BASE, edit(BASE, CLERK, "| CLERK | workspace | | VIEW_ORDER | |"));
    assertEquals(2, run.status);
    assertEquals("", run.out);
    assertEquals(
        "error: [MatrixUnknownName] new.md:13: role CLERK grants VIEW_ORDER, which the"
            + " matrix does not define. Did you mean VIEW_ORDERS? Otherwise define it in its table\n",
        run.err);

    Run both =
        diff("# Shop\n", edit(BASE, "| VIEW_BILLING | account | |", "| VIEW_BILLING | acount | |"));
    assertEquals(2, both.status);
    List<String> lines = both.err.lines().toList();
    assertEquals(2, lines.size(), both.err);
    assertTrue(lines.get(0).startsWith("error: [MatrixSyntax] old.md:"), lines.get(0));
    assertTrue(lines.get(1).startsWith("error: [MatrixSyntax] new.md:8: "), lines.get(1));
  }

  @Test
  void unreadableFileOrReport_two() {
    Run missing = run("--report", path("nope.json"), path("old.md"), path("missing.md"));
    assertEquals(2, missing.status);
    assertEquals("", missing.out);
    assertEquals(
        "error: cannot read old.md: no such file\n"
            + "error: cannot read missing.md: no such file\n"
            + "error: cannot read nope.json: no such file\n",
        missing.err);

    Run notReport = diff(BASE, BASE, "--report", write("r.json", "{\"version\": 1}"));
    assertEquals(2, notReport.status);
    assertEquals(
        "error: r.json is not an access report: the report has no \"services\"\n", notReport.err);

    Run malformed = diff(BASE, BASE, "--report", write("r.json", "{\"services\": [}"));
    assertEquals(2, malformed.status);
    assertEquals(
        "error: r.json is not an access report: malformed JSON at offset 14:"
            + " unexpected character\n",
        malformed.err);

    Run deep = diff(BASE, BASE, "--report", write("r.json", "[".repeat(100_000)));
    assertEquals(2, deep.status);
    assertEquals(
        "error: r.json is not an access report: malformed JSON at offset 64: nested more"
            + " than 64 levels deep\n",
        deep.err);

    Run badMode =
        diff(BASE, BASE, "--report", write("r.json", report.replace("\"anyOf\"", "\"some\"")));
    assertEquals(2, badMode.status);
    assertTrue(
        badMode.err.startsWith(
            "error: r.json is not an access report:"
                + " services[1].methods[2].mode is \"some\"; expected"),
        badMode.err);
  }

  @Test
  void badArguments_twoWithUsage() {
    String usage = MatrixDiff.USAGE + "\n";
    assertEquals(
        new Run(2, "", "error: expected two matrix files, the old and the new, got 1\n" + usage),
        run("old.md"));
    assertEquals(
        new Run(2, "", "error: unknown option --yaml\n" + usage), run("--yaml", "a.md", "b.md"));
    assertEquals(
        new Run(2, "", "error: --report needs a file\n" + usage), run("a.md", "b.md", "--report"));
    assertEquals(new Run(0, usage, ""), run("--help"));
  }

  @Test
  void deterministic_sameInputsSameOutput() {
    String changed =
        edit(
            edit(BASE, CLERK, "| CLERK | workspace | | VIEW_ORDERS, REFUND_ORDERS | |"),
            ADMIN,
            "| ADMIN | account | MEMBER | | CASHIER |");
    String reportFile = write("r.json", report);
    for (List<String> options :
        List.of(List.of("--report", reportFile), List.of("--json", "--report", reportFile))) {
      Run first = diff(BASE, changed, options.toArray(String[]::new));
      Run second = diff(BASE, changed, options.toArray(String[]::new));
      assertEquals(1, first.status);
      assertTrue(first.out.contains("CLERK"), first.out);
      assertEquals(first, second);
    }
  }

  /** Writes the two matrices as old.md and new.md and runs the diff with {@code options}. */
  private Run diff(String oldText, String newText, String... options) {
    String oldFile = write("old.md", oldText);
    String newFile = write("new.md", newText);
    List<String> args = new ArrayList<>(List.of(options));
    args.add(oldFile);
    args.add(newFile);
    return run(args.toArray(String[]::new));
  }

  /** Runs the command; file names in its output are shown relative to the test's directory. */
  private Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      status = MatrixDiff.run(args, o, e);
    }
    String prefix = dir.toString() + File.separator;
    return new Run(
        status,
        out.toString(StandardCharsets.UTF_8).replace(prefix, ""),
        err.toString(StandardCharsets.UTF_8).replace(prefix, "").replace("\r\n", "\n"));
  }

  private String write(String name, String text) {
    try {
      Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return path(name);
  }

  private String path(String name) {
    return dir.resolve(name).toString();
  }

  /** Returns {@code text} with {@code from}, which must occur once, replaced by {@code to}. */
  private static String edit(String text, String from, String to) {
    assertEquals(text.indexOf(from), text.lastIndexOf(from), "not exactly once: " + from);
    assertTrue(text.contains(from), "missing: " + from);
    return text.replace(from, to);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object value) {
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object value) {
    return (List<Object>) value;
  }

  /**
   * Asserts that {@code run} exited with {@code status} and that its report ends with {@code tail}.
   */
  private static void assertReportEnds(Run run, int status, String tail) {
    assertEquals(status, run.status);
    assertTrue(run.out.endsWith(tail), run.out);
  }

  private record Run(int status, String out, String err) {}
}
