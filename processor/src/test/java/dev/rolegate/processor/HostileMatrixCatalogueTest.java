package dev.rolegate.processor;

import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.rolegate.processor.GeneratedCode.Recorder;
import dev.rolegate.runtime.AccessDeniedException;
import dev.rolegate.runtime.Matrix;
import dev.rolegate.runtime.Principal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The catalogue of hostile matrix files, one row each, as listed in prose in {@code
 * docs/SECURITY.md} (section "Hostile matrix files") under the same ids. Every row ends in a clear
 * compile error (the exact count, message, file and line) or in a clean compile whose generated
 * guards then allow and deny exactly as the matrix says; none may take longer than a generous
 * bound, throw out of javac or end in an {@code [InternalError]}.
 */
class HostileMatrixCatalogueTest {
  private static final Duration BOUND = Duration.ofSeconds(120);
  private static final String SMALL = TestMatrices.SMALL;

  /** Lines of {@link TestMatrices#SMALL}, so that the rows below can change one in place. */
  private static final String LINE_3 = "| Permission | Level | Scope | Includes | Description |";

  private static final String LINE_4 = "|---|---|---|---|---|";
  private static final String LINE_5 = "| VIEW_THINGS | workspace | see_things | | See things. |";
  private static final String LINE_6 =
      "| EDIT_THINGS | workspace | write_things | VIEW_THINGS | Edit things. |";
  private static final String LINE_7 =
      "| DELETE_THINGS | workspace | manage_things | VIEW_THINGS, EDIT_THINGS | Delete things. |";
  private static final String LINE_8 = "| VIEW_SECRETS | workspace | | | See secrets. |";
  private static final String LINE_10 =
      "| EDIT_ACCOUNT | account | | VIEW_ACCOUNT | Edit the account. |";
  private static final String LINE_14 = "| VIEWER | workspace | | VIEW_THINGS | | Looks. |";
  private static final String LINE_16 =
      "| OWNER | workspace | EDITOR | DELETE_THINGS, VIEW_SECRETS | | Owns. |";
  private static final String ROLES = "\n| Role | Level | Inherits | Grants |\n|---|---|---|---|\n";

  /** Where the matrix errors sit: the value of {@code @PermissionMatrix("matrix.md")}. */
  private static final String ON_MATRIX = "@PermissionMatrix(";

  /** One hostile input and what must come of it. */
  private record Row(String id, String input, byte[] matrix, String service, Outcome outcome) {
    Row(String id, String input, String matrix, String service, Outcome outcome) {
      this(id, input, matrix.getBytes(StandardCharsets.UTF_8), service, outcome);
    }
  }

  /** A failed compile with exactly these errors, or a clean one whose guards pass a check. */
  private sealed interface Outcome permits Rejected, Compiles {}

  /** Errors, each a message fragment on a line of the matrix annotation or of the service. */
  private record Rejected(List<Error> errors) implements Outcome {}

  /** One error: its message holds every fragment; the first is on {@code line}. */
  private record Error(List<String> fragments, boolean inService, String line) {}

  private record Compiles(Consumer<GeneratedCode> check) implements Outcome {}

  private static Rejected matrixErrors(String... messages) {
    List<Error> errors = new ArrayList<>();
    for (String message : messages) {
      errors.add(new Error(List.of(message), false, ON_MATRIX));
    }
    return new Rejected(errors);
  }

  /** One matrix error whose message holds each of {@code fragments}. */
  private static Error matrixError(String... fragments) {
    return new Error(List.of(fragments), false, ON_MATRIX);
  }

  private static Rejected serviceError(String message, String line) {
    return new Rejected(List.of(new Error(List.of(message), true, line)));
  }

  /** The service every row compiles: one method per permission the checks call. */
  private static final String THINGS =
      """
      package test;
      import dev.rolegate.annotations.*;
      public interface Things {
        @RequiresPermission("VIEW_THINGS")
        String look(@WorkspaceId String ws);
        @RequiresPermission("DELETE_THINGS")
        String delete(@WorkspaceId String ws);
        @RequiresPermission("EDIT_ACCOUNT")
        String administer(@AccountId String account);
      }
      """;

