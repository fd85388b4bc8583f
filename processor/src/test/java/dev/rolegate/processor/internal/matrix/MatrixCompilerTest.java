package dev.rolegate.processor.internal.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolegate.processor.internal.diagnostic.Diagnostic;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the compiler reports for a bad matrix: each problem once, with its diagnostic, line and
 * message, sorted by line; and no compiled matrix while there is any.
 */
class MatrixCompilerTest {
  private static final String PERMISSIONS =
      """
      | Permission | Level | Includes |
      |---|---|---|
      """;
  private static final String ROLES =
      """

      | Role | Level | Inherits | Grants | Workspace role everywhere |
      |---|---|---|---|---|
      """;

  private static List<MatrixProblem> problems(String text) {
    MatrixCompiler.Result result = MatrixCompiler.compile("m.md", text);
    assertTrue(result.matrix().isEmpty() == !result.problems().isEmpty(), result.toString());
    return result.problems();
  }

  private static MatrixProblem only(String text) {
    List<MatrixProblem> problems = problems(text);
    assertEquals(1, problems.size(), problems.toString());
    return problems.get(0);
  }

  private static void assertProblem(
      MatrixProblem problem, Diagnostic diagnostic, int line, String message) {
    assertEquals(diagnostic, problem.diagnostic(), problem.toString());
    assertEquals(line, problem.line(), problem.toString());
    assertEquals(message, problem.message());
  }

  @Test
  void duplicatePermission_reportedOnTheSecondRowWithTheFirstLine() {
    assertProblem(
        only(
            PERMISSIONS
                + "| VIEW | workspace | |\n| EDIT | workspace | |\n| VIEW | workspace | |\n"),
        Diagnostic.MATRIX_DUPLICATE_PERMISSION,
        5,
        "permission VIEW is already defined on line 3; give each permission one row");
  }

  @Test
  void duplicateRoleAtOneLevel_reported_butTheSameNameAtTheOtherLevelIsFine() {
    String text =
        PERMISSIONS
            + "| VIEW | workspace | |\n"
            + ROLES
            + "| R | workspace | | VIEW | |\n"
            + "| R | account | | | |\n"
            + "| R | workspace | | | |\n";
    assertProblem(
        only(text),
        Diagnostic.MATRIX_DUPLICATE_ROLE,
        9,
        "workspace role R is already defined on line 7; give each role one row");
    String accounts =
        PERMISSIONS
            + "| VIEW | workspace | |\n"
            + ROLES
            + "| A | account | | | |\n| A | account | | | |\n";
    assertProblem(
        only(accounts),
        Diagnostic.MATRIX_DUPLICATE_ROLE,
        8,
        "account role A is already defined on line 7; give each role one row");
  }

  @Test
  void twoDefaultAccountRoles_reportedOnTheSecond_oneIsFine() {
    String text =
        PERMISSIONS
            + "| VIEW | workspace | |\n"
            + ROLES
            + "| MEMBER | account (default) | | | |\n"
            + "| GUEST | account (default) | | | |\n";
    assertProblem(
        only(text),
        Diagnostic.MATRIX_DUPLICATE_DEFAULT,
        8,
        "account role GUEST is marked (default),"
            + " but MEMBER on line 7 already is; mark one account role as the default");
    String three = text + "| OTHER | account (default) | | | |\n";
    List<MatrixProblem> problems = problems(three);
    assertEquals(2, problems.size(), problems.toString());
    assertTrue(
        problems
            .get(1)
            .message()
            .startsWith("account role OTHER is marked (default), but GUEST on line 8"),
        problems.toString());
  }

  @Test
  void unknownInclude_namesClosestAndDoesNotCrashTheCycleCheck() {
    String text =
        PERMISSIONS + "| VIEW_THINGS | workspace | VIEW_THING |\n| EDIT | workspace | EDIT |\n";
    // EDIT includes itself (a cycle) while another row names an unknown permission: the unknown
    // name is reported, and the cycle check (which needs every name resolved) does not run.
    assertProblem(
        only(text),
        Diagnostic.MATRIX_UNKNOWN_INCLUDE,
        3,
        "permission VIEW_THINGS includes"
            + " VIEW_THING, which the matrix does not define. Did you mean VIEW_THINGS? Otherwise define"
            + " it in its table");
  }

