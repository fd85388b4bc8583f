package dev.rolegate.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.rolegate.processor.CompilationAssertions.assertErrorAtColumn;
import static dev.rolegate.processor.CompilationAssertions.assertErrors;
import static dev.rolegate.processor.CompilationAssertions.assertOneError;
import static dev.rolegate.processor.TestMatrices.service;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code [UnknownPermission]}, {@code [EmptyPermissions]}, {@code [AmbiguousPermissions]} and
 * {@code [ConflictingAnnotations]}: each on the exact element, with its suggestion.
 */
class PermissionValidationTest {
  private static final String MATRIX_NAME = "Test Matrix (matrix.md)";

  /** Four permissions at edit distance 1 from READ_X, to check the three-name cap. */
  private static final String READS =
      """
      # Reads

      | Permission | Level | Includes |
      |---|---|---|
      | READ_D | workspace | |
      | READ_C | workspace | |
      | READ_B | workspace | |
      | READ_A | workspace | |
      """;

  /**
   * Unknown permissions reported at the literal that names them: members, message, line, column.
   */
  static Stream<Arguments> unknownPermissionsOnTheLiteral() {
    return Stream.of(
        argumentSet(
            "unknownPermission_rawString_reportedOnLiteralWithSuggestion",
            """
              @RequiresPermission("VIEW_THING")
              void look();
            """,
            "[UnknownPermission] \"VIEW_THING\" is not a permission of matrix "
                + MATRIX_NAME
                + ". Did you mean VIEW_THINGS?",
            "@RequiresPermission(\"VIEW_THING\")",
            23),
        argumentSet(
            "unknownPermission_inArray_reportedOnLiteral",
            """
              @RequiresPermission({"VIEW_THINGS", "EDIT_THING"})
              void edit();
            """,
            "[UnknownPermission] \"EDIT_THING\" is not a permission of matrix "
                + MATRIX_NAME
                + ". Did you mean EDIT_THINGS?",
            "@RequiresPermission({",
            39),
        argumentSet(
            "unknownPermission_inAnyOf_reportedOnLiteral",
            """
              @RequiresPermission(anyOf = {"VIEW_THINGS", "VIEW_SECRET"})
              void peek();
            """,
            "[UnknownPermission] \"VIEW_SECRET\" is not a permission of matrix "
                + MATRIX_NAME
                + ". Did you mean VIEW_SECRETS?",
            "anyOf",
            47),
        argumentSet(
            "unknownPermission_viaOwnConstant_reportedOnConstantReference",
            """
              String LEGACY = "VIEW_THING";

              @RequiresPermission({"EDIT_THINGS", LEGACY})
              void look();
            """,
            "[UnknownPermission] \"VIEW_THING\" is not a permission of matrix "
                + MATRIX_NAME
                + ". Did you mean VIEW_THINGS?",
            "({",
            39));
  }

  /**
   * Annotations that say nothing or too much, reported on the annotation: members, message, line,
   * column.
   */
  static Stream<Arguments> misusedAnnotations() {
    return Stream.of(
        argumentSet(
            "emptyPermissions_noArguments_reportedOnAnnotation",
            """
              @RequiresPermission
              void look();
            """,
            "[EmptyPermissions] @RequiresPermission on Things.look() lists no permission. Name at"
                + " least one in value (all required) or anyOf (one suffices), or use"
                + " @Unguarded(reason = \"...\") to leave it open on purpose",
            "@RequiresPermission",
            3),
        argumentSet(
            "emptyPermissions_emptyArray_reportedOnAnnotation",
            """
              @RequiresPermission({})
              void look();
            """,
            "[EmptyPermissions] @RequiresPermission on Things.look() lists no permission.",
            "@RequiresPermission({})",
            3),
        argumentSet(
            "ambiguousPermissions_valueAndAnyOf_reportedOnAnnotation",
            """
              @RequiresPermission(value = "VIEW_THINGS", anyOf = "EDIT_THINGS")
              void look();
            """,
            "[AmbiguousPermissions] @RequiresPermission on Things.look() sets both value and anyOf."
                + " Use value for permissions that are all required, or anyOf for permissions of"
                + " which one suffices, not both",
            "value =",
            3),
        argumentSet(
            "conflictingAnnotations_requiresAndUnguarded_reportedOnUnguarded",
            """
              @RequiresPermission("VIEW_THINGS")
              @Unguarded(reason = "health check")
              void ping();
            """,
            "[ConflictingAnnotations] Things.ping() carries both @RequiresPermission and"
                + " @Unguarded. Keep the one you mean",
            "@Ungu",
            3));
  }

  /**
   * Members of a service whose mistake is one error, {@code message}, at {@code column} of the line
   * containing {@code line}.
   */
  @ParameterizedTest
  @MethodSource({"unknownPermissionsOnTheLiteral", "misusedAnnotations"})
  void oneErrorAtColumn(String members, String message, String line, int column) {
    JavaFileObject source = service(members);

    Compilation compilation = compile(source);

    assertOneError(compilation, message, source, line);
    assertErrorAtColumn(compilation, message, source, line, column);
  }

