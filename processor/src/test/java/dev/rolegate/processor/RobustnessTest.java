package dev.rolegate.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The processor never crashes {@code javac}: an unexpected exception becomes one {@code
 * [InternalError]} diagnostic, and a broken annotation value leaves javac's own error alone.
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

            public interface Things {
              @RequiresPermission("VIEW_THINGS")
              void look();
            }
            """);
    RolegateProcessor failing =
        new RolegateProcessor(
            service -> {
              throw new IllegalStateException("boom while guarding " + service.guardName());
            });

    Compilation compilation =
        Compiler.javac()
            .withProcessors(failing)
            .withOptions("-sourcepath", TestMatrices.sourcePath(TestMatrices.SMALL).toString())
            .compile(PACKAGE_INFO, source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[InternalError] rolegate failed while processing test.Things:"
                + " java.lang.IllegalStateException: boom while guarding test.GuardedThings. This"
                + " is a bug in rolegate, not in your code; please report it with this message at"
                + " https://github.com/rolegate/rolegate/issues.")
        .inFile(source)
        .onLineContaining("public interface Things");
    assertThat(compilation).hadErrorContaining("Stack trace:");
    assertThat(compilation).hadErrorContaining("at dev.rolegate.processor.RobustnessTest");
    assertThat(compilation).generatedSourceFile("test.Permissions");
  }

  @Test
  void undefinedSymbolInAnnotation_onlyJavacsOwnError() {
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

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("cannot find symbol")
        .inFile(source)
        .onLineContaining("@RequiresPermission(Nope.X)");
    assertThat(compilation).hadErrorContaining("symbol:   variable Nope");
    for (Diagnostic<? extends JavaFileObject> error : compilation.errors()) {
      assertThat(error.getMessage(null)).doesNotContain("[");
    }
    assertThat(compilation.generatedSourceFile("test.GuardedThings")).isEmpty();
  }
}
