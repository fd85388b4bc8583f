package dev.rolegate.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Generated code compiles without a single warning under {@code -Xlint:all -Werror}, on whichever
 * JDK runs the build (CI runs it on 17 and 25): representative services with an interface guard, a
 * class guard, all-of and any-of requirements, {@code @WorkspaceId} on a String, a UUID and a
 * carrier, and {@code @BoundWorkspace}, together with the constants and the capability table.
 */
class LintTest {
  @Test
  void representativeServices_compileWithXlintAllAndWerror_noWarnings() {
    Compilation compilation =
        strictCompiler()
            .compile(TestMatrices.packageInfo(), carrier(), things(), ledger(), tools());

    assertThat(compilation).succeededWithoutWarnings();
    assertTrue(
        compilation.generatedSourceFiles().stream()
            .anyMatch(file -> file.getName().endsWith("test/GuardedLedger.java")));
    assertEquals(
        List.of(),
        compilation.diagnostics().stream()
            .filter(d -> d.getKind() != javax.tools.Diagnostic.Kind.NOTE)
            .map(d -> d.getMessage(null))
            .toList());
  }

  /**
   * The return-value rule's checks, casts and wraps compile clean for every return type it covers:
   * the type itself, {@code Object}, a generic supertype (exact and wildcard), type variables of
   * the type and of the method, bounded and not, in interface and class guards.
   */
  @Test
  void returnValueRule_everyShape_compileWithXlintAllAndWerror_noWarnings() {
    JavaFileObject base =
        JavaFileObjects.forSourceString(
            "test.Base",
            """
        package test;
        public interface Base<K> {}
        """);
    JavaFileObject chain =
        JavaFileObjects.forSourceString(
            "test.Chain",
            """
        package test;
        import dev.rolegate.annotations.*;
        @SuppressWarnings("ReturnsGuardedType")
        @RequiresPermission(Permissions.VIEW_ACCOUNT)
        @BoundAccount
        public interface Chain<K, V extends Comparable<V>> extends Base<K> {
          Chain<K, V> self();
          Object any();
          Base<K> parent();
          Base<?> wild();
          Base<String> other();
          K key();
          V value();
          <R> R as(Class<R> type);
          <B extends Base<K>> B narrow();
          <C extends Chain<K, V>> C exact();
        }
        """);
    JavaFileObject store =
        JavaFileObjects.forSourceString(
            "test.Store",
            """
        package test;
        import dev.rolegate.annotations.*;
        @SuppressWarnings("ReturnsGuardedType")
        @RequiresPermission(Permissions.VIEW_ACCOUNT)
        @BoundAccount
        public class Store<T> implements Cloneable, Base<T> {
          public Store<T> copy() { return this; }
          public Base<T> parent() { return this; }
          public T item() { return null; }
          public <S extends Store<T>> S narrow() { return null; }
          @Override public Object clone() throws CloneNotSupportedException { return super.clone(); }
        }
        """);
    Compilation compilation =
        strictCompiler().compile(TestMatrices.packageInfo(), base, chain, store);

    assertThat(compilation).succeededWithoutWarnings();
  }

  /**
   * The refusal of an instance of the guarded type returned as another type compiles clean: an
   * interface, a type variable bounded by one, a parameterized type with arguments javac proves
   * distinct from the guarded type's, a sealed interface, an abstract class, in interface and class
   * guards; and types that can never hold it (String, an enum, a record) are left alone.
   */
  @Test
  void returnValueRule_otherReturnTypes_compileWithXlintAllAndWerror_noWarnings() {
    JavaFileObject shape =
        JavaFileObjects.forSourceString(
            "test.Shape",
            """
        package test;
        public sealed interface Shape permits Circle {}
        """);
    JavaFileObject circle =
        JavaFileObjects.forSourceString(
            "test.Circle",
            """
        package test;
        public record Circle(int radius) implements Shape {}
        """);
    JavaFileObject tags =
        JavaFileObjects.forSourceString(
            "test.Tag",
            """
        package test;
        public interface Tag<T> {
          interface Sub<T> extends Tag<T> {}
        }
        """);
    JavaFileObject svc =
        JavaFileObjects.forSourceString(
            "test.Svc",
            """
        package test;
        import dev.rolegate.annotations.*;
        @RequiresPermission(Permissions.VIEW_ACCOUNT)
        @BoundAccount
        public interface Svc<K> extends Tag<Integer> {
          Runnable task();
          <T extends Runnable> T runner();
          <C extends CharSequence & Comparable<C>> C text();
          Tag.Sub<String> order();
          java.util.List<K> keys();
          Shape shape();
          Number count();
          String name();
          Circle circle();
          java.time.DayOfWeek day();
        }
        """);
    JavaFileObject store =
        JavaFileObjects.forSourceString(
            "test.Store",
            """
        package test;
        import dev.rolegate.annotations.*;
        @RequiresPermission(Permissions.VIEW_ACCOUNT)
        @BoundAccount
        public class Store<T> {
          public Runnable task() { return null; }
          public <R extends Runnable> R runner() { return null; }
          public java.util.List<T> items() { return null; }
          public Thread thread() { return null; }
          public String name() { return null; }
        }
        """);
    Compilation compilation =
        strictCompiler().compile(TestMatrices.packageInfo(), shape, circle, tags, svc, store);

    assertThat(compilation).succeededWithoutWarnings();
  }