  @Test
  void unknownPermission_twoInOneAnnotation_twoErrorsEachOnItsLiteral() {
    JavaFileObject source =
        service(
            """
              @RequiresPermission({"VIEW_THING", "EDIT_THINGS", "DELETE_THING"})
              void purge();
            """);

    Compilation compilation = compile(source);

    String first = "[UnknownPermission] \"VIEW_THING\" is not a permission";
    String second = "[UnknownPermission] \"DELETE_THING\" is not a permission";
    assertErrors(compilation, 2, first, source, "({");
    assertErrorAtColumn(compilation, first, source, "({", 24);
    assertThat(compilation).hadErrorContaining(second).inFile(source).onLineContaining("({");
    assertErrorAtColumn(compilation, second, source, "({", 53);
    assertThat(compilation).hadErrorContaining("Did you mean DELETE_THINGS?");
  }

  @Test
  void unknownPermission_twoInAnyOf_twoErrorsEachOnItsLiteral() {
    JavaFileObject source =
        service(
            """
              @RequiresPermission(anyOf = {"NOPE", "VIEW_THINGS", "ALSO_NOPE"})
              void either();
            """);

    Compilation compilation = compile(source);

    String first = "[UnknownPermission] \"NOPE\" is not a permission";
    String second = "[UnknownPermission] \"ALSO_NOPE\" is not a permission";
    assertErrors(compilation, 2, first, source, "anyOf");
    assertErrorAtColumn(compilation, first, source, "anyOf", 32);
    assertThat(compilation).hadErrorContaining(second).inFile(source).onLineContaining("anyOf");
    assertErrorAtColumn(compilation, second, source, "anyOf", 55);
  }

  /**
   * A permission the matrix does not have: the annotation, the message that suggests close names or
   * says there are none, reported on the annotation's line.
   */
  static Stream<Arguments> unknownPermissions() {
    return Stream.of(
        argumentSet(
            "unknownPermission_wrongCase_suggestsThePermission",
            "@RequiresPermission(\"delete_things\")",
            "[UnknownPermission] \"delete_things\" is not a permission of matrix "
                + MATRIX_NAME
                + ". Did you mean DELETE_THINGS?"),
        argumentSet(
            "unknownPermission_nothingClose_pointsToTheMatrix",
            "@RequiresPermission(\"LAUNCH_ROCKETS\")",
            "[UnknownPermission] \"LAUNCH_ROCKETS\" is not a permission of matrix "
                + MATRIX_NAME
                + ". No permission has a close name; see the Permission tables of matrix.md"));
  }

  @ParameterizedTest
  @MethodSource("unknownPermissions")
  void unknownPermission_saysWhatIsClose(String annotation, String message) {
    JavaFileObject source = service("  " + annotation + "\n  void act();\n");

    Compilation compilation = compile(source);

    assertOneError(compilation, message, source, annotation);
  }

  @Test
  void unknownPermission_manyClose_suggestsClosestThreeInOrder() {
    JavaFileObject source =
        service(
            """
              @RequiresPermission("READ_X")
              void read();
            """);

    Compilation compilation = compile(READS, source);

    assertOneError(
        compilation,
        "[UnknownPermission] \"READ_X\" is not a permission of matrix Reads (matrix.md)."
            + " Did you mean READ_A or READ_B or READ_C?",
        source,
        "@RequiresPermission(\"READ_X\")");
  }

  @Test
  void generatedConstants_sameCompilation_deferredThenCompileClean() {
    JavaFileObject source =
        service(
            """
              @RequiresPermission(Permissions.VIEW_THINGS)
              void look(@WorkspaceId String workspace);

              @RequiresPermission(anyOf = {Permissions.EDIT_THINGS, Permissions.VIEW_ACCOUNT})
              void change(@WorkspaceId String workspace);
            """);

    Compilation compilation = compile(source);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.GuardedThings");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "@RequiresPermission(\"DELETE_THINGS\")",
        "@RequiresPermission(anyOf = {\"EDIT_THINGS\", \"DELETE_THINGS\"})",
        "@Unguarded(reason = \"public\")",
        "@RequiresPermission(\"EDIT_THINGS\") @BoundAccount"
      })
  void methodOfUnrelatedSuperinterfaces_thatDisagree_reportedOnTheInterface(String right) {
    JavaFileObject both =
        JavaFileObjects.forSourceString(
            "test.Both",
            """
            package test;

            import dev.rolegate.annotations.*;

            public interface Both extends Left, Right {
              @RequiresPermission("VIEW_THINGS")
              void look(@WorkspaceId String workspace);
            }
            """);

    Compilation compilation = TestMatrices.compile(left(), right(right), both);

    assertOneError(
        compilation,
        "[ConflictingAnnotations] Both inherits edit() from Left and Right, which do not say the"
            + " same about who may call it (permissions or @Unguarded, workspace or account). Its"
            + " guard can check only one: override the method in Both with what its callers need",
        both,
        "public interface Both");
  }