  @Test
  void unknownNames_withoutACloseName_sayToDefineIt() {
    String text =
        PERMISSIONS
            + "| VIEW | workspace | |\n"
            + ROLES
            + "| R | workspace | | SOMETHING_ELSE | |\n";
    assertProblem(
        only(text),
        Diagnostic.MATRIX_UNKNOWN_GRANT_NO_CLOSE_NAME,
        7,
        "role R grants SOMETHING_ELSE, which"
            + " the matrix does not define. Define it in its table, or name one that is defined");
  }

  @Test
  void unknownGrantInheritsAndEverywhere_eachReported() {
    String text =
        PERMISSIONS
            + "| VIEW | workspace | |\n"
            + ROLES
            + "| VIEWER | workspace | | VEIW | |\n"
            + "| EDITOR | workspace | VIEWR | | |\n"
            + "| ADMIN | account | | | OWNR |\n";
    assertEquals(
        List.of(
            new Shown(
                Diagnostic.MATRIX_UNKNOWN_GRANT,
                7,
                "role VIEWER grants VEIW, which"
                    + " the matrix does not define. Did you mean VIEW? Otherwise define it in its table"),
            new Shown(
                Diagnostic.MATRIX_UNKNOWN_INHERITED,
                8,
                "role EDITOR inherits VIEWR, which"
                    + " the matrix does not define. Did you mean VIEWER? Otherwise define it in its table"),
            new Shown(
                Diagnostic.MATRIX_UNKNOWN_EVERYWHERE_NO_CLOSE_NAME,
                9,
                "account role ADMIN holds workspace"
                    + " role OWNR everywhere, which the matrix does not define. Define it in its table, or name"
                    + " one that is defined")),
        Shown.all(problems(text)));
  }

  @Test
  void referenceToARowThatDidNotParse_isNotReportedTwice() {
    String text =
        PERMISSIONS
            + "| VIEW | workspace | |\n| EDIT | nowhere | |\n"
            + ROLES
            + "| R | workspace | | EDIT | |\n";
    MatrixProblem problem = only(text);
    assertEquals(Diagnostic.MATRIX_PERMISSION_LEVEL, problem.diagnostic());
    assertEquals(4, problem.line());
  }

  @Test
  void levelMismatches_eachKind() {
    String text =
        PERMISSIONS
            + "| VIEW | workspace | BILL |\n"
            + "| BILL | account | |\n"
            + ROLES
            + "| VIEWER | workspace | | BILL | |\n"
            + "| MEMBER | account | | VIEW | |\n"
            + "| EDITOR | workspace | MEMBER | | |\n"
            + "| ADMIN | account | VIEWER | | |\n"
            + "| OWNER | workspace | | | VIEWER |\n";
    List<MatrixProblem> problems = problems(text);
    problems.forEach(p -> assertEquals("MatrixLevelMismatch", p.diagnostic().id(), p.toString()));
    assertEquals(
        List.of(
            new Shown(
                Diagnostic.MATRIX_INCLUDE_LEVEL,
                3,
                "workspace permission VIEW"
                    + " includes account permission BILL; a permission can only include permissions of its own level"),
            new Shown(
                Diagnostic.MATRIX_WORKSPACE_ROLE_GRANTS_ACCOUNT_PERMISSION,
                8,
                "workspace role VIEWER grants"
                    + " account permission BILL; grant it to an account role instead"),
            new Shown(
                Diagnostic.MATRIX_ACCOUNT_ROLE_GRANTS_WORKSPACE_PERMISSION,
                9,
                "account role MEMBER grants"
                    + " workspace permission VIEW; grant it to a workspace role instead"),
            new Shown(
                Diagnostic.MATRIX_WORKSPACE_ROLE_INHERITS_ACCOUNT_ROLE,
                10,
                "workspace role EDITOR inherits"
                    + " MEMBER, which is only an account role; a role inherits from a role of its own level"),
            new Shown(
                Diagnostic.MATRIX_ACCOUNT_ROLE_INHERITS_WORKSPACE_ROLE,
                11,
                "account role ADMIN inherits"
                    + " VIEWER, which is only a workspace role; a role inherits from a role of its own level"),
            new Shown(
                Diagnostic.MATRIX_EVERYWHERE_ON_WORKSPACE_ROLE,
                12,
                "workspace role OWNER names a"
                    + " workspace role everywhere (VIEWER); only account roles hold a workspace role everywhere")),
        Shown.all(problems));
  }

