package dev.rolegate.processor.internal.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.rolegate.processor.internal.diagnostic.Diagnostic;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Reading matrix Markdown: tables, cells, names, levels and every syntax problem with its line. */
class MatrixParserTest {
  private static MatrixParser.Result parse(String text) {
    return MatrixParser.parse("m.md", text);
  }

  private static MatrixProblem onlyProblem(String text) {
    List<MatrixProblem> problems = parse(text).problems();
    assertEquals(1, problems.size(), problems.toString());
    assertEquals("MatrixSyntax", problems.get(0).diagnostic().id());
    return problems.get(0);
  }

  @Test
  void fullRows_columnsAfterTheFirstInAnyOrder() {
    MatrixParser.Result result =
        parse(
            """
        Intro prose | with a bar that is not a table.
        # The Title \s
        ## Later heading
        # Not the title

        | Permission | Description | Includes | Prefect scope | Level |
        |:--|:-:|--:|---|---|
        | VIEW | Views. | | `see_x` | workspace |
        | EDIT | Edits. | `VIEW` | | Workspace |

        | Role | Description | Workspace role everywhere | Grants | Inherits | Level |
        | --- | --- | --- | --- | --- | --- |
        | ADMIN | Admin. | OWNER | (none) | MEMBER | Account (Default) |
        """);
    assertEquals(List.of(), result.problems());
    MatrixDocument document = result.document();
    assertEquals("The Title", document.title());
    assertEquals("m.md", document.sourceName());
    assertEquals(
        List.of(
            new PermissionRow(8, "VIEW", Level.WORKSPACE, "see_x", List.of(), "Views."),
            new PermissionRow(9, "EDIT", Level.WORKSPACE, "", List.of("VIEW"), "Edits.")),
        document.permissions());
    assertEquals(
        List.of(
            new RoleRow(13, "ADMIN", Level.ACCOUNT, true, "MEMBER", List.of(), "OWNER", "Admin.")),
        document.roles());
  }

  @Test
  void roleRow_everyField() {
    MatrixParser.Result result =
        parse(
            """
        | Permission | Level | Includes |
        |---|---|---|
        | VIEW | workspace | |

        | Role | Level | Inherits | Grants | Workspace role everywhere | Description |
        |---|---|---|---|---|---|
        | MEMBER | account (default) | | | | Member. |
        | ADMIN | account | MEMBER | | OWNER | Admin. |
        | VIEWER | workspace | — | VIEW, VIEW | – | Viewer. |
        """);
    assertEquals(List.of(), result.problems());
    List<RoleRow> roles = result.document().roles();
    assertEquals(
        new RoleRow(7, "MEMBER", Level.ACCOUNT, true, "", List.of(), "", "Member."), roles.get(0));
    assertEquals(
        new RoleRow(8, "ADMIN", Level.ACCOUNT, false, "MEMBER", List.of(), "OWNER", "Admin."),
        roles.get(1));
    assertEquals(
        new RoleRow(
            9, "VIEWER", Level.WORKSPACE, false, "", List.of("VIEW", "VIEW"), "", "Viewer."),
        roles.get(2));
  }

  @Test
  void optionalColumnsAbsent_giveEmptyCells() {
    MatrixParser.Result result =
        parse(
            """
        | permission | LEVEL | includes |
        |---|---|---|
        | VIEW | account | |

        | role | level | inherits | grants |
        |---|---|---|---|
        | R | account | | VIEW |
        """);
    assertEquals(List.of(), result.problems());
    assertEquals(
        new PermissionRow(3, "VIEW", Level.ACCOUNT, "", List.of(), ""),
        result.document().permissions().get(0));
    assertEquals(
        new RoleRow(7, "R", Level.ACCOUNT, false, "", List.of("VIEW"), "", ""),
        result.document().roles().get(0));
    assertEquals("m.md", result.document().title());
  }

  @Test
  void crLfAndCrLineEndings_countLinesTheSame() {
    String unix =
        "# T\n\n| Permission | Level | Includes |\n|---|---|---|\n| VIEW | workspace | |\n| bad | workspace | |\n";
    for (String text : List.of(unix, unix.replace("\n", "\r\n"), unix.replace("\n", "\r"))) {
      MatrixParser.Result result = parse(text);
      assertEquals(5, result.document().permissions().get(0).line());
      assertEquals(6, result.problems().get(0).line());
    }
  }

  @Test
  void tableOnTheLastLineWithoutANewline_isRead() {
    MatrixParser.Result result =
        parse("| Permission | Level | Includes |\n|---|---|---|\n| VIEW | workspace | |");
    assertEquals(List.of(), result.problems());
    assertEquals(
        List.of("VIEW"),
        result.document().permissions().stream().map(PermissionRow::name).toList());
    MatrixParser.Result headerOnly = parse("# T\n| Permission | Level | Includes |");
    assertEquals(1, headerOnly.problems().size());
    assertEquals(2, headerOnly.problems().get(0).line(), "on the header, not past the file's end");
    assertEquals(
        "a table header must be followed by a separator row such as |---|---|",
        headerOnly.problems().get(0).message());
  }

  @Test
  void otherTables_areProse() {
    MatrixParser.Result result =
        parse(
            """
        | Name | Level |
        |---|---|
        | bad name | nowhere |

        | Permission | Level | Includes |
        |---|---|---|
        | VIEW | workspace | |
        """);
    assertEquals(List.of(), result.problems());
    assertEquals(1, result.document().permissions().size());
    assertEquals(7, result.document().permissions().get(0).line());
  }

  @Test
  void noPermissionTable_isAProblemOnLine1() {
    MatrixProblem problem = onlyProblem("# Nothing here\n\nJust prose.\n");
    assertEquals(1, problem.line());
    assertEquals(
        "the file has no Permission table. Add a Markdown table whose header starts with"
            + " | Permission | Level | Includes |",
        problem.message());
    assertEquals(1, onlyProblem("").line());
  }

