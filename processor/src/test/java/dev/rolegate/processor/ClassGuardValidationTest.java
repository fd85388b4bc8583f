package dev.rolegate.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.rolegate.processor.CompilationAssertions.assertErrorAtColumn;
import static dev.rolegate.processor.CompilationAssertions.assertErrors;
import static dev.rolegate.processor.CompilationAssertions.assertOneError;
import static dev.rolegate.processor.TestMatrices.compile;
import static dev.rolegate.processor.TestMatrices.source;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
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
 * What a class guard cannot extend ({@code [NotProxyable]}) and what it would leave open ({@code
 * [UnprotectedMethod]}): each error with its count, message and line. Final classes and enums are
 * in {@link ProxyabilityValidationTest}.
 */
class ClassGuardValidationTest {
  private static final String EXTRACT =
      "Extract an interface with the guarded methods, annotate"
          + " it, and wrap the %s with that interface's Guarded type";

  /** Classes a guard cannot extend: type, source, message and the line it is on. */
  static Stream<Arguments> notProxyableClasses() {
    return Stream.of(
        argumentSet(
            "notProxyable_sealedClass_saysUnsealOrGuardAnInterface",
            "Things",
            """
            public sealed class Things permits Things.Only {
              @RequiresPermission("VIEW_THINGS")
              public void look(@WorkspaceId String workspace) {}

              public static final class Only extends Things {}
            }
            """,
            "[NotProxyable] @RequiresPermission cannot guard"
                + " sealed class Things: a class guard extends the class it guards, and a sealed class"
                + " permits only the subclasses it lists. Unseal it (remove sealed and its permits"
                + " clause), or annotate an interface it implements and wrap the implementation with"
                + " that interface's Guarded type",
            "public sealed class Things"),
        argumentSet(
            "notProxyable_abstractClassWithAbstractMethods_namesThem",
            "Things",
            """
            public abstract class Things {
              @RequiresPermission("VIEW_THINGS")
              public void look(@WorkspaceId String workspace) {}

              public abstract void touch();

              protected abstract void poke();
            }
            """,
            "[NotProxyable] @RequiresPermission cannot guard"
                + " abstract class Things: a guard must be a concrete class, but Things leaves"
                + " abstract methods Things.touch(), Things.poke() unimplemented. Implement them in"
                + " Things, or guard a concrete subclass instead",
            "public abstract class Things"),
        argumentSet(
            "notProxyable_abstractClassLeavingInterfaceMethodOpen_namesIt",
            "Things",
            """
            @RequiresPermission("VIEW_THINGS")
            public abstract class Things implements Runnable {
              public void look(@WorkspaceId String workspace) {}
            }
            """,
            "[NotProxyable] @RequiresPermission cannot guard abstract class"
                + " Things: a guard must be a concrete class, but Things leaves abstract method"
                + " Runnable.run() unimplemented. Implement it in Things, or guard a concrete subclass"
                + " instead",
            "@RequiresPermission"),
        argumentSet(
            "notProxyable_innerClass_saysMakeItStatic",
            "Outer",
            """
            public class Outer {
              public class Things {
                @RequiresPermission("VIEW_THINGS")
                public void look(@WorkspaceId String workspace) {}
              }
            }
            """,
            "[NotProxyable] @RequiresPermission cannot guard"
                + " inner class Things: a guard cannot extend a non-static inner class, whose"
                + " instances need an instance of Outer. Make it static",
            "public class Things"),
        argumentSet(
            "notProxyable_privateNestedClass_saysMakeItPackagePrivate",
            "Outer",
            """
            public class Outer {
              private static class Things {
                @RequiresPermission("VIEW_THINGS")
                public void look(@WorkspaceId String workspace) {}
              }
            }
            """,
            "[NotProxyable] @RequiresPermission cannot guard"
                + " class Things: it is private, so a guard in its package cannot extend it. Make it"
                + " package-private or public",
            "private static class Things"),
        argumentSet(
            "notProxyable_classInPrivateClass_namesEnclosingType",
            "Outer",
            """
            public class Outer {
              private static class Middle {
                static class Things {
                  @RequiresPermission("VIEW_THINGS")
                  public void look(@WorkspaceId String workspace) {}
                }
              }
            }
            """,
            "[NotProxyable] @RequiresPermission cannot guard"
                + " class Things: its enclosing type Middle is private, so a guard in its package"
                + " cannot extend it. Make it package-private or public",
            "static class Things"),
        argumentSet(
            "notProxyable_noAccessibleConstructor_saysAddOne",
            "Things",
            """
            public class Things {
              private Things() {}

              @RequiresPermission("VIEW_THINGS")
              public void look(@WorkspaceId String workspace) {}

              @RequiresPermission("EDIT_THINGS")
              public void edit(@WorkspaceId String workspace) {}
            }
            """,
            "[NotProxyable] @RequiresPermission cannot guard class Things:"
                + " it has no non-private constructor, so a guard cannot call super(...). Add a"
                + " non-private constructor",
            "public class Things"),
        argumentSet(
            "notProxyable_record_saysExtractAnInterface",
            "Things",
            """
            public record Things(String name) {
              @RequiresPermission("VIEW_THINGS")
              public void look(@WorkspaceId String workspace) {}

              @RequiresPermission("EDIT_THINGS")
              public void edit(@WorkspaceId String workspace) {}
            }
            """,
            "[NotProxyable] @RequiresPermission cannot guard"
                + " record Things: a record cannot be extended, so no guard can subclass it. "
                + String.format(EXTRACT, "record"),
            "public record Things"),
        argumentSet(
            "notProxyable_annotationType_saysRemoveIt",
            "Things",
            """
            public @interface Things {
              @RequiresPermission("VIEW_THINGS")
              String value();
            }
            """,
            "[NotProxyable] @RequiresPermission cannot guard"
                + " annotation type Things: an annotation type has no service methods for a guard to"
                + " intercept. Remove @RequiresPermission from it",
            "public @interface Things"));
  }

