package dev.rolegate.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.rolegate.processor.CompilationAssertions.assertErrors;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * One mistake gives one precise diagnostic: a matrix that does not compile still gives its
 * constants classes, so the code naming them reports no missing symbol, and nothing that runs is
 * written; an {@code @Unguarded} without its reason is rolegate's one error; an overloaded method
 * is named with its parameter types.
 */
class OneMistakeTest {
  private static final String ON_LINE = "@PermissionMatrix(";
  private static final String VIEWER_ROW = "| VIEWER | workspace | | VIEW_THINGS | | Looks. |";
  private static final String EDIT_ROW =
      "| EDIT_THINGS | workspace | write_things | VIEW_THINGS | Edit things. |";

  /** A service and a principal setup naming constants of all three classes. */
  private static JavaFileObject user() {
    return TestMatrices.source(
        "Things",
        """
        public interface Things {
          @RequiresPermission(Permissions.VIEW_THINGS)
          void view(@WorkspaceId String ws);

          @RequiresPermission(Permissions.EDIT_THINGS)
          void edit(@WorkspaceId String ws);

          @RequiresPermission(anyOf = {Permissions.DELETE_THINGS, Permissions.VIEW_SECRETS})
          void purge(@WorkspaceId String ws);

          @RequiresPermission(Permissions.VIEW_ACCOUNT)
          void account();

          // Constants in an annotation: javac reports a missing one even when processing failed.
          @SuppressWarnings({WorkspaceRoles.VIEWER, WorkspaceRoles.OWNER, AccountRoles.ADMIN,
              AccountRoles.MEMBER})
          @Unguarded(reason = "lists role names")
          void roles();
        }
        """);
  }

  private static Compilation compile(String matrix) {
    return TestMatrices.compiler(TestMatrices.sourcePath(matrix))
        .compile(TestMatrices.packageInfo(), user());
  }

  /** Asserts one error, {@code message}, on the {@code @PermissionMatrix} line; nothing runs. */
  private static void assertOnlyMatrixError(Compilation compilation, String message) {
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadWarningCount(0);
    assertThat(compilation)
        .hadErrorContaining(message)
        .inFile(TestMatrices.packageInfo())
        .onLineContaining(ON_LINE);
  }