  @Test
  void headerWithoutSeparator_rejectsItsRows() {
    MatrixParser.Result result =
        parse(
            """
        | Permission | Level | Includes |
        | VIEW | workspace | |
        | EDIT | workspace | |
        """);
    assertEquals(1, result.problems().size(), result.problems().toString());
    assertEquals(2, result.problems().get(0).line());
    assertEquals(
        "a table header must be followed by a separator row such as |---|---|",
        result.problems().get(0).message());
    assertEquals(Set.of("VIEW", "EDIT"), result.rejected());
    assertEquals(List.of(), result.document().permissions());
    // A header alone at the end of the file: the separator is missing too.
    MatrixParser.Result alone = parse("| Permission | Level | Includes |\n");
    assertEquals(1, alone.problems().size());
    assertEquals(2, alone.problems().get(0).line());
  }

  @Test
  void missingRequiredColumn_namesTheExpectedHeader() {
    MatrixParser.Result result =
        parse(
            """
        | Permission | Level | Scope |
        |---|---|---|
        | VIEW | workspace | x |
        """);
    assertEquals(1, result.problems().size());
    assertEquals(1, result.problems().get(0).line());
    assertEquals(
        "this table lacks the Includes column; its header must include | Permission |"
            + " Level | Includes | (found: Permission, Level, Scope)",
        result.problems().get(0).message());
    assertEquals(Set.of("VIEW"), result.rejected());

    for (String header :
        List.of(
            "| Role | Level | Grants |",
            "| Role | Inherits | Grants |",
            "| Role | Level | Inherits |")) {
      MatrixParser.Result roles =
          parse(
              "| Permission | Level | Includes |\n|---|---|---|\n| VIEW | workspace | |\n\n"
                  + header
                  + "\n|---|---|---|\n| r | x | y |\n");
      assertEquals(1, roles.problems().size(), header);
      assertEquals(5, roles.problems().get(0).line(), header);
      assertTrue(
          roles.problems().get(0).message().contains("| Role | Level | Inherits | Grants |"),
          header);
      assertEquals(Set.of("R"), roles.rejected(), header);
    }
    MatrixParser.Result noLevel = parse("| Permission | Includes |\n|---|---|\n| VIEW | |\n");
    assertEquals(1, noLevel.problems().size());
  }

  @Test
  void wrongCellCount_isReportedAndTheRowRejected() {
    MatrixParser.Result result =
        parse(
            """
        | Permission | Level | Includes |
        |---|---|---|
        | VIEW | workspace |
        | EDIT | workspace | | extra |
        | GOOD | workspace | |
        """);
    assertEquals(2, result.problems().size());
    assertEquals(3, result.problems().get(0).line());
    assertEquals(
        "this row has 2 cells but the table header has 3; check for a missing or extra |,"
            + " and write a | inside a cell as \\|",
        result.problems().get(0).message());
    assertEquals(4, result.problems().get(1).line());
    assertEquals(Set.of("VIEW", "EDIT"), result.rejected());
    assertEquals(
        List.of("GOOD"),
        result.document().permissions().stream().map(PermissionRow::name).toList());
  }

  private static final String PERMISSION_HEADER =
      "| Permission | Level | Includes |\n|---|---|---|\n";

  static Stream<Arguments> badPermissionRows() {
    return Stream.of(
        arguments(
            "| view_x | workspace | |",
            Diagnostic.MATRIX_NAME_INVALID,
            "permission name \"view_x\" is not UPPER_SNAKE_CASE; names look like DELETE_DEPLOYMENTS"),
        arguments(
            "| | workspace | |",
            Diagnostic.MATRIX_NAME_EMPTY,
            "the permission name is empty; names look like DELETE_DEPLOYMENTS"),
        arguments(
            "| 1X | workspace | |",
            Diagnostic.MATRIX_NAME_INVALID,
            "permission name \"1X\" is not UPPER_SNAKE_CASE; names look like DELETE_DEPLOYMENTS"),
        arguments(
            "| VIEW | global | |",
            Diagnostic.MATRIX_PERMISSION_LEVEL,
            "level \"global\" is neither workspace nor account"),
        arguments(
            "| VIEW | account (default) | |",
            Diagnostic.MATRIX_PERMISSION_LEVEL,
            "level \"account (default)\" is neither workspace nor account"),
        arguments(
            "| VIEW | workspace | A, a |",
            Diagnostic.MATRIX_NAME_LIST_INVALID,
            "the includes cell must list UPPER_SNAKE_CASE names separated by commas, but has \"a\""),
        arguments(
            "| VIEW | workspace | A,, B |",
            Diagnostic.MATRIX_NAME_LIST_INVALID,
            "the includes cell must list UPPER_SNAKE_CASE names separated by commas, but has \"\""));
  }

  @ParameterizedTest
  @MethodSource("badPermissionRows")
  void badNameOrLevel_isOneProblemOnItsRow(String row, Diagnostic cause, String message) {
    assertEquals(
        List.of(new Shown(cause, 3, message)),
        Shown.all(parse(PERMISSION_HEADER + row + "\n").problems()));
  }

  @Test
  void upperSnakeNameAndSpacedLevel_parse() {
    MatrixParser.Result ok = parse(PERMISSION_HEADER + "| A_1_B | Work Space | |\n");
    assertEquals(List.of(), ok.problems());
    assertEquals(Level.WORKSPACE, ok.document().permissions().get(0).level());
  }