  @Test
  void methodOfUnrelatedSuperinterfaces_overriddenInTheInterface_isItsOwn() {
    JavaFileObject both =
        JavaFileObjects.forSourceString(
            "test.Both",
            """
            package test;

            import dev.rolegate.annotations.*;

            public interface Both extends Left, Right {
              @Override
              @RequiresPermission("DELETE_THINGS")
              void edit(@WorkspaceId String workspace);
            }
            """);

    Compilation compilation =
        TestMatrices.compile(left(), right("@RequiresPermission(\"DELETE_THINGS\")"), both);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.GuardedBoth");
  }

  @Test
  void emptyPermissions_onType_namesType() {
    JavaFileObject source =
        JavaFileObjects.forSourceString(
            "test.Things",
            """
            package test;

            import dev.rolegate.annotations.RequiresPermission;

            @RequiresPermission(anyOf = {})
            public interface Things {
              void look();
            }
            """);

    Compilation compilation = compile(source);

    assertOneError(
        compilation,
        "[EmptyPermissions] @RequiresPermission on type Things lists no permission.",
        source,
        "@RequiresPermission(anyOf = {})");
  }

  @Test
  void unknownPermission_onType_reportedOnceNotOnEveryMethod() {
    JavaFileObject source =
        JavaFileObjects.forSourceString(
            "test.Things",
            """
            package test;

            import dev.rolegate.annotations.RequiresPermission;

            @RequiresPermission("VIEW_THING")
            public interface Things {
              void look();

              void peek();
            }
            """);

    Compilation compilation = compile(source);

    String message =
        "[UnknownPermission] \"VIEW_THING\" is not a permission of matrix "
            + MATRIX_NAME
            + ". Did you mean VIEW_THINGS?";
    assertOneError(compilation, message, source, "@Req");
    assertErrorAtColumn(compilation, message, source, "@Req", 21);
  }

  /** An empty reason, spaces, and an escaped tab as the reason of {@code @Unguarded}. */
  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\\t"})
  void blankUnguardedReason_emptyOrBlank_reportedOnTheReason(String reason) {
    JavaFileObject source =
        service(
            """
              @RequiresPermission("VIEW_THINGS")
              String view(@WorkspaceId String workspace);
              @Unguarded(reason = "%s")
              String ping();
            """
                .formatted(reason));

    Compilation compilation = compile(source);

    String message =
        "[BlankUnguardedReason] Things.ping() is @Unguarded with an empty or blank reason, but an"
            + " unguarded method is open to every caller, unauthenticated ones included, and its"
            + " reason is what reviewers read in the access report. Say why it may be open, as in"
            + " @Unguarded(reason = \"liveness probe, reads nothing\"), or guard it with"
            + " @RequiresPermission";
    assertOneError(compilation, message, source, "@Ungu");
    assertErrorAtColumn(compilation, message, source, "@Ungu", 23);
  }

  @Test
  void unguardedReason_visibleText_compiles() {
    Compilation compilation =
        compile(
            service(
                """
                  @RequiresPermission("VIEW_THINGS")
                  String view(@WorkspaceId String workspace);
                  @Unguarded(reason = " health check ")
                  String ping();
                """));

    assertThat(compilation).succeededWithoutWarnings();
  }

  /** {@code Left}, declaring {@code edit} with EDIT_THINGS. */
  private static JavaFileObject left() {
    return JavaFileObjects.forSourceString(
        "test.Left",
        """
        package test;

        import dev.rolegate.annotations.*;

        public interface Left {
          @RequiresPermission("EDIT_THINGS")
          void edit(@WorkspaceId String workspace);
        }
        """);
  }

  /**
   * {@code Right}, not related to {@code Left}, declaring {@code edit} with {@code annotations}.
   */
  private static JavaFileObject right(String annotations) {
    return JavaFileObjects.forSourceString(
        "test.Right",
        """
        package test;

        import dev.rolegate.annotations.*;

        public interface Right {
          %s
          void edit(@WorkspaceId String workspace);
        }
        """
            .formatted(annotations));
  }

  private static JavaFileObject packageInfo() {
    return JavaFileObjects.forSourceString(
        "test.package-info",
        """
        @PermissionMatrix("matrix.md")
        package test;

        import dev.rolegate.annotations.PermissionMatrix;
        """);
  }

  private static Compilation compile(JavaFileObject source) {
    return compile(TestMatrices.SMALL, source);
  }

  private static Compilation compile(String matrix, JavaFileObject source) {
    return TestMatrices.compiler(TestMatrices.sourcePath(matrix)).compile(packageInfo(), source);
  }
}