  /** Methods a class guard would leave open: type, source, message and line. */
  static Stream<Arguments> unprotectedMethods() {
    return Stream.of(
        argumentSet(
            "unprotectedMethod_finalMethodWithoutAnnotation_saysItCannotBeGuarded",
            "Things",
            """
            @RequiresPermission("VIEW_THINGS")
            public class Things {
              public void look(@WorkspaceId String workspace) {}

              public final void close() {}

              @Unguarded(reason = "reads nothing")
              public final String name() { return "things"; }
            }
            """,
            "[UnprotectedMethod] Things.close() is final, so GuardedThings cannot"
                + " override it to check the caller and would leave it open. Make it non-final so"
                + " that the guard can check it, or mark it @Unguarded(reason = \"...\") if it is"
                + " meant to be open",
            "public final void close()"),
        argumentSet(
            "unprotectedMethod_finalMethodOfSuperclassCompiledHere_reportedOnIt",
            "Things",
            """
            class Base {
              public final void close() {}
            }

            public class Things extends Base {
              @RequiresPermission("VIEW_THINGS")
              public void look(@WorkspaceId String workspace) {}
            }
            """,
            "[UnprotectedMethod] Base.close() is final, so GuardedThings cannot"
                + " override it to check the caller and would leave it open.",
            "public final void close()"),
        argumentSet(
            "unprotectedMethod_finalMethodOfGuardedSuperclass_reportedOnceNamingItsGuard",
            "Things",
            """
            class Base {
              @RequiresPermission("EDIT_THINGS")
              public void edit(@WorkspaceId String workspace) {}

              public final void close() {}
            }

            public class Things extends Base {
              @RequiresPermission("VIEW_THINGS")
              public void look(@WorkspaceId String workspace) {}
            }
            """,
            "[UnprotectedMethod] Base.close() is final, so GuardedBase cannot"
                + " override it to check the caller and would leave it open.",
            "public final void close()"),
        argumentSet(
            "unprotectedMethod_interfaceDefaultMethodInherited_saysOverrideIt",
            "Things",
            """
            interface Greeting {
              default String greet() { return "hi"; }
            }

            public class Things implements Greeting {
              @RequiresPermission("VIEW_THINGS")
              public void look(@WorkspaceId String workspace) {}
            }
            """,
            "[UnprotectedMethod] method Greeting.greet(), inherited by Things, has"
                + " neither @RequiresPermission nor @Unguarded, so GuardedThings would leave it open."
                + " Override it in Things",
            "public class Things implements Greeting"),
        argumentSet(
            "cloneOverride_withoutPermission_unprotectedMethod",
            "Store",
            """
            public class Store implements Cloneable {
              @RequiresPermission("VIEW_THINGS")
              public void look(@WorkspaceId String workspace) {}

              @Override public Store clone() { return new Store(); }
            }
            """,
            "[UnprotectedMethod] Store.clone() has neither @RequiresPermission"
                + " nor @Unguarded, so GuardedStore would leave it open. Add @RequiresPermission(...)"
                + " to it (or to its type as a default), or @Unguarded(reason = \"...\") if it is"
                + " meant to be open",
            "public Store clone()"));
  }