  @Test
  void badRoleRows_eachRejected() {
    String text =
        """
        | Permission | Level | Includes |
        |---|---|---|
        | VIEW | workspace | |

        | Role | Level | Inherits | Grants | Everywhere |
        |---|---|---|---|---|
        | r | workspace | | | |
        | R1 | galaxy | | | |
        | R2 | workspace | | view | |
        | R3 | workspace | base | | |
        | R4 | account | | | owner |
        | R5 | workspace (default) | | | |
        | R6 | account | | VIEW | |
        """;
    MatrixParser.Result result = parse(text);
    assertEquals(
        List.of(
            new Shown(
                Diagnostic.MATRIX_NAME_INVALID,
                7,
                "role name \"r\" is not UPPER_SNAKE_CASE; names look like DELETE_DEPLOYMENTS"),
            new Shown(
                Diagnostic.MATRIX_ROLE_LEVEL,
                8,
                "level \"galaxy\" is neither workspace nor account (an account role may be marked"
                    + " \"account (default)\")"),
            new Shown(
                Diagnostic.MATRIX_NAME_LIST_INVALID,
                9,
                "the grants cell must list UPPER_SNAKE_CASE names separated by commas, but has"
                    + " \"view\""),
            new Shown(
                Diagnostic.MATRIX_NAME_INVALID,
                10,
                "inherited role name \"base\" is not UPPER_SNAKE_CASE; names look like"
                    + " DELETE_DEPLOYMENTS"),
            new Shown(
                Diagnostic.MATRIX_NAME_INVALID,
                11,
                "workspace role name \"owner\" is not UPPER_SNAKE_CASE; names look like"
                    + " DELETE_DEPLOYMENTS"),
            new Shown(
                Diagnostic.MATRIX_DEFAULT_NOT_ACCOUNT,
                12,
                "only an account role can be the default; write \"workspace\" in the Level cell of"
                    + " R5")),
        Shown.all(result.problems()));
    assertEquals(Set.of("R", "R1", "R2", "R3", "R4", "R5"), result.rejected());
    assertEquals(List.of("R6"), result.document().roles().stream().map(RoleRow::name).toList());
  }

  @Test
  void severalProblemsInOneRole_allReported() {
    MatrixParser.Result result =
        parse(
            """
        | Permission | Level | Includes |
        |---|---|---|
        | VIEW | workspace | |

        | Role | Level | Inherits | Grants |
        |---|---|---|---|
        | r | galaxy | x | y |
        """);
    assertEquals(4, result.problems().size(), result.problems().toString());
    result.problems().forEach(p -> assertEquals(7, p.line()));
  }

  @Test
  void cells_escapesBackticksAndEmptyMarkers() {
    assertEquals(List.of("a", "b|c", "d"), MatrixParser.cells("| a | b\\|c | d |"));
    assertEquals(List.of("a", "b"), MatrixParser.cells("a | b"));
    assertEquals(List.of("a", "b|"), MatrixParser.cells("| a | b\\|"));
    assertEquals(List.of("a\\", "b"), MatrixParser.cells("| a\\ | b |"));
    assertEquals(List.of("a", "b\\"), MatrixParser.cells("| a | b\\"));
    assertEquals(List.of(""), MatrixParser.cells("|"));
    assertEquals(List.of("", ""), MatrixParser.cells("|||"));
    assertEquals("x", MatrixParser.clean(" ``x`` "));
    assertEquals("x y", MatrixParser.clean("` x y `"));
    assertEquals("`", MatrixParser.clean("`"));
    assertEquals("`x", MatrixParser.clean("`x"));
    assertEquals("x`", MatrixParser.clean("x`"));
    assertEquals("", MatrixParser.clean("``"));
    assertEquals("", MatrixParser.clean(" - "));
    assertEquals("", MatrixParser.clean("\u2014"));
    assertEquals("", MatrixParser.clean("\u2013"));
    assertEquals("", MatrixParser.clean("(None)"));
    assertEquals("--", MatrixParser.clean("--"));
    assertEquals("", MatrixParser.clean("`-`"));
  }

  @Test
  void utf8Length_isTheClassFileEncoding() {
    assertEquals(0, MatrixParser.utf8Length(""));
    assertEquals(1, MatrixParser.utf8Length("a"));
    assertEquals(1, MatrixParser.utf8Length("\u007f"));
    assertEquals(2, MatrixParser.utf8Length("\0"));
    assertEquals(2, MatrixParser.utf8Length("\u0080"));
    assertEquals(2, MatrixParser.utf8Length("\u07ff"));
    assertEquals(3, MatrixParser.utf8Length("\u0800"));
    assertEquals(6, MatrixParser.utf8Length("\uD83D\uDE00"));
    assertEquals(7, MatrixParser.utf8Length("a\u00e9\u20ac\u0000".substring(0, 3) + "x"));
  }

  @Test
  void cellAtTheConstantLimit_isAccepted_oneByteMoreIsNot() {
    String header = "| Permission | Level | Includes | Description |\n|---|---|---|---|\n";
    String fits = "d".repeat(MatrixParser.MAX_CELL_BYTES);
    MatrixParser.Result ok = parse(header + "| VIEW | workspace | | " + fits + " |\n");
    assertEquals(List.of(), ok.problems());
    assertEquals(fits, ok.document().permissions().get(0).description());

    MatrixParser.Result tooLong =
        parse(header + "| VIEW | workspace | | " + fits + "\u00e9 |\n| EDIT | workspace | | |\n");
    assertEquals(1, tooLong.problems().size(), tooLong.problems().toString());
    assertEquals(3, tooLong.problems().get(0).line());
    assertEquals(
        "a cell of this row is 65537 bytes long in UTF-8; generated code holds each cell in a"
            + " string constant of at most 65,535 bytes: shorten it",
        tooLong.problems().get(0).message());
    assertEquals(Set.of("VIEW"), tooLong.rejected());
    assertEquals(
        List.of("EDIT"),
        tooLong.document().permissions().stream().map(PermissionRow::name).toList());
  }

