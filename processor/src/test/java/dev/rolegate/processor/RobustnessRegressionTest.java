package dev.rolegate.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.rolegate.processor.CompilationAssertions.assertErrors;
import static dev.rolegate.processor.CompilationAssertions.assertOneError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.rolegate.processor.GeneratedCode.Recorder;
import dev.rolegate.runtime.AccessDeniedException;
import dev.rolegate.runtime.Matrix;
import dev.rolegate.runtime.Principal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The inputs {@link RobustnessPropertiesTest} found that broke the processor, each as a plain test:
 * an {@code [InternalError]}, or a generated file that did not compile.
 */
class RobustnessRegressionTest {
  private static final JavaFileObject PACKAGE_INFO =
      JavaFileObjects.forSourceString(
          "test.package-info",
          """
      @PermissionMatrix("matrix.md")
      package test;

      import dev.rolegate.annotations.PermissionMatrix;
      """);

  /** javac reads backslash-u as a Unicode escape even inside a comment; Javadoc escapes it. */
  @Test
  void backslashesInTitleAndDescriptions_generatedJavadocCompiles_textKeptExactly()
      throws IOException {
    String description = "Builds under C:\\users\\ci; \\u002a/ is not the end of a comment.";
    String matrix =
        TestMatrices.SMALL
            .replace("# Test Matrix", "# Test \\u Matrix")
            .replace("See things.", description);

    Compilation compilation =
        TestMatrices.compiler(TestMatrices.sourcePath(matrix)).compile(PACKAGE_INFO, things());

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(
            compilation
                .generatedSourceFile("test.Permissions")
                .orElseThrow()
                .getCharContent(true)
                .toString())
        .contains("Builds under C:&#92;users&#92;ci; &#92;u002a/ is not the end of a comment.");
    Matrix compiled = GeneratedCode.of(compilation).matrix();
    assertEquals(description, compiled.permission("VIEW_THINGS").orElseThrow().description());
    assertEquals("Test \\u Matrix", compiled.name());
  }

  /**
   * JavaPoet's {@code MethodSpec.overriding(method, owner, types)} threw on a type variable bounded
   * by an intersection; the guard also substitutes the superinterface's type argument.
   */
  @Test
  void typeVariableWithIntersectionBound_inheritedFromGenericInterface_guardChecks()
      throws Throwable {
    GeneratedCode code =
        GeneratedCode.compile(
            "test.Base",
                """
            package test;
            import dev.rolegate.annotations.WorkspaceId;
            public interface Base<T> {
              <N extends Number & Comparable<N>, R extends T> N pick(@WorkspaceId String ws, N a, R b);
            }
            """,
            "test.Picker",
                """
            package test;
            import dev.rolegate.annotations.*;
            @RequiresPermission(Permissions.VIEW_THINGS)
            public interface Picker extends Base<CharSequence> {}
            """);
    Recorder delegate = new Recorder((method, args) -> args[1]);
    Principal nobody =
        Principal.user("nobody").matrix(code.matrix()).directory(GeneratedCode.ACME).build();
    Object asViewer =
        code.guard("test.Picker", "test.GuardedPicker", delegate, () -> code.inWorkspace("VIEWER"));
    Object asNobody = code.guard("test.Picker", "test.GuardedPicker", delegate, () -> nobody);

    assertEquals(7, GeneratedCode.call(asViewer, "pick", "ws", 7, "b"));
    assertThrows(
        AccessDeniedException.class, () -> GeneratedCode.call(asNobody, "pick", "ws", 7, "b"));
    assertEquals(List.of("pick"), delegate.calls);
    assertThat(
            code.compilation
                .generatedSourceFile("test.GuardedPicker")
                .orElseThrow()
                .getCharContent(true)
                .toString())
        .contains("public <N extends Number & Comparable<N>, R extends CharSequence> N pick(");
  }

  /** The Filer refused to write test.Permissions over the user's type: an [InternalError]. */
  @Test
  void typeNamedLikeAGeneratedConstantsClass_generatedNameClash() {
    JavaFileObject permissions =
        JavaFileObjects.forSourceString(
            "test.Permissions",
            """
        package test;
        public interface Permissions {}
        """);

    Compilation compilation =
        TestMatrices.compiler(TestMatrices.sourcePath(TestMatrices.SMALL))
            .compile(PACKAGE_INFO, permissions);

    assertOneError(
        compilation,
        "[GeneratedNameClash] @PermissionMatrix on package test generates test.Permissions,"
            + " but a type of that name already exists. Rename or move that type: a"
            + " @PermissionMatrix package receives Permissions, WorkspaceRoles, AccountRoles"
            + " and MatrixCapabilityTable",
        PACKAGE_INFO,
        "@PermissionMatrix(\"matrix.md\")");
  }

