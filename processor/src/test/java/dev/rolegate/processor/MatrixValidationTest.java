package dev.rolegate.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.rolegate.processor.ClassOutputs.classPathWith;
import static dev.rolegate.processor.ClassOutputs.copyClasses;
import static dev.rolegate.processor.CompilationAssertions.assertErrorAtColumn;
import static dev.rolegate.processor.CompilationAssertions.assertOneError;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Matrix errors ({@code [MatrixSyntax]}, {@code [MatrixDuplicateName]}, {@code
 * [MatrixUnknownName]}, {@code [MatrixCycle]}, {@code [MatrixLevelMismatch]}) with {@code
 * file:line}, on the {@code @PermissionMatrix} value; and finding the matrix ({@code
 * [MatrixNotFound]}, {@code [SeveralMatrices]}, {@code [NoMatrix]}).
 */
class MatrixValidationTest {
  /** Each test changes one or more rows in place, so the line numbers below stay true. */
  private static final String BASE =
      """
      # Test Matrix

      | Permission | Level | Includes |
      |---|---|---|
      | VIEW_THINGS | workspace | |
      | EDIT_THINGS | workspace | VIEW_THINGS |
      | VIEW_ACCOUNT | account | |

      | Role | Level | Inherits | Grants | Workspace role everywhere |
      |---|---|---|---|---|
      | VIEWER | workspace | | VIEW_THINGS | |
      | EDITOR | workspace | VIEWER | EDIT_THINGS | |
      | MEMBER | account (default) | | VIEW_ACCOUNT | |
      | ADMIN | account | MEMBER | | EDITOR |
      """;

  private static final String LINE_3 = "| Permission | Level | Includes |";
  private static final String LINE_5 = "| VIEW_THINGS | workspace | |";
  private static final String LINE_6 = "| EDIT_THINGS | workspace | VIEW_THINGS |";
  private static final String LINE_7 = "| VIEW_ACCOUNT | account | |";
  private static final String LINE_11 = "| VIEWER | workspace | | VIEW_THINGS | |";
  private static final String LINE_12 = "| EDITOR | workspace | VIEWER | EDIT_THINGS | |";
  private static final String LINE_13 = "| MEMBER | account (default) | | VIEW_ACCOUNT | |";
  private static final String LINE_14 = "| ADMIN | account | MEMBER | | EDITOR |";

  private static final JavaFileObject PACKAGE_INFO = packageInfo("test", "matrix.md");
  private static final String ON_LINE = "@PermissionMatrix(";
  private static final int VALUE_COLUMN = 19;

  @Test
  void validMatrix_generatesConstantsTableAndIndex() {
    Compilation compilation = compile(BASE);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.Permissions");
    assertThat(compilation).generatedSourceFile("test.WorkspaceRoles");
    assertThat(compilation).generatedSourceFile("test.AccountRoles");
    assertThat(compilation).generatedSourceFile("test.MatrixCapabilityTable");
    assertThat(compilation).generatedSourceFile("dev.rolegate.matrices.Matrix_test");
  }

  @Test
  void matrixSyntax_wrongNumberOfCells() {
    assertSingleError(
        BASE.replace(LINE_6, "| EDIT_THINGS | workspace |"),
        "[MatrixSyntax] matrix.md:6: this row has 2 cells but the table header has 3; check for a"
            + " missing or extra |, and write a | inside a cell as \\|");
  }

  @Test
  void matrixSyntax_lowerCaseName() {
    assertSingleError(
        BASE.replace(LINE_5, "| view_things | workspace | |"),
        "[MatrixSyntax] matrix.md:5: permission name \"view_things\" is not UPPER_SNAKE_CASE;"
            + " names look like DELETE_DEPLOYMENTS");
  }

  @Test
  void matrixSyntax_unknownPermissionLevel() {
    assertSingleError(
        BASE.replace(LINE_7, "| VIEW_ACCOUNT | global | |"),
        "[MatrixSyntax] matrix.md:7: level \"global\" is neither workspace nor account");
  }