  @Test
  void titleAtTheConstantLimit_isAccepted_longerIsNot() {
    String table = "\n| Permission | Level | Includes |\n|---|---|---|\n| VIEW | workspace | |\n";
    String fits = "t".repeat(MatrixParser.MAX_CELL_BYTES);
    MatrixParser.Result ok = parse("# " + fits + table);
    assertEquals(List.of(), ok.problems());
    assertEquals(fits, ok.document().title());
    MatrixProblem problem = onlyProblem("# " + fits + "t" + table);
    assertEquals(1, problem.line());
    assertEquals(
        "the title (the first # heading) is 65536 bytes long in UTF-8; generated code holds it"
            + " in a string constant of at most 65,535 bytes: shorten it",
        problem.message());
  }

  @Test
  void rejectedNames_areUpperCased() {
    MatrixParser.Result result =
        parse(
            """
        | Permission | Level | Includes |
        |---|---|---|
        | view_x | workspace | |
        """);
    assertTrue(result.rejected().contains("VIEW_X"), result.rejected().toString());
    assertFalse(result.rejected().contains("view_x"));
  }

  private static final String REPEATS =
      " inside a table; remove it, or leave a blank line before a new table";

  @Test
  void repeatedHeaderWithItsSeparator_isOneProblem_andTheTableGoesOn() {
    MatrixParser.Result result =
        parse(
            """
        | Permission | Level | Includes |
        |---|---|---|
        | VIEW | workspace | |
        | Permission | Level | Includes |
        |---|---|---|
        | EDIT | workspace | VIEW |
        """);
    assertEquals(
        List.of(
            new Shown(
                Diagnostic.MATRIX_HEADER_REPEATED,
                4,
                "this row repeats a table header (Permission)" + REPEATS)),
        Shown.all(result.problems()));
    assertEquals(
        List.of(
            new PermissionRow(3, "VIEW", Level.WORKSPACE, "", List.of(), ""),
            new PermissionRow(6, "EDIT", Level.WORKSPACE, "", List.of("VIEW"), "")),
        result.document().permissions());
    assertEquals(Set.of(), result.rejected());
  }

  @Test
  void repeatedHeaderWithoutSeparator_theNextRowIsStillRead() {
    MatrixParser.Result result =
        parse(
            """
        | Permission | Level | Includes |
        |---|---|---|
        | `permission` | level | includes |
        | EDIT | workspace | |
        | ROLE | workspace | |
        """);
    assertEquals(
        List.of(
            new Shown(
                Diagnostic.MATRIX_HEADER_REPEATED,
                3,
                "this row repeats a table header (permission)" + REPEATS)),
        Shown.all(result.problems()));
    assertEquals(
        List.of("EDIT", "ROLE"),
        result.document().permissions().stream().map(PermissionRow::name).toList());
    assertEquals(
        List.of(4, 5), result.document().permissions().stream().map(PermissionRow::line).toList());
  }

  @Test
  void roleHeaderGluedToThePermissionTable_onTheFilesLastLine() {
    MatrixParser.Result result =
        parse(
            "| Permission | Level | Includes |\n|---|---|---|\n| VIEW | workspace | |\n| Role | Level | Inherits | Grants |");
    assertEquals(
        List.of(
            new Shown(
                Diagnostic.MATRIX_HEADER_REPEATED,
                4,
                "this row repeats a table header (Role)" + REPEATS)),
        Shown.all(result.problems()));
    assertEquals(
        List.of("VIEW"),
        result.document().permissions().stream().map(PermissionRow::name).toList());
    assertEquals(List.of(), result.document().roles());
  }

  @Test
  void headerWordsAsUpperCaseNames_areRowsNotHeaders() {
    MatrixParser.Result result =
        parse(
            """
        | Permission | Level | Includes |
        |---|---|---|
        | PERMISSION | workspace | |
        | ROLE | workspace | PERMISSION |

        | Role | Level | Inherits | Grants |
        |---|---|---|---|
        | ROLE | workspace | | PERMISSION |
        | PERMISSION | workspace | ROLE | |
        """);
    assertEquals(List.of(), result.problems());
    assertEquals(
        List.of("PERMISSION", "ROLE"),
        result.document().permissions().stream().map(PermissionRow::name).toList());
    assertEquals(
        List.of("ROLE", "PERMISSION"),
        result.document().roles().stream().map(RoleRow::name).toList());
  }

  @Test
  void permissionColumnNotFirst_isReportedOnTheHeader_andItsNamesRejected() {
    MatrixParser.Result result =
        parse(
            """
        # T
        | Level | Permission | Includes |
        |---|---|---|
        | workspace | VIEW | |
        | workspace | EDIT |
        | workspace |
        """);
    assertEquals(
        List.of(
            new Shown(
                Diagnostic.MATRIX_NAME_COLUMN_NOT_FIRST,
                2,
                "this table has Permission and"
                    + " Level columns, but Permission is not its first column, so it would be read as prose and"
                    + " its rows ignored; move the Permission column first")),
        Shown.all(result.problems()));
    assertEquals(List.of(), result.document().permissions());
    assertTrue(result.rejected().containsAll(Set.of("VIEW", "EDIT")), result.rejected().toString());
    assertFalse(result.rejected().contains("WORKSPACE"), result.rejected().toString());
  }