  /** What an earlier build generated (on the class path, with our marker) is no clash. */
  @Test
  void constantsFromAnEarlierBuildOnClassPath_replacedNotAClash() throws IOException {
    Compilation first =
        TestMatrices.compiler(TestMatrices.sourcePath(TestMatrices.SMALL))
            .compile(PACKAGE_INFO, things());
    assertThat(first).succeededWithoutWarnings();
    Path classes = Files.createTempDirectory("rolegate-earlier-build");
    ClassOutputs.copyClasses(first, classes);
    assertThat(Files.exists(classes.resolve("test/Permissions.class"))).isTrue();

    Compilation second =
        TestMatrices.compiler(TestMatrices.sourcePath(TestMatrices.SMALL))
            .withClasspath(ClassOutputs.classPathWith(classes))
            .compile(PACKAGE_INFO, things());

    assertThat(second).succeeded();
    assertThat(second).generatedSourceFile("test.Permissions");
    assertThat(second).generatedSourceFile("test.GuardedThings");
  }

  /** Things.Inner and Things_Inner both have the guard GuardedThings_Inner: an [InternalError]. */
  @Test
  void nestedAndFlatNamedInterfaces_sameGuardName_notProxyable() {
    JavaFileObject nested =
        JavaFileObjects.forSourceString(
            "test.Things",
            """
        package test;
        import dev.rolegate.annotations.*;
        public interface Things {
          @RequiresPermission(Permissions.VIEW_ACCOUNT)
          interface Inner {}
        }
        """);
    JavaFileObject flat =
        JavaFileObjects.forSourceString(
            "test.Things_Inner",
            """
        package test;
        import dev.rolegate.annotations.*;
        @RequiresPermission(Permissions.VIEW_ACCOUNT)
        public interface Things_Inner {}
        """);

    Compilation compilation =
        TestMatrices.compiler(TestMatrices.sourcePath(TestMatrices.SMALL))
            .compile(PACKAGE_INFO, nested, flat);

    assertOneError(
        compilation,
        "[GeneratedNameClash] @RequiresPermission cannot guard interface Things_Inner: its guard"
            + " would be test.GuardedThings_Inner, which is already the guard of"
            + " test.Things.Inner. Rename one of the two types: rolegate names the guard"
            + " of Outer.Inner GuardedOuter_Inner, in the same package",
        flat,
        "public interface Things_Inner");
  }

  /**
   * The guard declares static wrap(Things) and wrap(Things, PrincipalSource): it did not compile.
   */
  @Test
  void methodWithTheGuardsFactoryParameters_notProxyable() {
    JavaFileObject things =
        JavaFileObjects.forSourceString(
            "test.Things",
            """
        package test;
        import dev.rolegate.annotations.*;
        import dev.rolegate.runtime.PrincipalSource;
        @RequiresPermission(Permissions.VIEW_ACCOUNT)
        @BoundAccount
        public interface Things<T> {
          Things<String> wrap(Things<String> other);
          void wrap(Things<T> other, PrincipalSource source);
          void wrap(String other);
        }
        """);

    Compilation compilation =
        TestMatrices.compiler(TestMatrices.sourcePath(TestMatrices.SMALL))
            .compile(PACKAGE_INFO, things);

    assertErrors(
        compilation,
        2,
        "[NotProxyable] @RequiresPermission cannot guard method Things.wrap(Things) of"
            + " interface Things: it has the parameters of the guard's own factory method"
            + " GuardedThings.wrap. Rename the method, or change its parameters",
        things,
        "Things<String> wrap(");
    assertThat(compilation)
        .hadErrorContaining(
            "[NotProxyable] @RequiresPermission cannot guard method"
                + " Things.wrap(Things, PrincipalSource) of interface Things")
        .inFile(things)
        .onLineContaining("void wrap(Things<T> other");
  }