  /**
   * Compiles {@code matrix} and the user code with javac's own file manager into fresh directories
   * (a failed compile-testing compilation shows no generated file) and returns what was written,
   * relative paths sorted.
   */
  private static List<String> written(String matrix) throws IOException {
    Path out = Files.createTempDirectory("rolegate-out");
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, UTF_8)) {
      JavaCompiler.CompilationTask task =
          javac.getTask(
              null,
              files,
              diagnostic -> {},
              List.of(
                  "-d",
                  out.toString(),
                  "-s",
                  out.toString(),
                  "-sourcepath",
                  TestMatrices.sourcePath(matrix).toString(),
                  "-classpath",
                  System.getProperty("java.class.path")),
              null,
              List.of(TestMatrices.packageInfo(), user()));
      task.setProcessors(List.of(new RolegateProcessor()));
      assertEquals(false, task.call());
    }
    try (Stream<Path> walk = Files.walk(out)) {
      return walk.filter(Files::isRegularFile)
          .map(path -> out.relativize(path).toString())
          .sorted()
          .toList();
    }
  }

  @Test
  void matrixWithMistake_writesConstantsOnly() throws IOException {
    assertEquals(
        List.of("test/AccountRoles.java", "test/Permissions.java", "test/WorkspaceRoles.java"),
        written(
            TestMatrices.SMALL.replace(
                VIEWER_ROW, "| VIEWER | workspace | OWNER | VIEW_THINGS | | |")));
  }

  @Test
  void matrixCycle_isTheOnlyError() {
    Compilation compilation =
        compile(
            TestMatrices.SMALL.replace(
                VIEWER_ROW, "| VIEWER | workspace | OWNER | VIEW_THINGS | | |"));

    assertOnlyMatrixError(compilation, "[MatrixCycle] matrix.md:14: cycle: VIEWER (line 14)");
  }

  @Test
  void matrixUnknownInclude_isTheOnlyError() {
    Compilation compilation =
        compile(
            TestMatrices.SMALL.replace(
                EDIT_ROW,
                "| EDIT_THINGS | workspace | write_things | VIEW_THING | Edit things. |"));

    assertOnlyMatrixError(
        compilation,
        "[MatrixUnknownName] matrix.md:6: permission EDIT_THINGS includes VIEW_THING, which the"
            + " matrix does not define. Did you mean VIEW_THINGS?");
  }

  @Test
  void matrixDuplicateName_isTheOnlyError_constantWrittenOnce() {
    Compilation compilation =
        compile(
            TestMatrices.SMALL.replace(EDIT_ROW, EDIT_ROW + "\n| VIEW_THINGS | workspace | | | |"));

    assertOnlyMatrixError(
        compilation,
        "[MatrixDuplicateName] matrix.md:7: permission VIEW_THINGS is already defined on line 5");
  }

  @Test
  void matrixSyntax_badIncludesCell_rowStillNamed_isTheOnlyError() {
    Compilation compilation =
        compile(
            TestMatrices.SMALL.replace(
                EDIT_ROW,
                "| EDIT_THINGS | workspace | write_things | view things | Edit things. |"));

    assertOnlyMatrixError(
        compilation,
        "[MatrixSyntax] matrix.md:6: the includes cell must list UPPER_SNAKE_CASE names");
  }

  @Test
  void matrixSyntax_badRoleLevel_onlyThatRoleIsMissing() {
    Compilation compilation =
        compile(
            TestMatrices.SMALL.replace(VIEWER_ROW, "| VIEWER | team | | VIEW_THINGS | | Looks. |"));

    // The role's level did not parse, so which class holds VIEWER is not known: javac's one
    // missing symbol follows the matrix error, and no other.
    assertErrors(
        compilation,
        2,
        "[MatrixSyntax] matrix.md:14: level \"team\" is neither workspace",
        TestMatrices.packageInfo(),
        ON_LINE);
    assertThat(compilation)
        .hadErrorContaining("cannot find symbol")
        .inFile(user())
        .onLineContaining("@SuppressWarnings({WorkspaceRoles.VIEWER");
  }

  /**
   * {@code @Unguarded} without its reason: javac's own "missing a default value" stopped annotation
   * processing before any processor ran, so every generated name (constants, guard) was missing
   * too. The reason has an empty default; rolegate reports the one error and still writes the
   * constants and the guard.
   */
  @Test
  void unguardedWithoutReason_isTheOnlyError_guardStillWritten() {
    JavaFileObject things =
        TestMatrices.source(
            "Things",
            """
        public interface Things {
          @RequiresPermission(Permissions.VIEW_THINGS)
          void view(@WorkspaceId String ws);

          @Unguarded
          void health();
        }
        """);
    JavaFileObject user =
        TestMatrices.source(
            "User",
            """
        public class User {
          static final String EDIT = Permissions.EDIT_THINGS;
          GuardedThings guard;
        }
        """);

    Compilation compilation = TestMatrices.compile(things, user);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadWarningCount(0);
    assertThat(compilation)
        .hadErrorContaining(
            "[BlankUnguardedReason] Things.health() is @Unguarded without a reason,"
                + " but an unguarded method is open to every caller, unauthenticated ones included, and"
                + " its reason is what reviewers read in the access report. Say why it may be open, as"
                + " in @Unguarded(reason = \"liveness probe, reads nothing\"), or guard it with"
                + " @RequiresPermission")
        .inFile(things)
        .onLineContaining("@Unguarded");
  }

  @Test
  void overloadedMethods_namedWithParameterTypes_othersWithout() {
    JavaFileObject things =
        TestMatrices.source(
            "Things",
            """
        public interface Things {
          String view(@WorkspaceId String ws);

          String view(@WorkspaceId String ws, int page, String... tags);

          String look(@WorkspaceId String ws);

          @RequiresPermission("VIEW_THINGS")
          String edit(@WorkspaceId String ws);
        }
        """);

    Compilation compilation = TestMatrices.compile(things);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(3);
    String fix =
        " has neither @RequiresPermission nor @Unguarded, so GuardedThings would leave it"
            + " open.";
    assertThat(compilation)
        .hadErrorContaining("[UnprotectedMethod] Things.view(String)" + fix)
        .inFile(things)
        .onLineContaining("String view(@WorkspaceId String ws);");
    assertThat(compilation)
        .hadErrorContaining("[UnprotectedMethod] Things.view(String, int, String...)" + fix)
        .inFile(things)
        .onLineContaining("int page");
    assertThat(compilation)
        .hadErrorContaining("[UnprotectedMethod] Things.look()" + fix)
        .inFile(things)
        .onLineContaining("String look(");
  }
}