  @Test
  void matrixSyntax_unknownRoleLevel_mentionsDefaultMarker() {
    assertSingleError(
        BASE.replace(LINE_11, "| VIEWER | team | | VIEW_THINGS | |"),
        "[MatrixSyntax] matrix.md:11: level \"team\" is neither workspace nor account (an account"
            + " role may be marked \"account (default)\")");
  }

  @Test
  void matrixSyntax_missingRequiredColumn() {
    assertSingleError(
        BASE.replace(LINE_3, "| Permission | Level | Implies |"),
        "[MatrixSyntax] matrix.md:3: this table lacks the Includes column; its header must include"
            + " | Permission | Level | Includes | (found: Permission, Level, Implies)");
  }

  @Test
  void matrixSyntax_missingColumns_namedEach() {
    assertSingleError(
        BASE.replace(LINE_3, "| Permission | Description |"),
        "[MatrixSyntax] matrix.md:3: this table lacks the Level and Includes columns; its header"
            + " must include | Permission | Level | Includes | (found: Permission, Description)");
  }

  @Test
  void matrixSyntax_roleTableMissingColumn_named() {
    assertSingleError(
        BASE.replace(
            "| Role | Level | Inherits | Grants | Workspace role everywhere |",
            "| Role | Level | Parent | Grants | Workspace role everywhere |"),
        "[MatrixSyntax] matrix.md:9: this table lacks the Inherits column; its header must include"
            + " | Role | Level | Inherits | Grants | (found: Role, Level, Parent, Grants, Workspace"
            + " role everywhere)");
  }

  @Test
  void matrixSyntax_permissionHeaderTypo_namesClosestCellAndLine() {
    assertSingleError(
        BASE.replace(LINE_3, "| Permissions | Level | Includes |"),
        "[MatrixSyntax] matrix.md:3: this table's header starts with \"Permissions\", not"
            + " Permission, so it would be read as prose and its rows ignored. Start its header"
            + " with | Permission | Level | Includes |");
  }

  @Test
  void matrixSyntax_roleHeaderTypo_namesTheCell() {
    assertSingleError(
        BASE.replace(
            "| Role | Level | Inherits | Grants | Workspace role everywhere |",
            "| Roles | Level | Inherits | Grants | Workspace role everywhere |"),
        "[MatrixSyntax] matrix.md:9: this table's header starts with \"Roles\", not Role, so it"
            + " would be read as prose and its rows ignored. Start its header with | Role | Level"
            + " | Inherits | Grants |");
  }

  @Test
  void matrixSyntax_noPermissionTable() {
    assertSingleError(
        "# Test Matrix\n\nRoles and permissions will be listed here.\n",
        "[MatrixSyntax] matrix.md:1: the file has no Permission table. Add a Markdown table whose"
            + " header starts with | Permission | Level | Includes |");
  }

  @Test
  void matrixSyntax_headerWithoutSeparator() {
    assertSingleError(
        BASE.replace("\n|---|---|---|\n", "\n"),
        "[MatrixSyntax] matrix.md:4: a table header must be followed by a separator row such as"
            + " |---|---|");
  }

  /** Found by MatrixParserFuzzTest: the error named line 3 of a two-line file. */
  @Test
  void matrixSyntax_headerOnLastLine_reportedOnTheHeader() {
    assertSingleError(
        "# Test Matrix\n| Permission | Level | Includes |",
        "[MatrixSyntax] matrix.md:2: a table header must be followed by a separator row such as"
            + " |---|---|");
  }

  @Test
  void matrixSyntax_badIncludesCell() {
    assertSingleError(
        BASE.replace(LINE_6, "| EDIT_THINGS | workspace | view things |"),
        "[MatrixSyntax] matrix.md:6: the includes cell must list UPPER_SNAKE_CASE names separated"
            + " by commas, but has \"view things\"");
  }

  @Test
  void matrixSyntax_defaultWorkspaceRole() {
    assertSingleError(
        BASE.replace(LINE_11, "| VIEWER | workspace (default) | | VIEW_THINGS | |"),
        "[MatrixSyntax] matrix.md:11: only an account role can be the default; write"
            + " \"workspace\" in the Level cell of VIEWER");
  }