  /** Class methods needing a workspace they do not name: type, source, message, line. */
  static Stream<Arguments> missingWorkspaces() {
    return Stream.of(
        argumentSet(
            "cloneOverride_typeDefaultReachesIt_workspacePermissionNeedsAWorkspace",
            "Store",
            """
            @RequiresPermission("VIEW_THINGS")
            public class Store implements Cloneable {
              public void look(@WorkspaceId String workspace) {}

              @Override public Store clone() { return this; }
            }
            """,
            "[MissingWorkspace] Store.clone() needs workspace permission"
                + " VIEW_THINGS but names no workspace.",
            "public Store clone()"),
        argumentSet(
            "missingWorkspace_classMethod_reportedOnMethod",
            "Things",
            """
            public class Things {
              @RequiresPermission("VIEW_THINGS")
              public void look() {}
            }
            """,
            "[MissingWorkspace] Things.look() needs workspace permission"
                + " VIEW_THINGS but names no workspace. Mark the parameter that names it with"
                + " @WorkspaceId, or add @BoundWorkspace to act on the workspace bound with"
                + " CurrentPrincipal.bind(principal, workspaceId)",
            "public void look()"));
  }

  /** Classes guarded without a warning: type, source and the guard generated. */
  static Stream<Arguments> guardedClasses() {
    return Stream.of(
        argumentSet(
            "abstractClassWithoutAbstractMethods_isGuarded",
            "Things",
            """
            public abstract class Things {
              @RequiresPermission("VIEW_THINGS")
              public void look(@WorkspaceId String workspace) {}
            }
            """,
            "test.GuardedThings"),
        argumentSet(
            "objectMethodOverrides_exemptEvenUnderTypeDefault_compileClean",
            "Things",
            """
            @RequiresPermission("VIEW_THINGS")
            public class Things {
              public void look(@WorkspaceId String workspace) {}

              @Override public boolean equals(Object other) { return other == this; }

              @Override public int hashCode() { return 1; }

              @Override public String toString() { return "things"; }
            }
            """,
            "test.GuardedThings"));
  }

  /**
   * One source whose mistake is one error, {@code message}, on the line containing {@code line}.
   */
  @ParameterizedTest
  @MethodSource({"notProxyableClasses", "unprotectedMethods", "missingWorkspaces"})
  void oneError(String type, String body, String message, String line) {
    JavaFileObject source = source(type, body);

    Compilation compilation = compile(source);

    assertOneError(compilation, message, source, line);
  }

  /** A class a guard can extend and cover in full: it compiles clean and gets its guard. */
  @ParameterizedTest
  @MethodSource("guardedClasses")
  void guardedWithoutWarnings(String type, String body, String guard) {
    Compilation compilation = compile(source(type, body));

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile(guard);
  }

  @Test
  void implementationOfGuardedInterface_annotated_saysOnceToWrapIt() {
    JavaFileObject face =
        source(
            "Things",
            """
        public interface Things {
          @RequiresPermission("VIEW_THINGS")
          String view(@WorkspaceId String workspace);

          @RequiresPermission("EDIT_THINGS")
          void edit(@WorkspaceId String workspace);

          @RequiresPermission("DELETE_THINGS")
          void delete(@WorkspaceId String workspace);
        }
        """);
    JavaFileObject impl =
        source(
            "ThingsImpl",
            """
        public class ThingsImpl implements Things {
          @RequiresPermission("VIEW_THINGS")
          public String view(@WorkspaceId String workspace) { return workspace; }

          public void edit(String workspace) {}

          public void delete(String workspace) {}

          public void audit() {}
        }
        """);

    Compilation compilation = compile(face, impl);

    assertOneError(
        compilation,
        "[UnprotectedMethod] ThingsImpl carries @RequiresPermission, so"
            + " GuardedThingsImpl would extend it and need a permission or @Unguarded on each of"
            + " its methods, but it implements Things, which is already guarded: GuardedThings is"
            + " its guard. Remove @RequiresPermission from ThingsImpl and wrap an instance with"
            + " GuardedThings.wrap(instance, principals), or annotate every method of ThingsImpl"
            + " if a class guard is meant",
        impl,
        "public class ThingsImpl");
  }

