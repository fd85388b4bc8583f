package dev.rolegate.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

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

  private static JavaFileObject packageInfo() {
    return JavaFileObjects.forSourceString(
        "test.package-info",
        """
        @PermissionMatrix("matrix.md")
        package test;

        import dev.rolegate.annotations.PermissionMatrix;
        """);
  }

  private static JavaFileObject service(String body) {
    return JavaFileObjects.forSourceString(
        "test.Things",
        """
        package test;

        import dev.rolegate.annotations.RequiresPermission;
        import dev.rolegate.annotations.Unguarded;

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

  @Test
  void unknownPermission_rawString_reportedOnLiteralWithSuggestion() {
    JavaFileObject source =
        service(
            """
              @RequiresPermission("VIEW_THING")
              void look();
            """);

    Compilation compilation = compile(source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[UnknownPermission] \"VIEW_THING\" is not a permission of matrix "
                + MATRIX_NAME
                + ". Did you mean VIEW_THINGS?")
        .inFile(source)
        .onLineContaining("@RequiresPermission(\"VIEW_THING\")")
        .atColumn(23);
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

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[UnknownPermission] \"EDIT_THING\" is not a permission")
        .inFile(source)
        .onLineContaining("@RequiresPermission({")
        .atColumn(39);
    assertThat(compilation).hadErrorContaining("Did you mean EDIT_THINGS?");
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

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[UnknownPermission] \"VIEW_SECRET\" is not a permission of matrix "
                + MATRIX_NAME
                + ". Did you mean VIEW_SECRETS?")
        .inFile(source)
        .onLineContaining("anyOf = {")
        .atColumn(47);
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

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining("[UnknownPermission] \"VIEW_THING\" is not a permission")
        .inFile(source)
        .onLineContaining("@RequiresPermission({")
        .atColumn(24);
    assertThat(compilation)
        .hadErrorContaining("[UnknownPermission] \"DELETE_THING\" is not a permission")
        .inFile(source)
        .onLineContaining("@RequiresPermission({")
        .atColumn(53);
  }

  @Test
  void unknownPermission_twoInAnyOf_twoErrors() {
    JavaFileObject source =
        service(
            """
              @RequiresPermission(anyOf = {"NOPE", "VIEW_THINGS", "ALSO_NOPE"})
              void either();
            """);

    Compilation compilation = compile(source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining("[UnknownPermission] \"NOPE\"")
        .inFile(source)
        .onLineContaining("anyOf = {")
        .atColumn(32);
    assertThat(compilation)
        .hadErrorContaining("[UnknownPermission] \"ALSO_NOPE\"")
        .inFile(source)
        .onLineContaining("anyOf = {")
        .atColumn(55);
  }

  @Test
  void unknownPermission_lowerCase_suggestsUpperCaseName() {
    JavaFileObject source =
        service(
            """
              @RequiresPermission("delete_things")
              void purge();
            """);

    Compilation compilation = compile(source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[UnknownPermission] \"delete_things\" is not a permission of matrix "
                + MATRIX_NAME
                + ". Did you mean DELETE_THINGS?")
        .inFile(source)
        .onLineContaining("@RequiresPermission(\"delete_things\")");
  }

  @Test
  void unknownPermission_manyClose_suggestsClosestThree() {
    JavaFileObject source =
        service(
            """
              @RequiresPermission("READ_X")
              void read();
            """);

    Compilation compilation = compile(READS, source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[UnknownPermission] \"READ_X\" is not a permission of matrix Reads (matrix.md)."
                + " Did you mean READ_A or READ_B or READ_C?")
        .inFile(source)
        .onLineContaining("@RequiresPermission(\"READ_X\")");
  }

  @Test
  void unknownPermission_nothingClose_saysSoAndNamesMatrix() {
    JavaFileObject source =
        service(
            """
              @RequiresPermission("LAUNCH_ROCKETS")
              void launch();
            """);

    Compilation compilation = compile(source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[UnknownPermission] \"LAUNCH_ROCKETS\" is not a permission of matrix "
                + MATRIX_NAME
                + ". No permission has a close name; see the Permission tables of matrix.md")
        .inFile(source)
        .onLineContaining("@RequiresPermission(\"LAUNCH_ROCKETS\")");
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

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[UnknownPermission] \"VIEW_THING\" is not a permission of matrix "
                + MATRIX_NAME
                + ". Did you mean VIEW_THINGS?")
        .inFile(source)
        .onLineContaining("@RequiresPermission({")
        .atColumn(39);
  }

  @Test
  void generatedConstant_sameCompilation_deferredThenCompilesClean() {
    JavaFileObject source =
        service(
            """
              @RequiresPermission(Permissions.VIEW_THINGS)
              void look();

              @RequiresPermission(anyOf = {Permissions.EDIT_THINGS, Permissions.DELETE_THINGS})
              void change();
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

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[EmptyPermissions] @RequiresPermission on Things.look() lists no permission. Name at"
                + " least one in value (all required) or anyOf (one suffices), or use"
                + " @Unguarded(reason = \"...\") to leave it open on purpose")
        .inFile(source)
        .onLineContaining("@RequiresPermission")
        .atColumn(3);
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

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[EmptyPermissions] @RequiresPermission on Things.look() lists no")
        .inFile(source)
        .onLineContaining("@RequiresPermission({})")
        .atColumn(3);
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

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[EmptyPermissions] @RequiresPermission on type Things lists no")
        .inFile(source)
        .onLineContaining("@RequiresPermission(anyOf = {})");
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

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[AmbiguousPermissions] @RequiresPermission on Things.look() sets both value and"
                + " anyOf. Use value for permissions that are all required, or anyOf for"
                + " permissions of which one suffices, not both")
        .inFile(source)
        .onLineContaining("@RequiresPermission(value =")
        .atColumn(3);
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

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[ConflictingAnnotations] Things.ping() carries both @RequiresPermission and"
                + " @Unguarded. Keep the one you mean")
        .inFile(source)
        .onLineContaining("@Unguarded(")
        .atColumn(3);
  }
}