  /** The small matrix's meaning: VIEWER may look, OWNER may delete, ADMIN may administer. */
  private static final Consumer<GeneratedCode> SMALL_MEANING =
      code -> {
        assertAccess(code, workspace(code, "VIEWER"), "look", true);
        assertAccess(code, workspace(code, "VIEWER"), "delete", false);
        assertAccess(code, workspace(code, "EDITOR"), "delete", false);
        assertAccess(code, workspace(code, "OWNER"), "delete", true);
        assertAccess(code, workspace(code, "OWNER"), "administer", false);
        assertAccess(code, account(code, "ADMIN"), "administer", true);
        assertAccess(code, account(code, "ADMIN"), "delete", true);
        assertAccess(code, account(code, "MEMBER"), "look", false);
      };

  @TestFactory
  Stream<DynamicTest> hostileMatrixFiles() {
    return rows().stream()
        .map(
            row ->
                DynamicTest.dynamicTest(
                    row.id() + " " + row.input(),
                    () -> assertTimeoutPreemptively(BOUND, () -> check(row))));
  }

  @TestFactory
  Stream<DynamicTest> catalogue_idsAreUniqueAndInOrder() {
    List<Row> rows = rows();
    return Stream.of(
        DynamicTest.dynamicTest(
            "ids",
            () -> {
              for (int i = 0; i < rows.size(); i++) {
                assertEquals(String.format("M%02d", i + 1), rows.get(i).id());
              }
            }));
  }