  @Test
  void notProxyable_finalMethodWithPermission_saysMakeItNonFinal() {
    JavaFileObject source =
        source(
            "Things",
            """
        public class Things {
          @RequiresPermission("VIEW_THINGS")
          public void look(@WorkspaceId String workspace) {}

          @RequiresPermission("EDIT_THINGS")
          public final void edit(@WorkspaceId String workspace) {}
        }
        """);

    Compilation compilation = compile(source);

    String message =
        "[NotProxyable] @RequiresPermission cannot guard final method edit(): a"
            + " guard can only intercept calls to instance methods it overrides, and a final method"
            + " cannot be overridden. Make it non-final, or remove @RequiresPermission";
    assertOneError(compilation, message, source, "EDIT");
    assertErrorAtColumn(compilation, message, source, "EDIT", 3);
  }

  @Test
  void notProxyable_staticAndPrivateMethodsOfClass_eachReported() {
    JavaFileObject source =
        source(
            "Things",
            """
        public class Things {
          @RequiresPermission("VIEW_THINGS")
          public void look(@WorkspaceId String workspace) {}

          @RequiresPermission("EDIT_THINGS")
          public static void make() {}

          @RequiresPermission("DELETE_THINGS")
          private void purge() {}
        }
        """);

    Compilation compilation = compile(source);

    assertErrors(
        compilation,
        2,
        "[NotProxyable] @RequiresPermission cannot guard static method"
            + " make(): a guard can only intercept calls to instance methods it overrides. Make it"
            + " a non-static instance method, or remove @RequiresPermission",
        source,
        "EDIT_THINGS");
    assertThat(compilation)
        .hadErrorContaining(
            "[NotProxyable] @RequiresPermission cannot guard private method"
                + " purge(): a guard can only intercept calls to instance methods it overrides. Make"
                + " it a non-private instance method, or remove @RequiresPermission")
        .inFile(source)
        .onLineContaining("DELETE_THINGS");
  }

  /**
   * A final method of a superclass compiled earlier, without and with {@code @RequiresPermission}:
   * the superclass and the one error reported on the guarded class.
   */
  static Stream<Arguments> finalMethodsOfCompiledSuperclass() {
    return Stream.of(
        argumentSet(
            "unprotectedMethod_finalMethodOfCompiledSuperclass",
            """
            package other;
            public class Base {
              public final void close() {}
            }
            """,
            "[UnprotectedMethod] method Base.close(), inherited by Things, is final, so"
                + " GuardedThings cannot override it to check the caller and would leave it open."
                + " Make it non-final so that the guard can check it, or mark it"
                + " @Unguarded(reason = \"...\") if it is meant to be open"),
        argumentSet(
            "notProxyable_guardedFinalMethodOfCompiledSuperclass",
            """
            package other;
            public class Base {
              @dev.rolegate.annotations.RequiresPermission("VIEW_THINGS")
              public final void close() {}
            }
            """,
            "[NotProxyable] @RequiresPermission cannot guard final method Base.close(), inherited"
                + " by Things: a guard can only intercept calls to instance methods it overrides,"
                + " and a final method cannot be overridden. Make it non-final, or remove"
                + " @RequiresPermission"));
  }

  @ParameterizedTest
  @MethodSource("finalMethodsOfCompiledSuperclass")
  void finalMethodOfCompiledSuperclass_reportedOnGuardedClass(String base, String message)
      throws IOException {
    Path classes = compiledBase(base);
    JavaFileObject source =
        source(
            "Things",
            """
        public class Things extends other.Base {
          @RequiresPermission("VIEW_THINGS")
          public void look(@WorkspaceId String workspace) {}
        }
        """);

    Compilation compilation = TestMatrices.compileWithClassPath(classes, source);

    assertOneError(compilation, message, source, "public class Things");
  }

  @Test
  void unprotectedMethod_publicProtectedAndPackagePrivate_eachReported() {
    JavaFileObject source =
        source(
            "Things",
            """
        public class Things {
          @RequiresPermission("VIEW_THINGS")
          public void look(@WorkspaceId String workspace) {}

          public void touch() {}

          protected void poke() {}

          void prod() {}

          private void helper() {}

          public static void util() {}
        }
        """);

    Compilation compilation = compile(source);

    String message =
        "[UnprotectedMethod] Things.%s() has neither @RequiresPermission nor"
            + " @Unguarded, so GuardedThings would leave it open. Add @RequiresPermission(...) to it"
            + " (or to its type as a default), or @Unguarded(reason = \"...\") if it is meant to be"
            + " open";
    assertErrors(compilation, 3, String.format(message, "touch"), source, "void touch()");
    assertThat(compilation)
        .hadErrorContaining(String.format(message, "poke"))
        .inFile(source)
        .onLineContaining("void poke()");
    assertThat(compilation)
        .hadErrorContaining(String.format(message, "prod"))
        .inFile(source)
        .onLineContaining("void prod()");
  }

