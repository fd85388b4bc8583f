package dev.rolegate.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.rolegate.processor.CompilationAssertions.assertErrorAtColumn;
import static dev.rolegate.processor.CompilationAssertions.assertErrors;
import static dev.rolegate.processor.CompilationAssertions.assertOneError;
import static dev.rolegate.processor.TestMatrices.compile;
import static dev.rolegate.processor.TestMatrices.source;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

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

  /** Types a guard cannot wrap, or methods it cannot intercept: type, source, message, line. */
  static Stream<Arguments> notProxyableTypes() {
    return Stream.of(
        argumentSet(
            "notProxyable_privateInterfaceMethod_reportedOnAnnotation",
            "Things",
            """
            public interface Things {
              @RequiresPermission("VIEW_THINGS")
              void look(@WorkspaceId String workspace);

              @RequiresPermission("EDIT_THINGS")
              private void helper() {}
            }
            """,
            "[NotProxyable] @RequiresPermission cannot guard private method helper(): a guard"
                + " can only intercept calls to instance methods it overrides. Make it a"
                + " non-private instance method, or remove @RequiresPermission",
            "EDIT_THINGS"),
        argumentSet(
            "notProxyable_finalClass_reportedOnceOnTheClass",
            "Things",
            """
            public final class Things {
              @RequiresPermission("VIEW_THINGS")
              public void look() {}

              @RequiresPermission("EDIT_THINGS")
              public void edit() {}
            }
            """,
            "[NotProxyable] @RequiresPermission cannot guard final class Things: " + NON_FINAL,
            "public final class Things"),
        argumentSet(
            "notProxyable_enum_reportedOnAnnotation",
            "Things",
            """
            public enum Things {
              ONLY;

              @RequiresPermission("VIEW_THINGS")
              public void look() {}
            }
            """,
            "[NotProxyable] @RequiresPermission cannot guard enum Things: an enum"
                + " cannot be extended, so no guard can subclass it. Extract an interface with the"
                + " guarded methods, annotate it, and wrap the enum with that interface's Guarded"
                + " type",
            "public enum Things"),
        argumentSet(
            "notProxyable_privateInterface_saysMakeItPackagePrivate",
            "Outer",
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
        argumentSet(
            "notProxyable_interfaceInPrivateClass_namesEnclosingType",
            "Outer",
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

  /** Interface methods a guard would leave open: type, source, message and line. */
  static Stream<Arguments> unprotectedMethods() {
    return Stream.of(
        argumentSet(
            "unprotectedMethod_default_reportedOnMethod",
            "Things",
            """
            public interface Things {
              @RequiresPermission("VIEW_THINGS")
              void look(@WorkspaceId String workspace);

              default void touch() {}
            }
            """,
            "[UnprotectedMethod] Things.touch() has neither @RequiresPermission nor @Unguarded,"
                + " so GuardedThings would leave it open.",
            "default void touch()"),
        argumentSet(
            "unprotectedMethod_inheritedFromUnannotatedInterface_reportedOnSubinterface",
            "Things",
            """
            interface Base {
              void touch();
            }

            public interface Things extends Base {
              @RequiresPermission("VIEW_THINGS")
              void look(@WorkspaceId String workspace);
            }
            """,
            "[UnprotectedMethod] method Base.touch(), inherited by Things, has neither"
                + " @RequiresPermission nor @Unguarded, so GuardedThings would leave it open."
                + " Redeclare it in Things with @RequiresPermission(...) or"
                + " @Unguarded(reason = \"...\"), or put @RequiresPermission on Things as the"
                + " default for every method it has",
            "public interface Things extends Base"));
  }

  /** Parameters {@code @WorkspaceId} cannot mark: type, source, message and line. */
  static Stream<Arguments> workspaceIdMisuses() {
    return Stream.of(
        argumentSet(
            "workspaceIdMisuse_onObject_namesType",
            "Things",
            """
            public interface Things {
              @RequiresPermission("VIEW_THINGS")
              void look(
                  @WorkspaceId Object workspace);
            }
            """,
            "[WorkspaceIdMisuse] @WorkspaceId on parameter workspace of look() of type"
                + " java.lang.Object. A workspace id is a String or a java.util.UUID",
            "@WorkspaceId Object workspace"));
  }

  /** Mistakes reported at the column of the element: type, source, message, line, column. */
  static Stream<Arguments> errorsAtAColumn() {
    return Stream.of(
        argumentSet(
            "notProxyable_staticInterfaceMethod_reportedOnAnnotation",
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
            """,
            "[NotProxyable] @RequiresPermission cannot guard static method none(): a guard can only"
                + " intercept calls to instance methods it overrides. Make it a non-static instance"
                + " method, or remove @RequiresPermission",
            "EDIT",
            3),
        argumentSet(
            "notProxyable_typeLevelOnFinalClass_reportedOnTypeAnnotation",
            "Things",
            """
            @RequiresPermission("VIEW_THINGS")
            public final class Things {
              public void look(@WorkspaceId String workspace) {}
            }
            """,
            "[NotProxyable] @RequiresPermission cannot guard final class Things: " + NON_FINAL,
            "@Req",
            1),
        argumentSet(
            "unprotectedMethod_abstract_reportedOnMethod",
            "Things",
            """
            public interface Things {
              @RequiresPermission("VIEW_THINGS")
              void look(@WorkspaceId String workspace);

              void touch();
            }
            """,
            "[UnprotectedMethod] Things.touch() has neither @RequiresPermission nor @Unguarded, so"
                + " GuardedThings would leave it open. Add @RequiresPermission(...) to it (or to its"
                + " type as a default), or @Unguarded(reason = \"...\") if it is meant to be open",
            "touch",
            8),
        argumentSet(
            "workspaceIdMisuse_twice_reportedOnSecond",
            "Things",
            """
            public interface Things {
              @RequiresPermission("VIEW_THINGS")
              void look(
                  @WorkspaceId String workspace,
                  @WorkspaceId String other);
            }
            """,
            "[WorkspaceIdMisuse] @WorkspaceId marks both workspace and parameter other of look(). A"
                + " call acts on one workspace: keep @WorkspaceId on one parameter",
            "other",
            7),
        argumentSet(
            "workspaceIdMisuse_onInt_reportedOnAnnotation",
            "Things",
            """
            public interface Things {
              @RequiresPermission("VIEW_THINGS")
              void look(
                  @WorkspaceId int workspace);
            }
            """,
            "[WorkspaceIdMisuse] @WorkspaceId on parameter workspace of look() of type int. A"
                + " workspace id is a String or a java.util.UUID, or a type that carries one (see"
                + " @WorkspaceId): change the parameter's type or move the annotation",
            "@WorkspaceId int",
            7));
  }

  /** Types guarded without a warning: type, source and the guard generated. */
  static Stream<Arguments> guardedTypes() {
    return Stream.of(
        argumentSet(
            "methodOfClass_generatesSubclassGuard",
            "Things",
            """
            public class Things {
              @RequiresPermission("VIEW_THINGS")
              public void look(@WorkspaceId String workspace) {}
            }
            """,
            "test.GuardedThings"),
        argumentSet(
            "typeLevelPermission_coversUnannotatedMethods_compilesClean",
            "Things",
            """
            @RequiresPermission("VIEW_THINGS")
            public interface Things {
              void look(@WorkspaceId String workspace);

              default void peek(@WorkspaceId String workspace) {}

              @RequiresPermission("EDIT_THINGS")
              void edit(@WorkspaceId String workspace);
            }
            """,
            "test.GuardedThings"),
        argumentSet(
            "unguarded_withReason_compilesClean",
            "Things",
            """
            public interface Things {
              @RequiresPermission("VIEW_THINGS")
              void look(@WorkspaceId String workspace);

              @Unguarded(reason = "liveness probe, reads nothing")
              String ping();
            }
            """,
            "test.GuardedThings"),
        argumentSet(
            "workspaceId_stringAndUuid_compileClean",
            "Things",
            """
            public interface Things {
              @RequiresPermission("VIEW_THINGS")
              void look(@WorkspaceId String workspace, String id);

              @RequiresPermission("EDIT_THINGS")
              void edit(String id, @WorkspaceId java.util.UUID workspace);
            }
            """,
            "test.GuardedThings"));
  }

  /**
   * One source whose mistake is one error, {@code message}, on the line containing {@code line}.
   */
  @ParameterizedTest
  @MethodSource({"notProxyableTypes", "unprotectedMethods", "workspaceIdMisuses"})
  void oneError(String type, String body, String message, String line) {
    JavaFileObject source = source(type, body);

    Compilation compilation = compile(source);

    assertOneError(compilation, message, source, line);
  }

  /**
   * One source whose mistake is one error, {@code message}, at {@code column} of the line
   * containing {@code line}.
   */
  @ParameterizedTest
  @MethodSource("errorsAtAColumn")
  void oneErrorAtColumn(String type, String body, String message, String line, int column) {
    JavaFileObject source = source(type, body);

    Compilation compilation = compile(source);

    assertOneError(compilation, message, source, line);
    assertErrorAtColumn(compilation, message, source, line, column);
  }

  /** A type a guard covers in full: it compiles clean and gets its guard. */
  @ParameterizedTest
  @MethodSource("guardedTypes")
  void guardedWithoutWarnings(String type, String body, String guard) {
    Compilation compilation = compile(source(type, body));

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile(guard);
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

    Compilation second = TestMatrices.compileWithClassPath(classes, source);

    assertThat(second).succeeded();
    assertThat(second).generatedSourceFile("test.GuardedThings");
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
}