  @Test
  void matrixDuplicateName_permissionTwice() {
    assertSingleError(
        BASE.replace(LINE_6, LINE_6 + "\n| VIEW_THINGS | workspace | |"),
        "[MatrixDuplicateName] matrix.md:7: permission VIEW_THINGS is already defined on line 5;"
            + " give each permission one row");
  }

  @Test
  void matrixDuplicateName_roleTwiceAtOneLevel() {
    assertSingleError(
        BASE + "| VIEWER | workspace | | EDIT_THINGS | |\n",
        "[MatrixDuplicateName] matrix.md:15: workspace role VIEWER is already defined on line 11;"
            + " give each role one row");
  }

  @Test
  void matrixDuplicateName_twoDefaultAccountRoles() {
    assertSingleError(
        BASE.replace(LINE_14, "| ADMIN | account (default) | MEMBER | | EDITOR |"),
        "[MatrixDuplicateName] matrix.md:14: account role ADMIN is marked (default), but MEMBER"
            + " on line 13 already is; mark one account role as the default");
  }

  @Test
  void sameRoleNameAtBothLevels_compilesClean() {
    Compilation compilation = compile(BASE + "| VIEWER | account | | VIEW_ACCOUNT | |\n");

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.AccountRoles");
  }

  @Test
  void matrixUnknownName_inIncludes() {
    assertSingleError(
        BASE.replace(LINE_6, "| EDIT_THINGS | workspace | VIEW_THING |"),
        "[MatrixUnknownName] matrix.md:6: permission EDIT_THINGS includes VIEW_THING, which the"
            + " matrix does not define. Did you mean VIEW_THINGS? Otherwise define it in its table");
  }

  @Test
  void matrixUnknownName_inGrants() {
    assertSingleError(
        BASE.replace(LINE_11, "| VIEWER | workspace | | VIEW_THING | |"),
        "[MatrixUnknownName] matrix.md:11: role VIEWER grants VIEW_THING, which the matrix does"
            + " not define. Did you mean VIEW_THINGS? Otherwise define it in its table");
  }

  @Test
  void matrixUnknownName_inInherits() {
    assertSingleError(
        BASE.replace(LINE_12, "| EDITOR | workspace | VIEWR | EDIT_THINGS | |"),
        "[MatrixUnknownName] matrix.md:12: role EDITOR inherits VIEWR, which the matrix does not"
            + " define. Did you mean VIEWER? Otherwise define it in its table");
  }

  @Test
  void matrixUnknownName_inEverywhere() {
    assertSingleError(
        BASE.replace(LINE_14, "| ADMIN | account | MEMBER | | OWNER |"),
        "[MatrixUnknownName] matrix.md:14: account role ADMIN holds workspace role OWNER"
            + " everywhere, which the matrix does not define. Define it in its table, or name one"
            + " that is defined");
  }

  @Test
  void matrixCycle_inIncludes_printsWholePath() {
    String matrix =
        """
        # Cycles

        | Permission | Level | Includes |
        |---|---|---|
        | ALPHA | workspace | BETA |
        | BETA | workspace | GAMMA |
        | GAMMA | workspace | ALPHA |
        """;

    assertSingleError(
        matrix,
        "[MatrixCycle] matrix.md:5: cycle: ALPHA (line 5) includes BETA (line 6) includes GAMMA"
            + " (line 7) includes ALPHA; remove one of these includes so the relation has no loop");
  }

  @Test
  void matrixCycle_inInherits_printsWholePath() {
    assertSingleError(
        BASE.replace(LINE_11, "| VIEWER | workspace | EDITOR | VIEW_THINGS | |"),
        "[MatrixCycle] matrix.md:11: cycle: VIEWER (line 11) inherits EDITOR (line 12) inherits"
            + " VIEWER; remove one of these inherits so the relation has no loop");
  }

  @Test
  void matrixLevelMismatch_workspaceRoleGrantsAccountPermission() {
    assertSingleError(
        BASE.replace(LINE_11, "| VIEWER | workspace | | VIEW_THINGS, VIEW_ACCOUNT | |"),
        "[MatrixLevelMismatch] matrix.md:11: workspace role VIEWER grants account permission"
            + " VIEW_ACCOUNT; grant it to an account role instead");
  }

