package dev.rolegate.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.rolegate.processor.CompilationAssertions.assertErrors;
import static dev.rolegate.processor.CompilationAssertions.assertOneError;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The processor never crashes {@code javac}: an unexpected exception becomes one {@code
 * [InternalError]} diagnostic, and an undefined symbol in {@code @RequiresPermission} keeps javac's
 * own error.
 */
class RobustnessTest {
  private static final JavaFileObject PACKAGE_INFO =
      JavaFileObjects.forSourceString(
          "test.package-info",
          """
          @PermissionMatrix("matrix.md")
          package test;

          import dev.rolegate.annotations.PermissionMatrix;
          """);

  @Test
  void internalError_failingCollaborator_reportedOnceOnTypeWithoutCrashingJavac() {
    JavaFileObject source =
        JavaFileObjects.forSourceString(
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
    RolegateProcessor failing =
        new RolegateProcessor(
            service -> {
              throw new IllegalStateException("boom while guarding " + service.guardName());
            });

    // compile-testing rethrows what escapes a processor, so getting a Compilation back at all
    // shows that javac did not crash.
    Compilation compilation =
        Compiler.javac()
            .withProcessors(failing)
            .withOptions("-sourcepath", TestMatrices.sourcePath(TestMatrices.SMALL).toString())
            .compile(PACKAGE_INFO, source);

    assertOneError(
        compilation,
        "[InternalError] rolegate failed while processing test.Things:"
            + " java.lang.IllegalStateException: boom while guarding test.GuardedThings. This"
            + " is a bug in rolegate, not in your code; please report it with this message at"
            + " https://github.com/rolegate/rolegate/issues.",
        source,
        "public interface Things");
    assertThat(compilation).hadErrorContaining("Stack trace:");
    assertThat(compilation).hadErrorContaining("at dev.rolegate.processor.RobustnessTest");
  }

  /**
   * javac reports the undefined symbol itself, after processing. The processor cannot see that
   * pending error ({@code RoundEnvironment.errorRaised()} is false for it), so it also reports the
   * type it never guarded, once, as {@code [UnresolvedTypes]}.
   */
  @Test
  void undefinedSymbolInAnnotation_javacsErrorAndOneUnresolvedTypes_noInternalError() {
    JavaFileObject source =
        JavaFileObjects.forSourceString(
            "test.Things",
            """
            package test;

            import dev.rolegate.annotations.RequiresPermission;

            public interface Things {
              @RequiresPermission(Nope.X)
              void look();
            }
            """);

    Compilation compilation =
        TestMatrices.compiler(TestMatrices.sourcePath(TestMatrices.SMALL))
            .compile(PACKAGE_INFO, source);

    assertErrors(
        compilation,
        2,
        "cannot find symbol\n  symbol:   variable Nope",
        source,
        "@RequiresPermission(Nope.X)");
    assertThat(compilation)
        .hadErrorContaining(
            "[UnresolvedTypes] test.Things was not guarded because its @RequiresPermission values"
                + " never resolved. Check that the constants it names exist and compile")
        .inFile(source)
        .onLineContaining("public interface Things");
    for (Diagnostic<? extends JavaFileObject> error : compilation.errors()) {
      assertThat(error.getMessage(null)).doesNotContain("[InternalError]");
    }
  }
}