  /**
   * The refusal of a proper subtype compiles clean: a generic guarded subtype (checked against its
   * guard with wildcards), an unguarded one, a type variable bounded by one, in interface and class
   * guards.
   */
  @Test
  void returnValueRule_subtypeReturns_compileWithXlintAllAndWerror_noWarnings() {
    JavaFileObject chain =
        JavaFileObjects.forSourceString(
            "test.Chain",
            """
        package test;
        import dev.rolegate.annotations.*;
        @SuppressWarnings("ReturnsGuardedType")
        @RequiresPermission(Permissions.VIEW_ACCOUNT)
        @BoundAccount
        public interface Chain<K> {
          Link<K> link();
          Leaf leaf();
          <S extends Link<String>> S narrow(Class<S> type);
        }
        """);
    JavaFileObject link =
        JavaFileObjects.forSourceString(
            "test.Link",
            """
        package test;
        import dev.rolegate.annotations.*;
        @SuppressWarnings("ReturnsGuardedType")
        @RequiresPermission(Permissions.VIEW_ACCOUNT)
        @BoundAccount
        public interface Link<K> extends Chain<K> {}
        """);
    JavaFileObject leaf =
        JavaFileObjects.forSourceString(
            "test.Leaf",
            """
        package test;
        public interface Leaf extends Chain<Integer> {}
        """);
    JavaFileObject store =
        JavaFileObjects.forSourceString(
            "test.Store",
            """
        package test;
        import dev.rolegate.annotations.*;
        @SuppressWarnings("ReturnsGuardedType")
        @RequiresPermission(Permissions.VIEW_ACCOUNT)
        @BoundAccount
        public class Store<T> {
          public Shelf<T> shelf() { return null; }
        }
        """);
    JavaFileObject shelf =
        JavaFileObjects.forSourceString(
            "test.Shelf",
            """
        package test;
        import dev.rolegate.annotations.*;
        @SuppressWarnings("ReturnsGuardedType")
        @RequiresPermission(Permissions.VIEW_ACCOUNT)
        @BoundAccount
        public class Shelf<T> extends Store<T> {}
        """);
    Compilation compilation =
        strictCompiler().compile(TestMatrices.packageInfo(), chain, link, leaf, store, shelf);

    assertThat(compilation).succeededWithoutWarnings();
  }

  /** The check is live: a lint warning in the input fails the same compile under -Werror. */
  @Test
  void representativeServices_withRawTypeInInput_failUnderWerror() {
    JavaFileObject raw =
        JavaFileObjects.forSourceString(
            "test.Raw",
            """
        package test;
        public class Raw {
          java.util.List list = new java.util.ArrayList<String>();
        }
        """);
    Compilation compilation =
        strictCompiler().compile(TestMatrices.packageInfo(), carrier(), things(), raw);

    assertThat(compilation).failed();
    assertThat(compilation)
        .hadWarningContaining("raw type")
        .inFile(raw)
        .onLineContaining("List list");
  }

  /** A fresh processor reading {@link TestMatrices#SMALL}, with -Xlint:all -Werror. */
  private static Compiler strictCompiler() {
    return Compiler.javac()
        .withProcessors(new RolegateProcessor())
        .withOptions(
            "-sourcepath",
            TestMatrices.sourcePath(TestMatrices.SMALL).toString(),
            "-Xlint:all",
            "-Werror");
  }

  private static JavaFileObject carrier() {
    return JavaFileObjects.forSourceString(
        "test.Ref",
        """
        package test;
        import dev.rolegate.annotations.WorkspaceId;
        public record Ref(@WorkspaceId String workspace, String id) {}
        """);
  }

  private static JavaFileObject things() {
    return JavaFileObjects.forSourceString(
        "test.Things",
        """
        package test;
        import dev.rolegate.annotations.*;
        import java.util.List;
        import java.util.UUID;
        public interface Things<T extends Comparable<T>> {
          @RequiresPermission(Permissions.VIEW_THINGS)
          List<T> list(@WorkspaceId String ws, String... from);
          @RequiresPermission({Permissions.EDIT_THINGS, Permissions.VIEW_SECRETS})
          void edit(@WorkspaceId UUID ws, T thing) throws java.io.IOException;
          @RequiresPermission(anyOf = {Permissions.VIEW_SECRETS, Permissions.EDIT_ACCOUNT})
          String secret(@WorkspaceId Ref ref);
          @RequiresPermission(Permissions.VIEW_ACCOUNT)
          default int count(@AccountId String account) { return 0; }
          @Unguarded(reason = "liveness probe")
          String ping();
        }
        """);
  }

  private static JavaFileObject ledger() {
    return JavaFileObjects.forSourceString(
        "test.Ledger",
        """
        package test;
        import dev.rolegate.annotations.*;
        public class Ledger {
          public Ledger() {}
          protected Ledger(String name, int... sizes) throws java.io.IOException {}
          @RequiresPermission(Permissions.DELETE_THINGS)
          public void delete(@WorkspaceId String ws, String id) {}
          @RequiresPermission(Permissions.VIEW_THINGS)
          protected <R extends Number> R read(@WorkspaceId java.util.UUID ws, Class<R> type) {
            return null;
          }
          @Unguarded(reason = "constant")
          public final String name() { return "ledger"; }
        }
        """);
  }

  private static JavaFileObject tools() {
    return JavaFileObjects.forSourceString(
        "test.Tools",
        """
        package test;
        import dev.rolegate.annotations.*;
        @BoundWorkspace
        @RequiresPermission(Permissions.EDIT_THINGS)
        public interface Tools {
          String fix();
          String named(@WorkspaceId String ws);
        }
        """);
  }
}
