package dev.rolegate.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.rolegate.processor.CompilationAssertions.assertErrorAtColumn;
import static dev.rolegate.processor.CompilationAssertions.assertErrors;
import static dev.rolegate.processor.CompilationAssertions.assertOneError;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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

  @Test
  void unknownPermission_rawString_reportedOnLiteralWithSuggestion() {
    JavaFileObject source =
        service(
            """
              @RequiresPermission("VIEW_THING")
              void look();
            """);

    Compilation compilation = compile(source);

    String message =
        "[UnknownPermission] \"VIEW_THING\" is not a permission of matrix "
            + MATRIX_NAME
            + ". Did you mean VIEW_THINGS?";
    assertOneError(compilation, message, source, "@RequiresPermission(\"VIEW_THING\")");
    assertErrorAtColumn(compilation, message, source, "@RequiresPermission(\"VIEW_THING\")", 23);
  }

  @Test
  void unknownPermission_inArray_reportedOnLiteral() {
    JavaFileObject source =
        service(
            """
              @RequiresPermission({"VIEW_THINGS", "EDIT_THING"})
              void edit();
            """);

    Compilation compilation = compile(source);

    String message =
        "[UnknownPermission] \"EDIT_THING\" is not a permission of matrix "
            + MATRIX_NAME
            + ". Did you mean EDIT_THINGS?";
    assertOneError(compilation, message, source, "@RequiresPermission({");
    assertErrorAtColumn(compilation, message, source, "@RequiresPermission({", 39);
  }

  @Test
  void unknownPermission_inAnyOf_reportedOnLiteral() {
    JavaFileObject source =
        service(
            """
              @RequiresPermission(anyOf = {"VIEW_THINGS", "VIEW_SECRET"})
              void peek();
            """);

    Compilation compilation = compile(source);

    String message =
        "[UnknownPermission] \"VIEW_SECRET\" is not a permission of matrix "
            + MATRIX_NAME
            + ". Did you mean VIEW_SECRETS?";
    assertOneError(compilation, message, source, "anyOf");
    assertErrorAtColumn(compilation, message, source, "anyOf", 47);
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
        Arguments.of(
            "@RequiresPermission(\"delete_things\")",
            "[UnknownPermission] \"delete_things\" is not a permission of matrix "
                + MATRIX_NAME
                + ". Did you mean DELETE_THINGS?"),
        Arguments.of(
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
  void unknownPermission_viaOwnConstant_reportedOnConstantReference() {
    JavaFileObject source =
        service(
            """
              String LEGACY = "VIEW_THING";

              @RequiresPermission({"EDIT_THINGS", LEGACY})
              void look();
            """);

    Compilation compilation = compile(source);

    String message =
        "[UnknownPermission] \"VIEW_THING\" is not a permission of matrix "
            + MATRIX_NAME
            + ". Did you mean VIEW_THINGS?";
    assertOneError(compilation, message, source, "({");
    assertErrorAtColumn(compilation, message, source, "({", 39);
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

  @Test
  void emptyPermissions_noArguments_reportedOnAnnotation() {
    JavaFileObject source =
        service(
            """
              @RequiresPermission
              void look();
            """);

    Compilation compilation = compile(source);

    String message =
        "[EmptyPermissions] @RequiresPermission on Things.look() lists no permission. Name at"
            + " least one in value (all required) or anyOf (one suffices), or use"
            + " @Unguarded(reason = \"...\") to leave it open on purpose";
    assertOneError(compilation, message, source, "@RequiresPermission");
    assertErrorAtColumn(compilation, message, source, "@RequiresPermission", 3);
  }

  @Test
  void emptyPermissions_emptyArray_reportedOnAnnotation() {
    JavaFileObject source =
        service(
            """
              @RequiresPermission({})
              void look();
            """);

    Compilation compilation = compile(source);

    String message = "[EmptyPermissions] @RequiresPermission on Things.look() lists no permission.";
    assertOneError(compilation, message, source, "@RequiresPermission({})");
    assertErrorAtColumn(compilation, message, source, "@RequiresPermission({})", 3);
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

  @Test
  void ambiguousPermissions_valueAndAnyOf_reportedOnAnnotation() {
    JavaFileObject source =
        service(
            """
              @RequiresPermission(value = "VIEW_THINGS", anyOf = "EDIT_THINGS")
              void look();
            """);

    Compilation compilation = compile(source);

    String message =
        "[AmbiguousPermissions] @RequiresPermission on Things.look() sets both value and anyOf."
            + " Use value for permissions that are all required, or anyOf for permissions of"
            + " which one suffices, not both";
    assertOneError(compilation, message, source, "value =");
    assertErrorAtColumn(compilation, message, source, "value =", 3);
  }

  @Test
  void conflictingAnnotations_requiresAndUnguarded_reportedOnUnguarded() {
    JavaFileObject source =
        service(
            """
              @RequiresPermission("VIEW_THINGS")
              @Unguarded(reason = "health check")
              void ping();
            """);

    Compilation compilation = compile(source);

    String message =
        "[ConflictingAnnotations] Things.ping() carries both @RequiresPermission and"
            + " @Unguarded. Keep the one you mean";
    assertOneError(compilation, message, source, "@Ungu");
    assertErrorAtColumn(compilation, message, source, "@Ungu", 3);
  }

  @Test
  void blankUnguardedReason_emptyOrBlank_reportedOnTheReason() {
    for (String reason : new String[] {"", "   ", "\\t"}) {
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

  private static JavaFileObject packageInfo() {
    return JavaFileObjects.forSourceString(
        "test.package-info",
        """
        @PermissionMatrix("matrix.md")
        package test;

        import dev.rolegate.annotations.PermissionMatrix;
        """);
  }

  /** Returns {@code public interface test.Things} with {@code body} as its members. */
  private static JavaFileObject service(String body) {
    return JavaFileObjects.forSourceString(
        "test.Things",
        """
        package test;

        import dev.rolegate.annotations.RequiresPermission;
        import dev.rolegate.annotations.Unguarded;
        import dev.rolegate.annotations.WorkspaceId;

        public interface Things {
        %s}
        """
            .formatted(body));
  }

  private static Compilation compile(JavaFileObject source) {
    return compile(TestMatrices.SMALL, source);
  }

  private static Compilation compile(String matrix, JavaFileObject source) {
    return TestMatrices.compiler(TestMatrices.sourcePath(matrix)).compile(packageInfo(), source);
  }
}