  @Test
  void permissionColumnNotFirst_onTheFilesLastLines_rejectsOnlyItsOwnRows() {
    String table = "| Level | Permission | Includes |\n|---|---|---|\n| workspace | VIEW | |";
    MatrixParser.Result atEnd = parse(table);
    assertEquals(1, atEnd.problems().size(), atEnd.problems().toString());
    assertTrue(atEnd.rejected().contains("VIEW"), atEnd.rejected().toString());
    // The prose line after the table is not one of its rows, though it has pipes.
    MatrixParser.Result beforeProse = parse(table + "\nprose | NOT_A_ROW | more\n");
    assertEquals(atEnd.problems(), beforeProse.problems());
    assertEquals(atEnd.rejected(), beforeProse.rejected());
    assertFalse(beforeProse.rejected().contains("NOT_A_ROW"), beforeProse.rejected().toString());
  }

  @Test
  void roleColumnNotFirst_isReported_andReferencesToItsRolesAreNotReportedAgain() {
    String text =
        """
        | Permission | Level | Includes |
        |---|---|---|
        | VIEW | workspace | |

        | Grants | Level | Inherits | ROLE |
        |---|---|---|---|
        | VIEW | workspace | | MEMBER |

        | Role | Level | Inherits | Grants |
        |---|---|---|---|
        | ADMIN | workspace | MEMBER | |
        """;
    MatrixParser.Result result = parse(text);
    assertEquals(
        List.of(
            new Shown(
                Diagnostic.MATRIX_NAME_COLUMN_NOT_FIRST,
                5,
                "this table has Role and Level"
                    + " columns, but Role is not its first column, so it would be read as prose and its rows"
                    + " ignored; move the Role column first")),
        Shown.all(result.problems()));
    assertTrue(result.rejected().contains("MEMBER"), result.rejected().toString());
    assertFalse(result.rejected().contains("VIEW"), result.rejected().toString());
    assertEquals(result.problems(), MatrixCompiler.compile("m.md", text).problems());
  }

  @Test
  void bothNameColumnsMisplaced_thePermissionColumnIsReported() {
    MatrixParser.Result result =
        parse(
            """
        | Level | Role | Permission |
        |---|---|---|
        | workspace | R | P |
        """);
    assertEquals(1, result.problems().size(), result.problems().toString());
    assertEquals(1, result.problems().get(0).line());
    assertTrue(
        result
            .problems()
            .get(0)
            .message()
            .startsWith(
                "this table has Permission and Level"
                    + " columns, but Permission is not its first column"),
        result.problems().toString());
    assertTrue(result.rejected().contains("P"), result.rejected().toString());
    assertFalse(result.rejected().contains("R"), result.rejected().toString());
  }

  @Test
  void tablesWithoutLevelOrWithoutANameColumn_areProseAndRejectNothing() {
    MatrixParser.Result result =
        parse(
            """
        | Name | Permission |
        |---|---|
        | X | FOO |

        | Level | Name |
        |---|---|
        | workspace | BAR |

        | Permission | Level | Includes |
        |---|---|---|
        | VIEW | workspace | |
        """);
    assertEquals(List.of(), result.problems());
    assertEquals(Set.of(), result.rejected());
    assertEquals(
        List.of("VIEW"),
        result.document().permissions().stream().map(PermissionRow::name).toList());
  }

  private static MatrixProblem headerProblem(String header, String separator) {
    MatrixParser.Result result =
        parse(header + "\n" + separator + "\n| VIEW | workspace | | | | |\n");
    assertEquals(1, result.problems().size(), result.problems().toString());
    assertEquals(Set.of("VIEW"), result.rejected());
    assertEquals(List.of(), result.document().permissions());
    return result.problems().get(0);
  }

  @Test
  void aColumnTwice_isReportedWithItsColumns_andTheRowsRejected() {
    String sep = "|---|---|---|---|---|";
    assertEquals(
        new Shown(
            Diagnostic.MATRIX_COLUMN_TWICE,
            1,
            "this table has 2 level columns (columns"
                + " 2, 3); keep one (found: Permission, Level, Level, Includes, Description)"),
        Shown.of(headerProblem("| Permission | Level | Level | Includes | Description |", sep)));
    assertEquals(
        "this table has 3 scope columns (columns 4, 5, 6); keep one (found: Permission,"
            + " Level, Includes, Scope, Prefect scope, SCOPE)",
        headerProblem("| Permission | Level | Includes | Scope | Prefect scope | SCOPE |", sep)
            .message());
    assertEquals(
        "this table has 2 description columns (columns 4, 5); keep one (found: Permission,"
            + " Level, Includes, Description, description)",
        headerProblem("| Permission | Level | Includes | Description | description |", sep)
            .message());
    assertEquals(
        "this table has 2 permission columns (columns 1, 4); keep one (found: Permission,"
            + " Level, Includes, Permission)",
        headerProblem("| Permission | Level | Includes | Permission |", sep).message());
    assertEquals(
        "this table has 2 includes columns (columns 3, 4); keep one (found: Permission,"
            + " Level, Includes, Includes)",
        headerProblem("| Permission | Level | Includes | Includes |", sep).message());
    // Two columns twice: the first of the known names is reported, once.
    assertEquals(
        "this table has 2 level columns (columns 2, 5); keep one (found: Permission, Level,"
            + " Includes, Includes, Level)",
        headerProblem("| Permission | Level | Includes | Includes | Level |", sep).message());
    // A missing column is reported before a doubled one.
    assertEquals(
        "this table lacks the Includes column; its header must include | Permission |"
            + " Level | Includes | (found: Permission, Level, Level)",
        headerProblem("| Permission | Level | Level |", sep).message());
  }