  @Test
  void everywhereRoleMustBeAWorkspaceRole() {
    String text =
        PERMISSIONS
            + "| VIEW | workspace | |\n"
            + ROLES
            + "| MEMBER | account | | | |\n"
            + "| ADMIN | account | | | MEMBER |\n";
    assertProblem(
        only(text),
        Diagnostic.MATRIX_UNKNOWN_EVERYWHERE_NO_CLOSE_NAME,
        8,
        "account role ADMIN holds workspace role"
            + " MEMBER everywhere, which the matrix does not define. Define it in its table, or name one"
            + " that is defined");
  }

  @Test
  void cycleOfLengthOne_inIncludes() {
    assertProblem(
        only(PERMISSIONS + "| VIEW | workspace | |\n| EDIT | workspace | EDIT |\n"),
        Diagnostic.MATRIX_CYCLE,
        4,
        "cycle: EDIT (line 4) includes EDIT; remove one of these includes so the relation has no loop");
  }

  @Test
  void cycleThroughSeveralRows_printsTheWholePathOnce() {
    String text =
        PERMISSIONS
            + "| A | workspace | B |\n"
            + "| B | workspace | C |\n"
            + "| C | workspace | A |\n"
            + "| D | workspace | A |\n";
    assertProblem(
        only(text),
        Diagnostic.MATRIX_CYCLE,
        3,
        "cycle: A (line 3) includes B (line 4) includes"
            + " C (line 5) includes A; remove one of these includes so the relation has no loop");
  }

  @Test
  void cycleReachedFromOutside_pathStartsAtTheLoop() {
    String text =
        PERMISSIONS
            + "| D | workspace | A |\n"
            + "| A | workspace | B |\n"
            + "| B | workspace | A |\n";
    assertProblem(
        only(text),
        Diagnostic.MATRIX_CYCLE,
        4,
        "cycle: A (line 4) includes B (line 5)"
            + " includes A; remove one of these includes so the relation has no loop");
  }

  @Test
  void cycleInInherits_perLevel() {
    String text =
        PERMISSIONS
            + "| VIEW | workspace | |\n"
            + ROLES
            + "| X | workspace | Y | | |\n"
            + "| Y | workspace | X | | |\n"
            + "| X | account | X | | |\n";
    assertEquals(
        List.of(
            new Shown(
                Diagnostic.MATRIX_CYCLE,
                7,
                "cycle: X (line 7) inherits Y (line 8)"
                    + " inherits X; remove one of these inherits so the relation has no loop"),
            new Shown(
                Diagnostic.MATRIX_CYCLE,
                9,
                "cycle: X (line 9) inherits X; remove"
                    + " one of these inherits so the relation has no loop")),
        Shown.all(problems(text)));
  }

