package dev.rolegate.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.rolegate.processor.CompilationAssertions.assertErrorAtColumn;
import static dev.rolegate.processor.CompilationAssertions.assertErrors;
import static dev.rolegate.processor.CompilationAssertions.assertOneError;
import static dev.rolegate.processor.TestMatrices.compile;
import static dev.rolegate.processor.TestMatrices.packageInfo;
import static dev.rolegate.processor.TestMatrices.source;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code [NotProxyable]}, {@code [UnprotectedMethod]} and {@code [WorkspaceIdMisuse]}: what a guard
 * cannot wrap, what it would leave open, and how a call names its workspace.
 */
class ProxyabilityValidationTest {
  private static final String NON_FINAL =
      "a class guard extends the class it guards. Make the class non-final, or guard an interface"
          + " it implements instead";

  @Test
  void notProxyable_staticInterfaceMethod_reportedOnAnnotation() {
    JavaFileObject source =
        source(
            "Things",
            """
            public interface Things {
              @RequiresPermission("VIEW_THINGS")
              void look(@WorkspaceId String workspace);

              @RequiresPermission("EDIT_THINGS")
              static Things none() {
                return null;
              }
            }
            """);

    Compilation compilation = compile(source);

    String message =
        "[NotProxyable] @RequiresPermission cannot guard static method none(): a guard can only"
            + " intercept calls to instance methods it overrides. Make it a non-static instance"
            + " method, or remove @RequiresPermission";
    assertOneError(compilation, message, source, "EDIT");
    assertErrorAtColumn(compilation, message, source, "EDIT", 3);
  }

  @Test
  void notProxyable_privateInterfaceMethod_reportedOnAnnotation() {
    JavaFileObject source =
        source(
            "Things",
            """
            public interface Things {
              @RequiresPermission("VIEW_THINGS")
              void look(@WorkspaceId String workspace);

              @RequiresPermission("EDIT_THINGS")
              private void helper() {}
            }
            """);

    Compilation compilation = compile(source);

    assertOneError(
        compilation,
        "[NotProxyable] @RequiresPermission cannot guard private method helper(): a guard"
            + " can only intercept calls to instance methods it overrides. Make it a"
            + " non-private instance method, or remove @RequiresPermission",
        source,
        "EDIT_THINGS");
  }

  @Test
  void methodOfClass_generatesSubclassGuard() {
    JavaFileObject source =
        source(
            "Things",
            """
            public class Things {
              @RequiresPermission("VIEW_THINGS")
              public void look(@WorkspaceId String workspace) {}
            }
            """);

    Compilation compilation = compile(source);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.GuardedThings");
  }

  @Test
  void notProxyable_finalClass_reportedOnceOnTheClass() {
    JavaFileObject source =
        source(
            "Things",
            """
            public final class Things {
              @RequiresPermission("VIEW_THINGS")
              public void look() {}

              @RequiresPermission("EDIT_THINGS")
              public void edit() {}
            }
            """);

    Compilation compilation = compile(source);

    assertOneError(
        compilation,
        "[NotProxyable] @RequiresPermission cannot guard final class Things: " + NON_FINAL,
        source,
        "public final class Things");
  }

  @Test
  void notProxyable_enum_reportedOnAnnotation() {
    JavaFileObject source =
        source(
            "Things",
            """
            public enum Things {
              ONLY;

              @RequiresPermission("VIEW_THINGS")
              public void look() {}
            }
            """);

    Compilation compilation = compile(source);

    assertOneError(
        compilation,
        "[NotProxyable] @RequiresPermission cannot guard enum Things: an enum"
            + " cannot be extended, so no guard can subclass it. Extract an interface with the"
            + " guarded methods, annotate it, and wrap the enum with that interface's Guarded"
            + " type",
        source,
        "public enum Things");
  }

  @Test
  void notProxyable_typeLevelOnFinalClass_reportedOnTypeAnnotation() {
    JavaFileObject source =
        source(
            "Things",
            """
            @RequiresPermission("VIEW_THINGS")
            public final class Things {
              public void look(@WorkspaceId String workspace) {}
            }
            """);

    Compilation compilation = compile(source);

    String message =
        "[NotProxyable] @RequiresPermission cannot guard final class Things: " + NON_FINAL;
    assertOneError(compilation, message, source, "@Req");
    assertErrorAtColumn(compilation, message, source, "@Req", 1);
  }