  @Test
  void aRoleColumnTwice_isReported() {
    String permissions =
        "| Permission | Level | Includes |\n|---|---|---|\n| VIEW | workspace | |\n\n";
    String row = "\n|---|---|---|---|---|---|\n| R | workspace | | | | |\n";
    for (List<String> pair :
        List.of(
            List.of(
                "| Role | Level | Inherits | Grants | Everywhere | Workspace role everywhere |",
                "this table has 2 everywhere columns (columns 5, 6); keep one (found: Role, Level, Inherits,"
                    + " Grants, Everywhere, Workspace role everywhere)"),
            List.of(
                "| Role | Role | Level | Inherits | Grants | x |",
                "this table has 2 role columns (columns 1, 2); keep one (found: Role, Role, Level, Inherits,"
                    + " Grants, x)"),
            List.of(
                "| Role | Level | Inherits | Grants | Inherits | x |",
                "this table has 2 inherits columns (columns 3, 5); keep one (found: Role, Level, Inherits,"
                    + " Grants, Inherits, x)"),
            List.of(
                "| Role | Level | Inherits | Grants | grants | x |",
                "this table has 2 grants columns (columns 4, 5); keep one (found: Role, Level, Inherits,"
                    + " Grants, grants, x)"),
            List.of(
                "| Role | Level | Inherits | Grants | Description | Description |",
                "this table has 2 description columns (columns 5, 6); keep one (found: Role, Level, Inherits,"
                    + " Grants, Description, Description)"),
            List.of(
                "| Role | Level | Inherits | Grants | Level | x |",
                "this table has 2 level columns (columns 2, 5); keep one (found: Role, Level, Inherits,"
                    + " Grants, Level, x)"))) {
      MatrixParser.Result result = parse(permissions + pair.get(0) + row);
      assertEquals(
          List.of(new Shown(Diagnostic.MATRIX_COLUMN_TWICE, 5, pair.get(1))),
          Shown.all(result.problems()),
          pair.get(0));
      assertEquals(Set.of("R"), result.rejected(), pair.get(0));
      assertEquals(List.of(), result.document().roles(), pair.get(0));
    }
  }

  @Test
  void columnsThatOnlyContainAKnownName_areNotDoubles() {
    MatrixParser.Result result =
        parse(
            """
        | Permission | Level | Includes | Level notes | Includes nothing | Scope |
        |---|---|---|---|---|---|
        | VIEW | workspace | | x | y | see |

        | Role | Level | Inherits | Grants | Grants note | Everywhere | Role notes |
        |---|---|---|---|---|---|---|
        | R | workspace | | VIEW | z | | w |
        """);
    assertEquals(List.of(), result.problems());
    assertEquals(
        new PermissionRow(3, "VIEW", Level.WORKSPACE, "see", List.of(), ""),
        result.document().permissions().get(0));
    assertEquals(
        new RoleRow(7, "R", Level.WORKSPACE, false, "", List.of("VIEW"), "", ""),
        result.document().roles().get(0));
  }

  @Test
  void byteOrderMark_isNotPartOfTheFirstLine() {
    MatrixParser.Result titled =
        parse(
            "\uFEFF# Title\n| Permission | Level | Includes |\n|---|---|---|\n| VIEW | workspace | |\n");
    assertEquals(List.of(), titled.problems());
    assertEquals("Title", titled.document().title());
    MatrixParser.Result table =
        parse("\uFEFF| Permission | Level | Includes |\n|---|---|---|\n| VIEW | workspace | |\n");
    assertEquals(List.of(), table.problems());
    assertEquals(3, table.document().permissions().get(0).line());
    // Only a leading mark is one: elsewhere it is a character of the cell.
    MatrixProblem inside =
        onlyProblem(
            "| Permission | Level | Includes |\n|---|---|---|\n| \uFEFFVIEW | workspace | |\n");
    assertEquals(
        "permission name \"\\uFEFFVIEW\" is not UPPER_SNAKE_CASE (character 1 is U+FEFF ZERO"
            + " WIDTH NO-BREAK SPACE, which is not A-Z, 0-9 or _); names look like DELETE_DEPLOYMENTS",
        inside.message());
  }

  @Test
  void quote_showsPrintableAsciiAndEscapesTheRest() {
    assertEquals("\"\"", MatrixParser.quote(""));
    assertEquals("\" VIEW_~!\"", MatrixParser.quote(" VIEW_~!"));
    assertEquals(
        "\"\\u001F\\u007F\\u0000\\u00A0\\u0415\\u200D\"",
        MatrixParser.quote("\u001f\u007f\u0000\u00a0\u0415\u200d"));
    assertEquals("\"a\\uD83D\\uDE00b\"", MatrixParser.quote("a\uD83D\uDE00b"));
  }

  @Test
  void quote_showsAtMost80Characters() {
    String eighty = "X".repeat(80);
    assertEquals("\"" + eighty + "\"", MatrixParser.quote(eighty));
    assertEquals(
        "\"" + eighty + "\" (the first 80 of 81 characters)",
        MatrixParser.quote(eighty + "\u0415"));
    assertEquals(
        "\"" + eighty + "\" (the first 80 of 1,234 characters)",
        MatrixParser.quote(eighty + "y".repeat(1_154)));
  }

  @Test
  void foreign_namesTheFirstCharacterOutsidePrintableAscii() {
    String tail = ", which is not A-Z, 0-9 or _)";
    assertEquals("", MatrixParser.foreign(""));
    assertEquals("", MatrixParser.foreign(" view_X ~"));
    assertEquals(
        " (character 3 is U+0415 CYRILLIC CAPITAL LETTER IE" + tail,
        MatrixParser.foreign("VI\u0415W\u200d"));
    assertEquals(
        " (character 1 is U+001F INFORMATION SEPARATOR ONE" + tail,
        MatrixParser.foreign("\u001fA"));
    assertEquals(" (character 2 is U+007F DELETE" + tail, MatrixParser.foreign("A\u007f"));
    assertEquals(" (character 1 is U+0000 NULL" + tail, MatrixParser.foreign("\0"));
    assertEquals(" (character 2 is U+0378" + tail, MatrixParser.foreign("A\u0378"));
    assertEquals(
        " (character 2 is U+1F600 GRINNING FACE" + tail, MatrixParser.foreign("A\uD83D\uDE00"));
  }