  @Test
  void cycleOfLength50_reportedInBoundedTime() {
    StringBuilder text = new StringBuilder(PERMISSIONS);
    for (int i = 0; i < 50; i++) {
      text.append("| P").append(i).append(" | workspace | P").append((i + 1) % 50).append(" |\n");
    }
    MatrixProblem problem =
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> only(text.toString()));
    assertEquals(Diagnostic.MATRIX_CYCLE, problem.diagnostic());
    assertEquals(3, problem.line());
    assertTrue(
        problem.message().startsWith("cycle: P0 (line 3) includes P1 (line 4) includes P2"),
        problem.message());
    assertTrue(
        problem.message().contains("P49 (line 52) includes P0; remove one"), problem.message());
  }

  @Test
  void sharedDescendants_areNoCycle() {
    String text =
        PERMISSIONS
            + "| A | workspace | B, C |\n"
            + "| B | workspace | D |\n"
            + "| C | workspace | D |\n"
            + "| D | workspace | |\n"
            + ROLES
            + "| R1 | workspace | | A | |\n"
            + "| R2 | workspace | R1 | | |\n"
            + "| R3 | workspace | R1 | | |\n";
    MatrixCompiler.Result result = MatrixCompiler.compile("m.md", text);
    assertEquals(List.of(), result.problems());
  }

  @Test
  void problemsFromParserAndCompiler_sortedByLine() {
    String text =
        PERMISSIONS
            + "| VIEW | workspace | |\n"
            + "| VIEW | workspace | |\n"
            + "| bad | workspace | |\n"
            + ROLES
            + "| R | workspace | | NOPE_NOPE_NOPE | |\n";
    List<MatrixProblem> problems = problems(text);
    assertEquals(
        List.of(4, 5, 9), problems.stream().map(MatrixProblem::line).toList(), problems.toString());
    assertEquals(
        List.of(
            Diagnostic.MATRIX_DUPLICATE_PERMISSION,
            Diagnostic.MATRIX_NAME_INVALID,
            Diagnostic.MATRIX_UNKNOWN_GRANT_NO_CLOSE_NAME),
        problems.stream().map(MatrixProblem::diagnostic).toList());
  }

  /** P0 includes P1, ... P(length-1) includes P0, rows from line 3. */
  private static String loop(int length) {
    StringBuilder text = new StringBuilder(PERMISSIONS);
    for (int i = 0; i < length; i++) {
      text.append("| P")
          .append(i)
          .append(" | workspace | P")
          .append((i + 1) % length)
          .append(" |\n");
    }
    return text.toString();
  }

  private static String steps(int from, int to) {
    StringBuilder text = new StringBuilder();
    for (int i = from; i < to; i++) {
      text.append("P").append(i).append(" (line ").append(i + 3).append(") includes ");
    }
    return text.toString();
  }

  @Test
  void cycleOf100_showsEveryStep() {
    assertProblem(
        only(loop(100)),
        Diagnostic.MATRIX_CYCLE,
        3,
        "cycle: " + steps(0, 100) + "P0; remove one of these includes so the relation has no loop");
  }

  @Test
  void cycleOf101_showsFiftyStepsAtEachEnd() {
    assertProblem(
        only(loop(101)),
        Diagnostic.MATRIX_CYCLE,
        3,
        "cycle: "
            + steps(0, 50)
            + "... (1 more) ... "
            + steps(51, 101)
            + "P0; remove one of these includes so the relation has no loop");
    assertProblem(
        only(loop(250)),
        Diagnostic.MATRIX_CYCLE,
        3,
        "cycle: "
            + steps(0, 50)
            + "... (150 more) ... "
            + steps(200, 250)
            + "P0; remove one of these includes so the relation has no loop");
  }

  @Test
  void compileFromBytes_decodesThenCompiles() {
    MatrixCompiler.Result result =
        MatrixCompiler.compile(
            "m.md",
            (PERMISSIONS + "| VIEW | workspace | |\n| VIEW | workspace | |\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(
        List.of(
            new Shown(
                Diagnostic.MATRIX_DUPLICATE_PERMISSION,
                4,
                "permission VIEW is already defined on line 3; give each permission one row")),
        Shown.all(result.problems()));
    assertTrue(result.matrix().isEmpty());
  }

  @Test
  void selfIncludeReachedFromAnEarlierRow_isReportedOnce() {
    assertProblem(
        only(PERMISSIONS + "| D | workspace | A |\n| A | workspace | A |\n"),
        Diagnostic.MATRIX_CYCLE,
        4,
        "cycle: A (line 4) includes A; remove one of these includes so the relation has no loop");
  }
}