  /**
   * An interface a guard in its package cannot implement because it, or a type around it, is
   * private: the source of Outer, the message, and the line it is reported on.
   */
  static Stream<Arguments> privateInterfaces() {
    return Stream.of(
        Arguments.of(
            """
            public class Outer {
              private interface Things {
                @RequiresPermission("VIEW_THINGS")
                void look();
              }
            }
            """,
            "[NotProxyable] @RequiresPermission cannot guard interface Things: it is private, so a"
                + " guard in its package cannot implement it. Make it package-private or public",
            "private interface Things"),
        Arguments.of(
            """
            public class Outer {
              private static class Middle {
                interface Things {
                  @RequiresPermission("VIEW_THINGS")
                  void look();
                }
              }
            }
            """,
            "[NotProxyable] @RequiresPermission cannot guard interface Things: its enclosing type"
                + " Middle is private, so a guard in its package cannot implement it. Make it"
                + " package-private or public",
            "interface Things {"));
  }

  @ParameterizedTest
  @MethodSource("privateInterfaces")
  void notProxyable_privateInterface_saysMakeItPackagePrivate(
      String outer, String message, String line) {
    JavaFileObject source = source("Outer", outer);

    Compilation compilation = compile(source);

    assertOneError(compilation, message, source, line);
  }

  @Test
  void generatedNameClash_guardNameTakenByUserType_reportedOnInterface() {
    JavaFileObject source =
        source(
            "Things",
            """
            public interface Things {
              @RequiresPermission("VIEW_THINGS")
              void look(@WorkspaceId String workspace);
            }
            """);
    JavaFileObject taken = source("GuardedThings", "public class GuardedThings {}\n");

    Compilation compilation = compile(source, taken);

    assertOneError(
        compilation,
        "[GeneratedNameClash] @RequiresPermission cannot guard interface Things: its guard would be"
            + " test.GuardedThings, but a type of that name already exists. Rename or move"
            + " that type: rolegate names the guard of Outer.Inner GuardedOuter_Inner, in the"
            + " same package",
        source,
        "public interface Things");
  }

  @Test
  void guardFromEarlierBuildOnClassPath_isReplacedNotAClash() throws IOException {
    JavaFileObject source =
        source(
            "Things",
            """
            public interface Things {
              @RequiresPermission("VIEW_THINGS")
              void look(@WorkspaceId String workspace);
            }
            """);
    Compilation first = compile(source);
    assertThat(first).succeededWithoutWarnings();
    Path classes = Files.createTempDirectory("rolegate-earlier-build");
    ClassOutputs.copyClasses(first, classes);
    assertThat(Files.exists(classes.resolve("test/GuardedThings.class"))).isTrue();

    Compilation second =
        TestMatrices.compiler(TestMatrices.sourcePath(TestMatrices.SMALL))
            .withClasspath(ClassOutputs.classPathWith(classes))
            .compile(packageInfo(), source);

    assertThat(second).succeeded();
    assertThat(second).generatedSourceFile("test.GuardedThings");
  }

  @Test
  void unprotectedMethod_abstract_reportedOnMethod() {
    JavaFileObject source =
        source(
            "Things",
            """
            public interface Things {
              @RequiresPermission("VIEW_THINGS")
              void look(@WorkspaceId String workspace);

              void touch();
            }
            """);

    Compilation compilation = compile(source);

    String message =
        "[UnprotectedMethod] Things.touch() has neither @RequiresPermission nor @Unguarded, so"
            + " GuardedThings would leave it open. Add @RequiresPermission(...) to it (or to its"
            + " type as a default), or @Unguarded(reason = \"...\") if it is meant to be open";
    assertOneError(compilation, message, source, "touch");
    assertErrorAtColumn(compilation, message, source, "touch", 8);
  }

  @Test
  void unprotectedMethod_default_reportedOnMethod() {
    JavaFileObject source =
        source(
            "Things",
            """
            public interface Things {
              @RequiresPermission("VIEW_THINGS")
              void look(@WorkspaceId String workspace);

              default void touch() {}
            }
            """);

    Compilation compilation = compile(source);

    assertOneError(
        compilation,
        "[UnprotectedMethod] Things.touch() has neither @RequiresPermission nor @Unguarded,"
            + " so GuardedThings would leave it open.",
        source,
        "default void touch()");
  }