  private static List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    String noTable =
        "[MatrixSyntax] matrix.md:1: the file has no Permission table. Add a Markdown"
            + " table whose header starts with | Permission | Level | Includes |";
    rows.add(new Row("M01", "an empty file (0 bytes)", "", null, matrixErrors(noTable)));
    rows.add(
        new Row(
            "M02",
            "whitespace only (spaces, tabs, blank lines)",
            "  \n\t\n \r\n   ",
            null,
            matrixErrors(noTable)));
    rows.add(
        new Row(
            "M03",
            "4 KB of random bytes, with NUL and invalid UTF-8",
            binary(),
            null,
            matrixErrors(
                "[MatrixSyntax] matrix.md:1: byte 1 (0xFF) is not valid UTF-8; a matrix is a"
                    + " UTF-8 text file (is this a binary file, or one saved in another encoding?): save"
                    + " it as UTF-8")));
    rows.add(
        new Row(
            "M04",
            "valid UTF-8 with a NUL inside a permission name",
            "| Permission | Level | Includes |\n|---|---|---|\n| VIEW\0THINGS | workspace | |\n",
            null,
            matrixErrors(
                "[MatrixSyntax] matrix.md:3: permission name \"VIEW\\u0000THINGS\" is not"
                    + " UPPER_SNAKE_CASE (character 5 is U+0000 NULL, which is not A-Z, 0-9 or _)")));
    rows.add(
        new Row(
            "M05",
            "a valid matrix, then one byte that is not UTF-8 in the prose after it",
            concat(SMALL + "\nNotes.\n", new byte[] {(byte) 0xC3, '(', '\n'}),
            THINGS,
            matrixErrors(
                String.format(
                    "[MatrixSyntax] matrix.md:21: byte %,d (0xC3) is not valid" + " UTF-8",
                    SMALL.length() + 9))));
    rows.add(
        new Row(
            "M06",
            "10 MB: a valid matrix followed by 10 MB of prose",
            SMALL
                + "\n"
                + "Prose that goes on and on, | with pipes | and `code`.\n".repeat(200_000),
            THINGS,
            new Compiles(SMALL_MEANING)));
    rows.add(
        new Row(
            "M07",
            "10 MB in one table row (a 10-million-character description)",
            SMALL.replace("See secrets.", "x".repeat(10_000_000)),
            null,
            matrixErrors(
                "[MatrixSyntax] matrix.md:8: a cell of this row is 10000000 bytes long in"
                    + " UTF-8; generated code holds each cell in a string constant of at most 65,535"
                    + " bytes: shorten it")));
    rows.add(
        new Row(
            "M08",
            "10,000 permissions",
            standalone(10_000),
            null,
            matrixErrors(
                "[MatrixTooLarge] matrix.md:4101: the matrix has 10,000 permissions; a"
                    + " compiled matrix holds at most 4,096 (its generated capability table sets one"
                    + " constant per permission in a class initializer, which the JVM caps at 64 KB). This"
                    + " row is permission 4,097: merge or remove permissions")));
    rows.add(
        new Row(
            "M09",
            "4,096 permissions (the limit), each in a 4,096-long includes chain",
            chain(4_096, false),
            topService(4_095),
            new Compiles(
                code -> {
                  assertEquals(4_096, code.matrix().permissions().size());
                  assertEquals(
                      4_096, code.matrix().workspaceRole("TOP").orElseThrow().permissions().size());
                  assertAccess(code, workspace(code, "TOP"), "top", true);
                  assertAccess(code, workspace(code, "TOP"), "bottom", true);
                  assertAccess(code, workspace(code, "BOTTOM"), "bottom", true);
                  assertAccess(code, workspace(code, "BOTTOM"), "top", false);
                })));
    rows.add(
        new Row(
            "M10",
            "closed bitsets needing more class constants than a class holds",
            distinctWords(),
            null,
            new Rejected(
                List.of(
                    matrixError(
                        "[MatrixTooLarge] matrix.md:5: the generated"
                            + " capability table would need about ",
                        " constant-pool entries",
                        "a compiled matrix"
                            + " may need at most 60,000 (the JVM caps a class at 65,535)")))));
    rows.add(
        new Row(
            "M11",
            "Cyrillic \u0415 in a permission's own name",
            SMALL.replace(LINE_8, "| VI\u0415W_SECRETS | workspace | | | See secrets. |"),
            null,
            matrixErrors(
                "[MatrixSyntax] matrix.md:8: permission name \"VI\\u0415W_SECRETS\" is not"
                    + " UPPER_SNAKE_CASE (character 3 is U+0415 CYRILLIC CAPITAL LETTER IE, which is"
                    + " not A-Z, 0-9 or _); names look like DELETE_DEPLOYMENTS",
                "[MatrixUnknownName] matrix.md:16: role OWNER grants VIEW_SECRETS, which the matrix"
                    + " does not define")));
    rows.add(
        new Row(
            "M12",
            "Cyrillic \u041e in a role name (a second \u041eWNER)",
            SMALL + "| \u041eWNER | workspace | | VIEW_THINGS | | Looks like OWNER. |\n",
            null,
            matrixErrors(
                "[MatrixSyntax] matrix.md:19: role name \"\\u041EWNER\" is not"
                    + " UPPER_SNAKE_CASE (character 1 is U+041E CYRILLIC CAPITAL LETTER O, which is not"
                    + " A-Z, 0-9 or _)")));
    rows.add(
        new Row(
            "M13",
            "a fullwidth \uff36 in an includes cell",
            SMALL.replace("| write_things | VIEW_THINGS |", "| write_things | \uff36IEW_THINGS |"),
            null,
            matrixErrors(
                "[MatrixSyntax] matrix.md:6: the includes cell must list UPPER_SNAKE_CASE"
                    + " names separated by commas, but has \"\\uFF36IEW_THINGS\" (character 1 is U+FF36"
                    + " FULLWIDTH LATIN CAPITAL LETTER V, which is not A-Z, 0-9 or _)")));
    rows.add(
        new Row(
            "M14",
            "a zero-width joiner inside a name in an includes cell",
            SMALL.replace("| VIEW_THINGS, EDIT_THINGS |", "| VIEW_THINGS, EDIT\u200d_THINGS |"),
            null,
            matrixErrors(
                "[MatrixSyntax] matrix.md:7: the includes cell must list UPPER_SNAKE_CASE"
                    + " names separated by commas, but has \"EDIT\\u200D_THINGS\" (character 5 is U+200D"
                    + " ZERO WIDTH JOINER, which is not A-Z, 0-9 or _)")));
    rows.add(
        new Row(
            "M15",
            "Cyrillic \u0415 in @RequiresPermission (VI\u0415W_THINGS)",
            SMALL,
            THINGS.replace("\"VIEW_THINGS\"", "\"VI\u0415W_THINGS\""),
            serviceError(
                "[UnknownPermission] \"VI\\u0415W_THINGS\" (character 3 is U+0415 CYRILLIC"
                    + " CAPITAL LETTER IE, which is not A-Z, 0-9 or _) is not a permission of matrix Test"
                    + " Matrix (matrix.md). Did you mean VIEW_THINGS?",
                "VI\u0415W_THINGS")));
    rows.add(
        new Row(
            "M16",
            "a zero-width joiner in @RequiresPermission (VIEW_THINGS + U+200D)",
            SMALL,
            THINGS.replace("\"VIEW_THINGS\"", "\"VIEW_THINGS\u200d\""),
            serviceError(
                "[UnknownPermission] \"VIEW_THINGS\\u200D\" (character 12 is U+200D ZERO"
                    + " WIDTH JOINER, which is not A-Z, 0-9 or _) is not a permission of matrix Test"
                    + " Matrix (matrix.md). Did you mean VIEW_THINGS?",
                "VIEW_THINGS\u200d")));
    rows.add(
        new Row(
            "M17",
            "a no-break space before a name in a grants cell",
            SMALL.replace(
                "| DELETE_THINGS, VIEW_SECRETS |", "| DELETE_THINGS,\u00a0VIEW_SECRETS |"),
            null,
            matrixErrors(
                "[MatrixSyntax] matrix.md:16: the grants cell must list"
                    + " UPPER_SNAKE_CASE names separated by commas, but has \"\\u00A0VIEW_SECRETS\""
                    + " (character 1 is U+00A0 NO-BREAK SPACE, which is not A-Z, 0-9 or _)")));
    rows.add(
        new Row(
            "M18",
            "the header row repeated (with its separator) inside a table",
            SMALL.replace(LINE_5, LINE_3 + "\n" + LINE_4 + "\n" + LINE_5),
            null,
            matrixErrors(
                "[MatrixSyntax] matrix.md:5: this row repeats a table header (Permission)"
                    + " inside a table; remove it, or leave a blank line before a new table")));
    rows.add(
        new Row(
            "M19",
            "the header row twice before the separator",
            SMALL.replace(LINE_3, LINE_3 + "\n" + LINE_3),
            null,
            matrixErrors(
                "[MatrixSyntax] matrix.md:4: a table header must be followed by a separator"
                    + " row such as |---|---|")));
    rows.add(
        new Row(
            "M20",
            "a Role header row glued to the end of the Permission table",
            SMALL.replace(
                LINE_10 + "\n", LINE_10 + "\n| Role | Level | Inherits | Grants | x | y |\n"),
            null,
            matrixErrors(
                "[MatrixSyntax] matrix.md:11: this row repeats a table header (Role)"
                    + " inside a table; remove it, or leave a blank line before a new table")));
    rows.add(
        new Row(
            "M21",
            "header columns reordered, Permission still first",
            reordered(),
            THINGS,
            new Compiles(SMALL_MEANING)));
    rows.add(
        new Row(
            "M22",
            "the Permission column moved off the first place",
            levelFirst(),
            null,
            matrixErrors(
                "[MatrixSyntax] matrix.md:3: this table has Permission and Level columns,"
                    + " but Permission is not its first column, so it would be read as prose and its rows"
                    + " ignored; move the Permission column first")));
    rows.add(
        new Row(
            "M23",
            "a required column missing (no Includes)",
            SMALL.replace(LINE_3, "| Permission | Level | Scope | Implies | Description |"),
            null,
            matrixErrors(
                "[MatrixSyntax] matrix.md:3: this table lacks the Includes column; its"
                    + " header must include | Permission | Level | Includes | (found: Permission, Level, Scope,"
                    + " Implies, Description)")));
    rows.add(
        new Row(
            "M24",
            "an extra, unknown column (Owner team)",
            extraColumn(),
            THINGS,
            new Compiles(SMALL_MEANING)));
    rows.add(
        new Row(
            "M25",
            "a column twice (two Level columns, the second holding scopes)",
            SMALL.replace(LINE_3, "| Permission | Level | Level | Includes | Description |"),
            null,
            matrixErrors(
                "[MatrixSyntax] matrix.md:3: this table has 2 level columns (columns 2, 3);"
                    + " keep one (found: Permission, Level, Level, Includes, Description)")));
    rows.add(
        new Row(
            "M26",
            "a permission row twice",
            SMALL.replace(LINE_8, LINE_8 + "\n| VIEW_SECRETS | workspace | | | Again. |"),
            null,
            matrixErrors(
                "[MatrixDuplicateName] matrix.md:9: permission VIEW_SECRETS is already"
                    + " defined on line 8; give each permission one row")));
    rows.add(
        new Row(
            "M27",
            "a role row twice (a second OWNER granting less)",
            SMALL + "| OWNER | workspace | | VIEW_THINGS | | Owns less. |\n",
            null,
            matrixErrors(
                "[MatrixDuplicateName] matrix.md:19: workspace role OWNER is already defined"
                    + " on line 16; give each role one row")));
    rows.add(
        new Row(
            "M28",
            "an include cycle of length 1 (a permission includes itself)",
            SMALL.replace(LINE_8, "| VIEW_SECRETS | workspace | | VIEW_SECRETS | See secrets. |"),
            null,
            matrixErrors(
                "[MatrixCycle] matrix.md:8: cycle: VIEW_SECRETS (line 8) includes"
                    + " VIEW_SECRETS; remove one of these includes so the relation has no loop")));
    rows.add(
        new Row(
            "M29",
            "an include cycle of length 50",
            cycle(50),
            null,
            new Rejected(
                List.of(
                    matrixError(
                        "[MatrixCycle] matrix.md:5: cycle: P0 (line 5) includes P1 (line 6) includes",
                        "P24 (line 29) includes P25 (line 30) includes",
                        "P48 (line 53) includes P49 (line 54) includes P0; remove one of these includes so"
                            + " the relation has no loop")))));
    rows.add(
        new Row(
            "M30",
            "a 10,000-long includes chain",
            chain(10_000, false),
            null,
            matrixErrors("[MatrixTooLarge] matrix.md:4101: the matrix has 10,000 permissions")));
    rows.add(
        new Row(
            "M31",
            "a 10,000-long includes chain closed into a cycle",
            chain(10_000, true),
            null,
            new Rejected(
                List.of(
                    matrixError(
                        "[MatrixCycle] matrix.md:5: cycle: P0 (line 5) includes P9999 (line"
                            + " 10004) includes P9998 (line 10003) includes",
                        "P9951 (line 9956) includes ... (9,900 more) ... P50 (line 55) includes",
                        "P1 (line 6) includes P0; remove one of these includes"),
                    matrixError(
                        "[MatrixTooLarge] matrix.md:4101: the matrix has 10,000 permissions")))));
    rows.add(
        new Row(
            "M32",
            "an include of an unknown permission",
            SMALL.replace("| write_things | VIEW_THINGS |", "| write_things | VIEW_THING |"),
            null,
            matrixErrors(
                "[MatrixUnknownName] matrix.md:6: permission EDIT_THINGS includes"
                    + " VIEW_THING, which the matrix does not define. Did you mean VIEW_THINGS? Otherwise"
                    + " define it in its table")));
    rows.add(
        new Row(
            "M33",
            "a role granted an unknown permission",
            SMALL.replace(LINE_14, "| VIEWER | workspace | | VIEW_EVERYTHING | | Looks. |"),
            null,
            matrixErrors(
                "[MatrixUnknownName] matrix.md:14: role VIEWER grants VIEW_EVERYTHING,"
                    + " which the matrix does not define. Define it in its table, or name one that is"
                    + " defined")));
    rows.add(
        new Row(
            "M34",
            "mixed levels: an account permission includes a workspace one",
            SMALL.replace(
                LINE_10, "| EDIT_ACCOUNT | account | | VIEW_THINGS | Edit the account. |"),
            null,
            matrixErrors(
                "[MatrixLevelMismatch] matrix.md:10: account permission EDIT_ACCOUNT"
                    + " includes workspace permission VIEW_THINGS; a permission can only include"
                    + " permissions of its own level")));
    rows.add(
        new Row(
            "M35",
            "mixed levels: a workspace role grants an account permission",
            SMALL.replace(
                LINE_14, "| VIEWER | workspace | | VIEW_THINGS, EDIT_ACCOUNT | | Looks. |"),
            null,
            matrixErrors(
                "[MatrixLevelMismatch] matrix.md:14: workspace role VIEWER grants"
                    + " account permission EDIT_ACCOUNT; grant it to an account role instead")));
    rows.add(
        new Row(
            "M36",
            "CRLF line endings",
            SMALL.replace("\n", "\r\n"),
            THINGS,
            new Compiles(SMALL_MEANING)));
    rows.add(
        new Row(
            "M37",
            "old Mac CR-only line endings",
            SMALL.replace("\n", "\r"),
            THINGS,
            new Compiles(SMALL_MEANING)));
    rows.add(
        new Row(
            "M38",
            "a UTF-8 byte-order mark before the title",
            "\ufeff" + SMALL,
            THINGS,
            new Compiles(
                SMALL_MEANING.andThen(code -> assertEquals("Test Matrix", code.matrix().name())))));
    rows.add(
        new Row(
            "M39",
            "a byte-order mark directly before the Permission header",
            "\ufeff" + SMALL.substring(SMALL.indexOf(LINE_3)),
            THINGS,
            new Compiles(SMALL_MEANING)));
    rows.add(
        new Row(
            "M40",
            "tabs around and inside cells",
            SMALL.replace(" | ", "\t|\t").replace("| ", "|\t"),
            THINGS,
            new Compiles(SMALL_MEANING)));
    String longName = "VIEW_" + "X".repeat(9_995);
    rows.add(
        new Row(
            "M41",
            "a 10,000-character permission name, required and granted",
            SMALL.replace("VIEW_THINGS", longName),
            THINGS.replace("VIEW_THINGS", longName),
            new Compiles(
                code -> {
                  assertEquals(10_000, code.matrix().permissionAt(0).name().length());
                  SMALL_MEANING.accept(code);
                })));
    rows.add(
        new Row(
            "M42",
            "a 70,000-character permission name (beyond a string constant)",
            SMALL.replace(
                LINE_8, LINE_8 + "\n| V" + "X".repeat(69_999) + " | workspace | | | Long. |"),
            null,
            matrixErrors(
                "[MatrixSyntax] matrix.md:9: a cell of this row is 70000 bytes long in"
                    + " UTF-8; generated code holds each cell in a string constant of at most 65,535"
                    + " bytes: shorten it")));
    rows.add(
        new Row(
            "M43",
            "HTML, markdown and comment injection in descriptions, scope, title",
            injected(),
            THINGS,
            new Compiles(
                SMALL_MEANING.andThen(
                    code -> {
                      Matrix matrix = code.matrix();
                      assertEquals(
                          INJECTION, matrix.permission("VIEW_SECRETS").orElseThrow().description());
                      assertEquals(
                          "a\"b*/\\u000a", matrix.permission("VIEW_THINGS").orElseThrow().scope());
                      assertEquals("T */ \\u000a \" <b>", matrix.name());
                      assertEquals(
                          INJECTION, matrix.workspaceRole("VIEWER").orElseThrow().description());
                    }))));
    rows.add(
        new Row(
            "M44",
            "a permission named PERMISSION and a role named ROLE (header words)",
            SMALL.replace(
                    LINE_8, LINE_8 + "\n| PERMISSION | workspace | | | Named like a header. |")
                + "| ROLE | workspace | | PERMISSION | | Named like a header. |\n",
            THINGS.replace("\"VIEW_THINGS\"", "\"PERMISSION\""),
            new Compiles(
                code -> {
                  assertAccess(code, workspace(code, "ROLE"), "look", true);
                  assertAccess(code, workspace(code, "OWNER"), "look", false);
                  assertAccess(code, workspace(code, "ROLE"), "delete", false);
                })));
    return rows;
  }

  /** A description meant to end a Javadoc comment, a string literal or a line early. */
  private static final String INJECTION =
      "*/ <script>alert(1)</script> \\u000a \\\\ \\ \" ' ${x}"
          + " {@code x} @param </ul> <!-- `` **bold** [link](javascript:x) \\u002A/ \\\"";

  private static String injected() {
    return SMALL
        .replace("See secrets.", INJECTION)
        .replace("Looks.", INJECTION)
        .replace("see_things", "a\"b*/\\u000a")
        .replace("# Test Matrix", "# T */ \\u000a \" <b>");
  }

  private static void check(Row row) throws IOException {
    Path root = Files.createTempDirectory("rolegate-hostile");
    try {
      Files.createDirectories(root.resolve("test"));
      Files.write(root.resolve("test/matrix.md"), row.matrix());
      check(row, root);
    } finally {
      // Some rows write 10 MB: leave nothing behind.
      Files.deleteIfExists(root.resolve("test/matrix.md"));
      Files.deleteIfExists(root.resolve("test"));
      Files.deleteIfExists(root);
    }
  }

  private static void check(Row row, Path root) {
    JavaFileObject packageInfo = TestMatrices.packageInfo();
    List<JavaFileObject> sources = new ArrayList<>(List.of(packageInfo));
    JavaFileObject service = null;
    if (row.service() != null) {
      service = JavaFileObjects.forSourceString("test.Things", row.service());
      sources.add(service);
    }
    Compilation compilation = TestMatrices.compiler(root).compile(sources);
    for (Diagnostic<? extends JavaFileObject> diagnostic : compilation.diagnostics()) {
      String message = diagnostic.getMessage(null);
      assertWithMessage("%s: javac crashed or rolegate failed", row.id())
          .that(message)
          .doesNotContain("An annotation processor threw an uncaught exception");
      assertWithMessage("%s: javac crashed or rolegate failed", row.id())
          .that(message)
          .doesNotContain("[InternalError]");
    }
    if (row.outcome() instanceof Rejected rejected) {
      assertThat(compilation).failed();
      assertThat(compilation).hadErrorCount(rejected.errors().size());
      for (Error error : rejected.errors()) {
        JavaFileObject file = error.inService() ? service : packageInfo;
        String first = error.fragments().get(0);
        assertThat(compilation)
            .hadErrorContaining(first)
            .inFile(file)
            .onLineContaining(error.line());
        if (!error.inService()) {
          CompilationAssertions.assertErrorAtColumn(compilation, first, packageInfo, ON_MATRIX, 19);
        }
        String message =
            compilation.errors().stream()
                .map(e -> e.getMessage(null))
                .filter(m -> m.contains(first))
                .findFirst()
                .orElseThrow();
        for (String fragment : error.fragments()) {
          assertWithMessage("%s", row.id()).that(message).contains(fragment);
        }
        assertWithMessage("%s: a bounded message", row.id())
            .that(message.length())
            .isLessThan(10_000);
      }
    } else {
      assertThat(compilation).succeeded();
      assertThat(compilation).hadErrorCount(0);
      ((Compiles) row.outcome()).check().accept(GeneratedCode.of(compilation));
    }
  }

  private static Principal workspace(GeneratedCode code, String role) {
    return Principal.user("alice")
        .matrix(code.matrix())
        .directory(GeneratedCode.ACME)
        .workspaceRole("ws", role)
        .build();
  }

  private static Principal account(GeneratedCode code, String role) {
    return Principal.user("bob")
        .matrix(code.matrix())
        .directory(GeneratedCode.ACME)
        .accountRole(role)
        .build();
  }

  /**
   * Calls {@code method} through the guard as {@code who}: allowed reaches the delegate, denied
   * not.
   */
  private static void assertAccess(
      GeneratedCode code, Principal who, String method, boolean allowed) {
    Recorder delegate = new Recorder((m, args) -> "ok");
    Object guard = code.guard("test.Things", "test.GuardedThings", delegate, () -> who);
    Object[] args = new Object[] {method.equals("administer") ? "acme" : "ws"};
    if (allowed) {
      try {
        assertEquals("ok", GeneratedCode.call(guard, method, args));
      } catch (Throwable e) {
        throw new AssertionError(method + " should be allowed", e);
      }
      assertEquals(List.of(method), delegate.calls);
    } else {
      assertThrows(
          AccessDeniedException.class,
          () -> GeneratedCode.call(guard, method, args),
          method + " should be denied");
      assertEquals(List.of(), delegate.calls);
    }
  }

  /** 4 KB of seeded random bytes, starting with 0xFF and holding NULs. */
  private static byte[] binary() {
    byte[] bytes = new byte[4_096];
    new Random(6).nextBytes(bytes);
    bytes[0] = (byte) 0xFF;
    bytes[100] = 0;
    bytes[200] = 0;
    return bytes;
  }

  private static byte[] concat(String text, byte[] tail) {
    byte[] head = text.getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[head.length + tail.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(tail, 0, all, head.length, tail.length);
    return all;
  }

  /** {@code size} unrelated permissions (rows from line 5), and one role. */
  private static String standalone(int size) {
    StringBuilder text =
        new StringBuilder("# Many\n\n| Permission | Level | Includes |\n|---|---|---|\n");
    for (int i = 0; i < size; i++) {
      text.append("| P").append(i).append(" | workspace | |\n");
    }
    return text.append(ROLES).append("| R | workspace | | P0 |\n").toString();
  }

  /**
   * Permissions P0..P(size-1) from line 5, each including the one before (and P0 the last, when
   * {@code closed}); TOP is granted the last, BOTTOM the first; MEMBER is the account role.
   */
  private static String chain(int size, boolean closed) {
    StringBuilder text =
        new StringBuilder("# Chain\n\n| Permission | Level | Includes |\n|---|---|---|\n");
    for (int i = 0; i < size; i++) {
      String include = i > 0 ? "P" + (i - 1) : closed ? "P" + (size - 1) : "";
      text.append("| P").append(i).append(" | workspace | ").append(include).append(" |\n");
    }
    return text.append(ROLES)
        .append("| TOP | workspace | | P")
        .append(size - 1)
        .append(" |\n| BOTTOM | workspace | | P0 |\n| MEMBER | account (default) | | |\n")
        .toString();
  }

  /** A service whose {@code top} needs P{@code top} and {@code bottom} needs P0. */
  private static String topService(int top) {
    return """
        package test;
        import dev.rolegate.annotations.*;
        public interface Things {
          @RequiresPermission("P%d")
          String top(@WorkspaceId String ws);
          @RequiresPermission("P0")
          String bottom(@WorkspaceId String ws);
        }
        """
        .formatted(top);
  }

  /** P0 includes P1, ... P49 includes P0 (rows from line 5). */
  private static String cycle(int length) {
    StringBuilder text =
        new StringBuilder("# Cycle\n\n| Permission | Level | Includes |\n|---|---|---|\n");
    for (int i = 0; i < length; i++) {
      text.append("| P")
          .append(i)
          .append(" | workspace | P")
          .append((i + 1) % length)
          .append(" |\n");
    }
    return text.toString();
  }

  /**
   * 1,400 leaf permissions and 1,400 that each include 100 seeded random leaves: the closed bitsets
   * hold some 30,000 distinct 64-bit words, each a constant of the generated table.
   */
  private static String distinctWords() {
    Random random = new Random(1_400);
    StringBuilder text =
        new StringBuilder("# Words\n\n| Permission | Level | Includes |\n|---|---|---|\n");
    for (int i = 0; i < 1_400; i++) {
      text.append("| L").append(i).append(" | workspace | |\n");
    }
    for (int i = 0; i < 1_400; i++) {
      List<String> includes = new ArrayList<>();
      for (int j = 0; j < 100; j++) {
        includes.add("L" + random.nextInt(1_400));
      }
      text.append("| C")
          .append(i)
          .append(" | workspace | ")
          .append(String.join(", ", includes))
          .append(" |\n");
    }
    return text.toString();
  }

  /** The small matrix with its Permission columns in another order (Permission still first). */
  private static String reordered() {
    return SMALL
        .replace(LINE_3, "| Permission | Description | Includes | Scope | Level |")
        .replace(LINE_5, "| VIEW_THINGS | See things. | | see_things | workspace |")
        .replace(LINE_6, "| EDIT_THINGS | Edit things. | VIEW_THINGS | write_things | workspace |")
        .replace(
            LINE_7,
            "| DELETE_THINGS | Delete things. | VIEW_THINGS, EDIT_THINGS | manage_things | workspace |")
        .replace(LINE_8, "| VIEW_SECRETS | See secrets. | | | workspace |")
        .replace(
            "| VIEW_ACCOUNT | account | | | See the account. |",
            "| VIEW_ACCOUNT | See the account. | | | account |")
        .replace(LINE_10, "| EDIT_ACCOUNT | Edit the account. | VIEW_ACCOUNT | | account |")
        .replace(
            "| Role | Level | Inherits | Grants | Workspace role everywhere | Description |",
            "| Role | Grants | Description | Workspace role everywhere | Inherits | Level |")
        .replace(LINE_14, "| VIEWER | VIEW_THINGS | Looks. | | | workspace |")
        .replace(
            "| EDITOR | workspace | VIEWER | EDIT_THINGS | | Edits. |",
            "| EDITOR | EDIT_THINGS | Edits. | | VIEWER | workspace |")
        .replace(LINE_16, "| OWNER | DELETE_THINGS, VIEW_SECRETS | Owns. | | EDITOR | workspace |")
        .replace(
            "| MEMBER | account (default) | | VIEW_ACCOUNT | | Member. |",
            "| MEMBER | VIEW_ACCOUNT | Member. | | | account (default) |")
        .replace(
            "| ADMIN | account | MEMBER | EDIT_ACCOUNT | OWNER | Admin. |",
            "| ADMIN | EDIT_ACCOUNT | Admin. | OWNER | MEMBER | account |");
  }

  /** The small matrix with Level before Permission in the Permission table, rows alike. */
  private static String levelFirst() {
    StringBuilder text = new StringBuilder();
    String[] lines = SMALL.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (i >= 2 && i <= 9) {
        List<String> cells = new ArrayList<>(List.of(lines[i].split("\\|", -1)));
        String name = cells.get(1);
        cells.set(1, cells.get(2));
        cells.set(2, name);
        text.append(String.join("|", cells));
      } else {
        text.append(lines[i]);
      }
      text.append(i == lines.length - 1 ? "" : "\n");
    }
    return text.toString();
  }

  /** The small matrix with an extra "Owner team" column in both tables. */
  private static String extraColumn() {
    StringBuilder text = new StringBuilder();
    for (String line : SMALL.split("\n", -1)) {
      if (line.startsWith("| Permission") || line.startsWith("| Role")) {
        text.append(line).append(" Owner team |\n");
      } else if (line.startsWith("|---")) {
        text.append(line).append("---|\n");
      } else if (line.startsWith("|")) {
        text.append(line).append(" platform |\n");
      } else {
        text.append(line).append('\n');
      }
    }
    return text.toString();
  }
}