  @Test
  void lookAlikeAndInvisibleCharacters_inEveryNameCell() {
    String permissions =
        "| Permission | Level | Includes |\n|---|---|---|\n| VIEW | workspace | |\n";
    assertEquals(
        "the includes cell must list UPPER_SNAKE_CASE names separated by commas, but has"
            + " \"VIEW\\u200D\" (character 5 is U+200D ZERO WIDTH JOINER, which is not A-Z, 0-9 or _)",
        onlyProblem(permissions + "| EDIT | workspace | VIEW\u200d |\n").message());
    String roles =
        permissions
            + "\n| Role | Level | Inherits | Grants | Everywhere |\n|---|---|---|---|---|\n";
    assertEquals(
        "the grants cell must list UPPER_SNAKE_CASE names separated by commas, but has"
            + " \"\\u00A0VIEW\" (character 1 is U+00A0 NO-BREAK SPACE, which is not A-Z, 0-9 or _)",
        onlyProblem(roles + "| R | workspace | | VIEW,\u00a0VIEW | |\n").message());
    assertEquals(
        "inherited role name \"\\u041EWNER\" is not UPPER_SNAKE_CASE (character 1 is U+041E"
            + " CYRILLIC CAPITAL LETTER O, which is not A-Z, 0-9 or _); names look like DELETE_DEPLOYMENTS",
        onlyProblem(roles + "| R | workspace | \u041eWNER | | |\n").message());
    assertEquals(
        "workspace role name \"OWNER\\u0000\" is not UPPER_SNAKE_CASE (character 6 is U+0000"
            + " NULL, which is not A-Z, 0-9 or _); names look like DELETE_DEPLOYMENTS",
        onlyProblem(roles + "| R | account | | | OWNER\0 |\n").message());
  }

  private static final String VIEW_TABLE =
      "| Permission | Level | Includes |\n|---|---|---|\n| VIEW | workspace | |\n";

  private static final String AS_PROSE =
      ", so it would be read as prose and its rows ignored. Start its" + " header with ";

  @Test
  void misspeltPermissionHeader_isReportedOnItsLine_andItsRowsRejected() {
    MatrixParser.Result result =
        parse(
            VIEW_TABLE
                + """

        | Permissions | Level | Includes |
        |---|---|---|
        | EDIT | workspace | VIEW |
        | DELETE |
        """);
    assertEquals(
        List.of(
            new Shown(
                Diagnostic.MATRIX_PERMISSION_HEADER_MISSPELT,
                5,
                "this table's header starts with"
                    + " \"Permissions\", not Permission"
                    + AS_PROSE
                    + "| Permission | Level | Includes |")),
        Shown.all(result.problems()));
    assertTrue(
        result.rejected().containsAll(Set.of("EDIT", "DELETE")), result.rejected().toString());
    assertEquals(
        List.of("VIEW"),
        result.document().permissions().stream().map(PermissionRow::name).toList());
  }

  @Test
  void headerWithinTwoEditsOfPermission_isMisspelt_threeEditsIsProse() {
    assertEquals(2, EditDistance.between("PRMISION", "PERMISSION"));
    assertEquals(3, EditDistance.between("PRMSION", "PERMISSION"));
    MatrixParser.Result two =
        parse(VIEW_TABLE + "\n| prmision | Level |\n|---|---|\n| EDIT | workspace |\n");
    assertEquals(
        List.of(
            new Shown(
                Diagnostic.MATRIX_PERMISSION_HEADER_MISSPELT,
                5,
                "this table's header starts with"
                    + " \"prmision\", not Permission"
                    + AS_PROSE
                    + "| Permission | Level | Includes |")),
        Shown.all(two.problems()));
    assertTrue(two.rejected().contains("EDIT"), two.rejected().toString());
    MatrixParser.Result three =
        parse(VIEW_TABLE + "\n| prmsion | Level |\n|---|---|\n| EDIT | workspace |\n");
    assertEquals(List.of(), three.problems());
    assertEquals(Set.of(), three.rejected());
  }

  @Test
  void rolesHeader_isReported_otherRoleWordsAreProse() {
    MatrixParser.Result result =
        parse(
            VIEW_TABLE
                + """

        | ROLES | Level | Inherits | Grants |
        |---|---|---|---|
        | ADMIN | workspace | | VIEW |

        | Rolls | Level | Inherits | Grants |
        |---|---|---|---|
        | OWNER | workspace | | VIEW |
        """);
    assertEquals(
        List.of(
            new Shown(
                Diagnostic.MATRIX_ROLE_HEADER_MISSPELT,
                5,
                "this table's header starts with"
                    + " \"ROLES\", not Role"
                    + AS_PROSE
                    + "| Role | Level | Inherits | Grants |")),
        Shown.all(result.problems()));
    assertTrue(result.rejected().contains("ADMIN"), result.rejected().toString());
    assertFalse(result.rejected().contains("OWNER"), result.rejected().toString());
  }

  @Test
  void permissionHeaderWithACaseFoldingLookAlike_isMisspelt_notMisplaced() {
    // "ſ" (long s) and "İ" equal s and i ignoring case, yet the header is not Permission.
    for (String cell : List.of("Permi\u017F\u017Fion", "PERM\u0130SSION")) {
      MatrixParser.Result result =
          parse(
              VIEW_TABLE
                  + "\n| "
                  + cell
                  + " | Level | Includes |\n|---|---|---|\n"
                  + "| EDIT | workspace | |\n");
      assertEquals(
          List.of(
              new Shown(
                  Diagnostic.MATRIX_PERMISSION_HEADER_MISSPELT,
                  5,
                  "this table's header starts with "
                      + MatrixParser.quote(cell)
                      + ", not Permission"
                      + AS_PROSE
                      + "| Permission | Level | Includes |")),
          Shown.all(result.problems()),
          cell);
      assertTrue(result.rejected().contains("EDIT"), cell + " " + result.rejected());
    }
  }