  @Test
  void matrixLevelMismatch_accountRoleGrantsWorkspacePermission() {
    assertSingleError(
        BASE.replace(LINE_13, "| MEMBER | account (default) | | VIEW_ACCOUNT, VIEW_THINGS | |"),
        "[MatrixLevelMismatch] matrix.md:13: account role MEMBER grants workspace permission"
            + " VIEW_THINGS; grant it to a workspace role instead");
  }

  @Test
  void matrixLevelMismatch_permissionIncludesOtherLevel() {
    assertSingleError(
        BASE.replace(LINE_7, "| VIEW_ACCOUNT | account | VIEW_THINGS |"),
        "[MatrixLevelMismatch] matrix.md:7: account permission VIEW_ACCOUNT includes workspace"
            + " permission VIEW_THINGS; a permission can only include permissions of its own"
            + " level");
  }

  @Test
  void matrixLevelMismatch_workspaceRoleWithEverywhereRole() {
    assertSingleError(
        BASE.replace(LINE_12, "| EDITOR | workspace | VIEWER | EDIT_THINGS | VIEWER |"),
        "[MatrixLevelMismatch] matrix.md:12: workspace role EDITOR names a workspace role"
            + " everywhere (VIEWER); only account roles hold a workspace role everywhere");
  }

  @Test
  void matrixLevelMismatch_accountRoleInheritsWorkspaceRole() {
    assertSingleError(
        BASE.replace(LINE_14, "| ADMIN | account | EDITOR | | EDITOR |"),
        "[MatrixLevelMismatch] matrix.md:14: account role ADMIN inherits EDITOR, which is only a"
            + " workspace role; a role inherits from a role of its own level");
  }

  @Test
  void severalIndependentProblems_eachReportedOnce() {
    String matrix =
        BASE.replace(LINE_6, "| EDIT_THINGS | workspace | VIEW_THING |")
            .replace(LINE_7, "| VIEW_ACCOUNT | acount | |")
            .replace(LINE_12, "| EDITOR | workspace | VIEWR | EDIT_THINGS | |")
            .replace(LINE_14, LINE_14 + "\n| EDITOR | workspace | | | |");

    Compilation compilation = compile(matrix);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(4);
    for (String message :
        new String[] {
          "[MatrixUnknownName] matrix.md:6: permission EDIT_THINGS includes VIEW_THING,",
          "[MatrixSyntax] matrix.md:7: level \"acount\" is neither workspace nor account",
          "[MatrixUnknownName] matrix.md:12: role EDITOR inherits VIEWR,",
          "[MatrixDuplicateName] matrix.md:15: workspace role EDITOR is already defined on line 12",
        }) {
      assertThat(compilation)
          .hadErrorContaining(message)
          .inFile(PACKAGE_INFO)
          .onLineContaining(ON_LINE);
      assertErrorAtColumn(compilation, message, PACKAGE_INFO, ON_LINE, VALUE_COLUMN);
    }
  }

  @Test
  void matrixNotFound_listsPlacesLooked() {
    JavaFileObject packageInfo = packageInfo("test", "missing.md");

    Compilation compilation = compiler(BASE).compile(packageInfo);

    String message =
        "[MatrixNotFound] @PermissionMatrix(\"missing.md\") names a file that was not found;"
            + " looked in: SOURCE_PATH/test/missing.md, CLASS_OUTPUT/test/missing.md,"
            + " CLASS_PATH/test/missing.md. Put the file under src/main/resources/test, where it"
            + " ships beside the classes, or name it with the compiler option"
            + " -Arolegate.matrix=<path> (Gradle needs the option: it compiles with an empty"
            + " source path and keeps resources out of the class output)";
    assertOneError(compilation, message, packageInfo, ON_LINE);
    assertErrorAtColumn(compilation, message, packageInfo, ON_LINE, VALUE_COLUMN);
  }