  @Test
  void unprotectedMethod_inheritedFromUnannotatedInterface_reportedOnSubinterface() {
    JavaFileObject source =
        source(
            "Things",
            """
            interface Base {
              void touch();
            }

            public interface Things extends Base {
              @RequiresPermission("VIEW_THINGS")
              void look(@WorkspaceId String workspace);
            }
            """);

    Compilation compilation = compile(source);

    assertOneError(
        compilation,
        "[UnprotectedMethod] method Base.touch(), inherited by Things, has neither"
            + " @RequiresPermission nor @Unguarded, so GuardedThings would leave it open."
            + " Redeclare it in Things with @RequiresPermission(...) or"
            + " @Unguarded(reason = \"...\"), or put @RequiresPermission on Things as the"
            + " default for every method it has",
        source,
        "public interface Things extends Base");
  }

  @Test
  void typeLevelPermission_coversUnannotatedMethods_compilesClean() {
    JavaFileObject source =
        source(
            "Things",
            """
            @RequiresPermission("VIEW_THINGS")
            public interface Things {
              void look(@WorkspaceId String workspace);

              default void peek(@WorkspaceId String workspace) {}

              @RequiresPermission("EDIT_THINGS")
              void edit(@WorkspaceId String workspace);
            }
            """);

    Compilation compilation = compile(source);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.GuardedThings");
  }

  @Test
  void unguarded_withReason_compilesClean() {
    JavaFileObject source =
        source(
            "Things",
            """
            public interface Things {
              @RequiresPermission("VIEW_THINGS")
              void look(@WorkspaceId String workspace);

              @Unguarded(reason = "liveness probe, reads nothing")
              String ping();
            }
            """);

    Compilation compilation = compile(source);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.GuardedThings");
  }

  @Test
  void workspaceIdMisuse_twice_reportedOnSecond() {
    JavaFileObject source =
        source(
            "Things",
            """
            public interface Things {
              @RequiresPermission("VIEW_THINGS")
              void look(
                  @WorkspaceId String workspace,
                  @WorkspaceId String other);
            }
            """);

    Compilation compilation = compile(source);

    String message =
        "[WorkspaceIdMisuse] @WorkspaceId marks both workspace and parameter other of look(). A"
            + " call acts on one workspace: keep @WorkspaceId on one parameter";
    assertOneError(compilation, message, source, "other");
    assertErrorAtColumn(compilation, message, source, "other", 7);
  }

  @Test
  void workspaceIdMisuse_onInt_reportedOnAnnotation() {
    JavaFileObject source =
        source(
            "Things",
            """
            public interface Things {
              @RequiresPermission("VIEW_THINGS")
              void look(
                  @WorkspaceId int workspace);
            }
            """);

    Compilation compilation = compile(source);

    String message =
        "[WorkspaceIdMisuse] @WorkspaceId on parameter workspace of look() of type int. A"
            + " workspace id is a String or a java.util.UUID, or a type that carries one (see"
            + " @WorkspaceId): change the parameter's type or move the annotation";
    assertOneError(compilation, message, source, "@WorkspaceId int");
    assertErrorAtColumn(compilation, message, source, "@WorkspaceId int", 7);
  }

  @Test
  void workspaceIdMisuse_onObject_namesType() {
    JavaFileObject source =
        source(
            "Things",
            """
            public interface Things {
              @RequiresPermission("VIEW_THINGS")
              void look(
                  @WorkspaceId Object workspace);
            }
            """);

    Compilation compilation = compile(source);

    assertOneError(
        compilation,
        "[WorkspaceIdMisuse] @WorkspaceId on parameter workspace of look() of type"
            + " java.lang.Object. A workspace id is a String or a java.util.UUID",
        source,
        "@WorkspaceId Object workspace");
  }

  @Test
  void workspaceIdMisuse_andUnknownPermission_bothReported() {
    JavaFileObject source =
        source(
            "Things",
            """
            public interface Things {
              @RequiresPermission("VIEW_THING")
              void look(
                  @WorkspaceId long workspace);
            }
            """);

    Compilation compilation = compile(source);

    assertErrors(
        compilation,
        2,
        "[WorkspaceIdMisuse] @WorkspaceId on parameter workspace",
        source,
        "@WorkspaceId long workspace");
    assertThat(compilation)
        .hadErrorContaining("[UnknownPermission] \"VIEW_THING\" is not a permission")
        .inFile(source)
        .onLineContaining("@RequiresPermission");
  }

  @Test
  void workspaceId_stringAndUuid_compileClean() {
    JavaFileObject source =
        source(
            "Things",
            """
            public interface Things {
              @RequiresPermission("VIEW_THINGS")
              void look(@WorkspaceId String workspace, String id);

              @RequiresPermission("EDIT_THINGS")
              void edit(String id, @WorkspaceId java.util.UUID workspace);
            }
            """);

    Compilation compilation = compile(source);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.GuardedThings");
  }
}