  @Test
  void misplacedNameColumn_afterAMisspeltFirstCell_isTheOneProblem() {
    MatrixParser.Result result =
        parse(
            VIEW_TABLE
                + """

        | Permissions | Level | Permission |
        |---|---|---|
        | notes | workspace | EDIT |
        """);
    assertEquals(
        List.of(
            new Shown(
                Diagnostic.MATRIX_NAME_COLUMN_NOT_FIRST,
                5,
                "this table has Permission and"
                    + " Level columns, but Permission is not its first column, so it would be read as prose and"
                    + " its rows ignored; move the Permission column first")),
        Shown.all(result.problems()));
    assertTrue(result.rejected().contains("EDIT"), result.rejected().toString());
    assertFalse(result.rejected().contains("NOTES"), result.rejected().toString());
  }

  @Test
  void severalMissingColumns_areAllNamed() {
    assertEquals(
        "this table lacks the Level and Includes columns; its header must include"
            + " | Permission | Level | Includes | (found: Permission, Scope)",
        onlyProblem("| Permission | Scope |\n|---|---|\n| VIEW | x |\n").message());
    String roles = VIEW_TABLE + "\n";
    assertEquals(
        "this table lacks the Grants and Inherits columns; its header must include"
            + " | Role | Level | Inherits | Grants | (found: Role, Level)",
        onlyProblem(roles + "| Role | Level |\n|---|---|\n| R | workspace |\n").message());
    assertEquals(
        "this table lacks the Level, Grants and Inherits columns; its header must include"
            + " | Role | Level | Inherits | Grants | (found: Role, Description)",
        onlyProblem(roles + "| Role | Description |\n|---|---|\n| R | x |\n").message());
  }

  @Test
  void namedPermissions_areTheRowsWhoseNameAndLevelParsed() {
    MatrixParser.Result result =
        parse(
            """
        # Named
        | Permission | Level | Includes | Description |
        |---|---|---|---|
        | VIEW | workspace | | Views. |
        | EDIT | account | view, VIEW | Edits. |
        | bad | workspace | VIEW | Bad. |
        | GLOBAL | galaxy | | Global. |
        """);
    assertEquals(
        List.of(5, 6, 7),
        result.problems().stream().map(MatrixProblem::line).toList(),
        result.problems().toString());
    assertEquals(Set.of("EDIT", "BAD", "GLOBAL"), result.rejected());
    PermissionRow view = new PermissionRow(4, "VIEW", Level.WORKSPACE, "", List.of(), "Views.");
    assertEquals(List.of(view), result.document().permissions());
    assertEquals(
        List.of(view, new PermissionRow(5, "EDIT", Level.ACCOUNT, "", List.of(), "Edits.")),
        result.named().permissions());
    assertEquals(List.of(), result.named().roles());
    assertEquals("Named", result.named().title());
    assertEquals("m.md", result.named().sourceName());
  }

  @Test
  void namedRoles_keepTheirOtherCellsOnlyWhenTheRowParsed() {
    MatrixParser.Result result =
        parse(
            VIEW_TABLE
                + """

        | Role | Level | Inherits | Grants | Everywhere | Description |
        |---|---|---|---|---|---|
        | MEMBER | account (default) | | VIEW | | Member. |
        | ADMIN | account | MEMBER | VIEW | OWNER | Admin. |
        | BAD_GRANTS | account | MEMBER | view | OWNER | Grants. |
        | BAD_INHERITS | workspace | base | VIEW | | Inherits. |
        | BAD_EVERYWHERE | account | MEMBER | VIEW | owner | Everywhere. |
        | WS_DEFAULT | workspace (default) | MEMBER | VIEW | | Default. |
        | lower | account | | | | Lower. |
        | NO_LEVEL | galaxy | | | | No level. |
        """);
    assertEquals(
        List.of(9, 10, 11, 12, 13, 14),
        result.problems().stream().map(MatrixProblem::line).toList(),
        result.problems().toString());
    RoleRow member =
        new RoleRow(7, "MEMBER", Level.ACCOUNT, true, "", List.of("VIEW"), "", "Member.");
    RoleRow admin =
        new RoleRow(8, "ADMIN", Level.ACCOUNT, false, "MEMBER", List.of("VIEW"), "OWNER", "Admin.");
    assertEquals(List.of(member, admin), result.document().roles());
    assertEquals(
        List.of(
            member,
            admin,
            new RoleRow(9, "BAD_GRANTS", Level.ACCOUNT, false, "", List.of(), "", "Grants."),
            new RoleRow(10, "BAD_INHERITS", Level.WORKSPACE, false, "", List.of(), "", "Inherits."),
            new RoleRow(
                11, "BAD_EVERYWHERE", Level.ACCOUNT, false, "", List.of(), "", "Everywhere."),
            new RoleRow(
                12,
                "WS_DEFAULT",
                Level.WORKSPACE,
                false,
                "MEMBER",
                List.of("VIEW"),
                "",
                "Default.")),
        result.named().roles());
    assertEquals(
        Set.of("BAD_GRANTS", "BAD_INHERITS", "BAD_EVERYWHERE", "WS_DEFAULT", "LOWER", "NO_LEVEL"),
        result.rejected());
    assertEquals(result.document().permissions(), result.named().permissions());
  }
}