  @Test
  void unprotectedMethod_inheritedFromSuperclass_saysOverrideIt() {
    JavaFileObject source =
        source(
            "Things",
            """
        class Base {
          public void touch() {}

          void prod() {}
        }

        public class Things extends Base {
          @RequiresPermission("VIEW_THINGS")
          public void look(@WorkspaceId String workspace) {}
        }
        """);

    Compilation compilation = compile(source);

    assertErrors(
        compilation,
        2,
        "[UnprotectedMethod] method Base.touch(), inherited by Things, has"
            + " neither @RequiresPermission nor @Unguarded, so GuardedThings would leave it open."
            + " Override it in Things with @RequiresPermission(...) or"
            + " @Unguarded(reason = \"...\"), or put @RequiresPermission on Things as the default"
            + " for every method it has",
        source,
        "public class Things extends Base");
    assertThat(compilation)
        .hadErrorContaining("[UnprotectedMethod] method Base.prod(), inherited by Things,")
        .inFile(source)
        .onLineContaining("public class Things extends Base");
  }

  @Test
  void unprotectedMethod_packagePrivateOfSuperclassInOtherPackage_cannotBeGuarded_isAnError() {
    JavaFileObject base =
        JavaFileObjects.forSourceString(
            "other.Base",
            """
        package other;
        public class Base {
          void hidden() {}

          @dev.rolegate.annotations.Unguarded(reason = "reads nothing")
          void open() {}

          protected void shown() {}
        }
        """);
    JavaFileObject source =
        source(
            "Things",
            """
        public class Things extends other.Base {
          @RequiresPermission("VIEW_THINGS")
          public void look(@WorkspaceId String workspace) {}
        }
        """);

    Compilation compilation = compile(base, source);

    // Code in package other could call hidden() on a GuardedThings unchecked: deny by default.
    assertErrors(
        compilation,
        2,
        "[UnprotectedMethod] method Base.hidden(), inherited by Things, is"
            + " package-private in package other, so GuardedThings cannot override it to check the"
            + " caller, and code in other can still call it. Make it protected or public so that"
            + " the guard checks it, mark it @Unguarded(reason = \"...\") if it is meant to be"
            + " open, or guard an interface instead",
        source,
        "public class Things extends other.Base");
    assertThat(compilation)
        .hadErrorContaining(
            "[UnprotectedMethod] method Base.shown(), inherited by Things, has"
                + " neither @RequiresPermission nor @Unguarded")
        .inFile(source)
        .onLineContaining("public class Things extends other.Base");
  }

  @Test
  void cloneOverride_inheritedFromSuperclass_withoutPermission_reportedOnClass() {
    JavaFileObject base =
        source(
            "Base",
            """
        public class Base implements Cloneable {
          @Override public Object clone() throws CloneNotSupportedException { return new Base(); }
        }
        """);
    JavaFileObject source =
        source(
            "Store",
            """
        public class Store extends Base {
          @RequiresPermission("VIEW_THINGS")
          public void look(@WorkspaceId String workspace) {}
        }
        """);

    Compilation compilation = compile(base, source);

    assertOneError(
        compilation,
        "[UnprotectedMethod] method Base.clone(), inherited by Store, has"
            + " neither @RequiresPermission nor @Unguarded, so GuardedStore would leave it open."
            + " Override it in Store",
        source,
        "public class Store extends Base");
  }

  @Test
  void generatedNameClash_classGuardNameTaken_reportedOnClass() {
    JavaFileObject source =
        source(
            "Things",
            """
        public class Things {
          @RequiresPermission("VIEW_THINGS")
          public void look(@WorkspaceId String workspace) {}
        }
        """);
    JavaFileObject taken = source("GuardedThings", "public class GuardedThings {}\n");

    Compilation compilation = compile(source, taken);

    assertOneError(
        compilation,
        "[GeneratedNameClash] @RequiresPermission cannot guard class Things: its"
            + " guard would be test.GuardedThings, but a type of that name already exists.",
        source,
        "public class Things");
  }

  /** Compiles {@code text} without the processor, as a library would be; returns its classes. */
  private static Path compiledBase(String text) throws IOException {
    Compilation base =
        Compiler.javac().compile(JavaFileObjects.forSourceString("other.Base", text));
    assertThat(base).succeededWithoutWarnings();
    Path classes = Files.createTempDirectory("rolegate-base");
    ClassOutputs.copyClasses(base, classes);
    return classes;
  }
}