  @Test
  void severalMatrices_twoPackagesInOneCompilation_reportedOnSecond() {
    JavaFileObject second = packageInfo("other", "matrix.md");

    Compilation compilation = compiler(BASE).compile(PACKAGE_INFO, second);

    String message =
        "[SeveralMatrices] package other declares a second @PermissionMatrix; package test"
            + " already declares one. A compilation compiles one matrix: remove one of the two"
            + " @PermissionMatrix annotations, or compile each package in its own module";
    assertOneError(compilation, message, second, ON_LINE);
    assertErrorAtColumn(compilation, message, second, ON_LINE, 1);
  }

  @Test
  void severalMatrices_twoOnClassPath_reportedOnGuardedType() {
    Path classes = compiledMatrices("alpha", "beta");
    JavaFileObject source = things();

    Compilation compilation =
        Compiler.javac()
            .withProcessors(new RolegateProcessor())
            .withClasspath(classPathWith(classes))
            .compile(source);

    assertOneError(
        compilation,
        "[SeveralMatrices] the class path holds 2 compiled matrices: alpha (matrix.md), beta"
            + " (matrix.md). Keep one matrix on the class path, or declare the one this"
            + " compilation uses with @PermissionMatrix on one of its packages",
        source,
        "public interface Things");
  }

  @Test
  void oneMatrixOnClassPath_isUsed() {
    Path classes = compiledMatrices("alpha");

    Compilation compilation =
        Compiler.javac()
            .withProcessors(new RolegateProcessor())
            .withClasspath(classPathWith(classes))
            .compile(things());

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.GuardedThings");
  }

  @Test
  void noMatrix_guardedInterfaceWithoutMatrix_reportedOnType() {
    // The processor's test class path holds no compiled matrix (no dev.rolegate.matrices class).
    JavaFileObject source = things();

    Compilation compilation =
        Compiler.javac().withProcessors(new RolegateProcessor()).compile(source);

    assertOneError(
        compilation,
        "[NoMatrix] Things needs a permission matrix, but none is compiled here or on the"
            + " class path. Add dev.rolegate:rolegate-prefect to the dependencies for the"
            + " bundled Prefect Cloud matrix, or compile your own with"
            + " @PermissionMatrix(\"matrix.md\") on a package",
        source,
        "public interface Things");
  }

  /** Returns {@code test.Things}, guarded, with no {@code @PermissionMatrix} of its own. */
  private static JavaFileObject things() {
    return JavaFileObjects.forSourceString(
        "test.Things",
        """
        package test;

        import dev.rolegate.annotations.RequiresPermission;
        import dev.rolegate.annotations.WorkspaceId;

        public interface Things {
          @RequiresPermission("VIEW_THINGS")
          void look(@WorkspaceId String workspace);
        }
        """);
  }

  /** Compiles {@link #BASE} into each package and returns a directory holding the classes. */
  private static Path compiledMatrices(String... packages) {
    try {
      Path classes = Files.createTempDirectory("rolegate-classes");
      for (String pkg : packages) {
        Compilation compilation =
            TestMatrices.compiler(TestMatrices.sourcePath(pkg, "matrix.md", BASE))
                .compile(packageInfo(pkg, "matrix.md"));
        assertThat(compilation).succeededWithoutWarnings();
        copyClasses(compilation, classes);
      }
      return classes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Asserts that {@code matrix} fails with exactly one error, {@code message}, on the value. */
  private static void assertSingleError(String matrix, String message) {
    Compilation compilation = compile(matrix);

    assertOneError(compilation, message, PACKAGE_INFO, ON_LINE);
    assertErrorAtColumn(compilation, message, PACKAGE_INFO, ON_LINE, VALUE_COLUMN);
  }

  private static Compilation compile(String matrix) {
    return compiler(matrix).compile(PACKAGE_INFO);
  }

  private static Compiler compiler(String matrix) {
    return TestMatrices.compiler(TestMatrices.sourcePath(matrix));
  }

  private static JavaFileObject packageInfo(String pkg, String path) {
    return JavaFileObjects.forSourceString(
        pkg + ".package-info",
        """
        @PermissionMatrix("%s")
        package %s;

        import dev.rolegate.annotations.PermissionMatrix;
        """
            .formatted(path, pkg));
  }
}