  /** A 70,000-byte description became a string constant javac refused in the generated table. */
  @Test
  void cellBeyondAStringConstant_matrixSyntax() {
    String huge = "\u65e5".repeat(25_000);
    String matrix = TestMatrices.SMALL.replace("See secrets.", huge);

    Compilation compilation =
        TestMatrices.compiler(TestMatrices.sourcePath(matrix)).compile(PACKAGE_INFO);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    String message =
        "[MatrixSyntax] matrix.md:8: a cell of this row is 75000 bytes long in"
            + " UTF-8; generated code holds each cell in a string constant of at most 65,535 bytes:"
            + " shorten it";
    assertThat(compilation)
        .hadErrorContaining(message)
        .inFile(PACKAGE_INFO)
        .onLineContaining("@PermissionMatrix(\"matrix.md\")");
    CompilationAssertions.assertErrorAtColumn(
        compilation, message, PACKAGE_INFO, "@PermissionMatrix(", 19);
  }

  /** The title is a string constant of the generated table too. */
  @Test
  void titleBeyondAStringConstant_matrixSyntax() {
    String matrix = TestMatrices.SMALL.replace("# Test Matrix", "# " + "\u00e9".repeat(40_000));

    Compilation compilation =
        TestMatrices.compiler(TestMatrices.sourcePath(matrix)).compile(PACKAGE_INFO);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    String message =
        "[MatrixSyntax] matrix.md:1: the title (the first # heading) is 80000 bytes"
            + " long in UTF-8; generated code holds it in a string constant of at most 65,535 bytes:"
            + " shorten it";
    CompilationAssertions.assertErrorAtColumn(
        compilation, message, PACKAGE_INFO, "@PermissionMatrix(", 19);
  }

  private static JavaFileObject things() {
    return JavaFileObjects.forSourceString(
        "test.Things",
        """
        package test;
        import dev.rolegate.annotations.*;
        public interface Things {
          @RequiresPermission(Permissions.VIEW_THINGS)
          void look(@WorkspaceId String ws);
        }
        """);
  }

  /**
   * A matrix of 1,500 permissions: the capability table is built statement by statement in methods
   * of a bounded size, since one builder expression 1,500 calls deep overflows javac's own stack
   * ("An exception has occurred in the compiler").
   */
  @Test
  void largeMatrix_tableCompiles_andEveryPermissionIsChecked() throws Throwable {
    int size = 1_500;
    StringBuilder text =
        new StringBuilder("# Large\n\n| Permission | Level | Includes |\n|---|---|---|\n");
    for (int i = 0; i < size; i++) {
      text.append(
          String.format(
              "| P%04d | workspace | %s |%n", i, i == 0 ? "" : String.format("P%04d", i - 1)));
    }
    text.append(
        String.format(
            "%n| Role | Level | Inherits | Grants |%n|---|---|---|---|%n| TOP | workspace | | P%04d |%n"
                + "| BOTTOM | workspace | | P0000 |%n| MEMBER | account (default) | | |%n",
            size - 1));
    JavaFileObject service =
        JavaFileObjects.forSourceString(
            "test.Things",
            """
        package test;
        import dev.rolegate.annotations.*;
        public interface Things {
          @RequiresPermission("P1499")
          String top(@WorkspaceId String ws);
        }
        """);
    Compilation compilation =
        TestMatrices.compiler(TestMatrices.sourcePath(text.toString()))
            .compile(TestMatrices.packageInfo(), service);
    assertThat(compilation).succeededWithoutWarnings();
    GeneratedCode code = GeneratedCode.of(compilation);
    Matrix matrix = code.matrix();
    assertEquals(size, matrix.permissions().size());
    assertEquals(size, matrix.workspaceRole("TOP").orElseThrow().permissions().size());
    Recorder delegate = new Recorder((method, args) -> "ok");
    Principal top =
        Principal.user("t")
            .matrix(matrix)
            .directory(GeneratedCode.ACME)
            .workspaceRole("ws", "TOP")
            .build();
    Principal bottom =
        Principal.user("b")
            .matrix(matrix)
            .directory(GeneratedCode.ACME)
            .workspaceRole("ws", "BOTTOM")
            .build();
    assertEquals(
        "ok",
        GeneratedCode.call(
            code.guard("test.Things", "test.GuardedThings", delegate, () -> top), "top", "ws"));
    assertThrows(
        AccessDeniedException.class,
        () ->
            GeneratedCode.call(
                code.guard("test.Things", "test.GuardedThings", delegate, () -> bottom),
                "top",
                "ws"));
    assertEquals(List.of("top"), delegate.calls);
  }
}
