package dev.rolegate.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.rolegate.processor.CarrierMessages.WHY;
import static dev.rolegate.processor.CarrierMessages.fix;
import static dev.rolegate.processor.CompilationAssertions.assertOneError;
import static dev.rolegate.processor.TestMatrices.packageInfo;
import static dev.rolegate.processor.TestMatrices.source;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@code [UnstableWorkspaceCarrier]} for carriers that come from the class path, whose accessor
 * code is read from the class file (javac cannot tell a record's implicit accessor from one written
 * by hand there), and for compilers that offer no Trees API. Each carrier is compiled first into a
 * directory, then the service against it.
 */
class UnstableWorkspaceCarrierClassPathTest {
  private static final String SERVICE =
      """
      public interface Things {
        @RequiresPermission("VIEW_THINGS")
        void look(
            @WorkspaceId lib.Ref ref);
      }
      """;

  /** Compiles {@code lib.Ref} from {@code body} (after package and imports) into a directory. */
  private static Path carrierClasses(String body) {
    Compilation carrier =
        Compiler.javac()
            .compile(
                JavaFileObjects.forSourceString(
                    "lib.Ref",
                    "package lib;\n\nimport dev.rolegate.annotations.WorkspaceId;\n\n" + body));
    assertThat(carrier).succeeded();
    try {
      Path classes = Files.createTempDirectory("rolegate-carrier");
      ClassOutputs.copyClasses(carrier, classes);
      return classes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Compilation compileAgainst(
      Path classes, UnaryOperator<ProcessingEnvironment> view, JavaFileObject source) {
    return Compiler.javac()
        .withProcessors(new RolegateProcessor(service -> {}, view))
        .withOptions("-sourcepath", TestMatrices.sourcePath(TestMatrices.SMALL).toString())
        .withClasspath(ClassOutputs.classPathWith(classes))
        .compile(packageInfo(), source);
  }

  private static Compilation compileAgainst(String carrier, JavaFileObject source) {
    return compileAgainst(carrierClasses(carrier), UnaryOperator.identity(), source);
  }

  private static void assertAllowed(String carrier) {
    Compilation compilation = compileAgainst(carrier, source("Things", SERVICE));

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.GuardedThings");
  }

  private static void assertRefused(String carrier, String what) {
    JavaFileObject source = source("Things", SERVICE);

    Compilation compilation = compileAgainst(carrier, source);

    assertOneError(
        compilation,
        "[UnstableWorkspaceCarrier] @WorkspaceId on parameter ref of look() of"
            + " type lib.Ref, whose @WorkspaceId accessor "
            + what,
        source,
        "lib.Ref ref");
  }

  @Test
  void classPathCarrier_recordWithImplicitAccessor_allowed() {
    assertAllowed("public record Ref(@WorkspaceId String workspace, String id) {}\n");
  }

  @Test
  void classPathCarrier_finalClassReturningOwnFinalField_allowed() {
    assertAllowed(
        """
        public final class Ref {
          private final java.util.UUID workspace = java.util.UUID.randomUUID();
          @WorkspaceId public java.util.UUID workspace() { return this.workspace; }
        }
        """);
  }

  @Test
  void classPathCarrier_recordWithExplicitAccessorCompiledToAFieldRead_allowed() {
    // A class file cannot show whether javac or a person wrote this accessor; its code is a
    // plain read of the final component field, which answers the same on every read.
    assertAllowed(
        """
        public record Ref(String workspace) {
          @WorkspaceId public String workspace() { return workspace; }
        }
        """);
  }

  @Test
  void classPathCarrier_recordWithExplicitAccessorThatReturnsAnotherValue_refused() {
    JavaFileObject source = source("Things", SERVICE);

    Compilation compilation =
        compileAgainst(
            """
        public record Ref(String workspace) {
          private static int reads;
          @WorkspaceId public String workspace() { return reads++ == 0 ? workspace : "ws-other"; }
        }
        """,
            source);

    assertOneError(
        compilation,
        "[UnstableWorkspaceCarrier] @WorkspaceId on parameter ref of look() of"
            + " type lib.Ref, whose @WorkspaceId accessor Ref.workspace() does not just return a"
            + " final field of Ref (it comes from the class path, so its code was read: its code"
            + " does more than return a field of the carrier (aload_0; getfield; areturn))"
            + WHY
            + fix("Ref", "workspace"),
        source,
        "lib.Ref ref");
  }

  @Test
  void classPathCarrier_finalClassReturningNonFinalField_refused() {
    assertRefused(
        """
        public final class Ref {
          private String workspace = "ws";
          public void setWorkspace(String workspace) { this.workspace = workspace; }
          @WorkspaceId public String workspace() { return workspace; }
        }
        """,
        "Ref.workspace() does not just return a final field of Ref (it comes from the class"
            + " path, so its code was read: it returns field workspace, which is not a final instance"
            + " field)");
  }

  @Test
  void classPathCarrier_finalClassReturningAnotherObjectsField_refused() {
    assertRefused(
        """
        public final class Ref {
          public static final class Holder {
            public String workspace = "ws";
          }
          private final Holder holder = new Holder();
          @WorkspaceId public String workspace() { return holder.workspace; }
        }
        """,
        "Ref.workspace() does not just return a final field of Ref (it comes from the class"
            + " path, so its code was read: its code does more than return a field");
  }

  @Test
  void classPathCarrier_nonFinalClass_refusedBeforeItsCodeIsRead() {
    assertRefused(
        """
        public class Ref {
          private final String workspace = "ws";
          @WorkspaceId public String workspace() { return workspace; }
        }
        """,
        "Ref.workspace() belongs to Ref, which is not final");
  }

  @Test
  void classPathCarrier_interface_refused() {
    assertRefused(
        """
        public interface Ref {
          @WorkspaceId String workspace();
        }
        """,
        "Ref.workspace() is declared by interface Ref");
  }

  @Test
  void classPathCarrier_classFileUnreadable_refusedAsUnverifiable() {
    Path classes = carrierClasses("public record Ref(@WorkspaceId String workspace) {}\n");
    JavaFileObject source = source("Things", SERVICE);

    Compilation compilation =
        compileAgainst(
            classes,
            env -> withFiler(env, (Filer) forwarding(Filer.class, env.getFiler(), "getResource")),
            source);

    assertOneError(
        compilation,
        "[UnstableWorkspaceCarrier] @WorkspaceId on parameter ref of look() of"
            + " type lib.Ref, whose @WorkspaceId accessor Ref.workspace() cannot be verified to"
            + " answer the same on every read: its class file Ref.class was not found on the class"
            + " path"
            + WHY
            + "Give the parameter the type String or UUID, or compile Ref from"
            + " source in this compilation so that rolegate can read Ref's accessor",
        source,
        "lib.Ref ref");
  }

  @Test
  void sourceCarrier_noTreesApi_refusedAsUnverifiable() {
    JavaFileObject source =
        source(
            "Things",
            """
        record Ref(@WorkspaceId String workspace) {}

        public interface Things {
          @RequiresPermission("VIEW_THINGS")
          void look(
              @WorkspaceId Ref ref);
        }
        """);

    Compilation compilation =
        Compiler.javac()
            .withProcessors(
                new RolegateProcessor(
                    service -> {},
                    env ->
                        (ProcessingEnvironment) forwarding(ProcessingEnvironment.class, env, "")))
            .withOptions("-sourcepath", TestMatrices.sourcePath(TestMatrices.SMALL).toString())
            .compile(packageInfo(), source);

    assertOneError(
        compilation,
        "[UnstableWorkspaceCarrier] @WorkspaceId on parameter ref of look() of"
            + " type test.Ref, whose @WorkspaceId accessor Ref.workspace() cannot be verified to"
            + " answer the same on every read: rolegate reads a carrier's source through javac's"
            + " Trees API, which this compiler does not offer"
            + WHY
            + "Give the parameter the type"
            + " String or UUID, or compile with javac so that rolegate can read Ref's accessor",
        source,
        "Ref ref");
  }

  @Test
  void sourceCarrier_environmentWrappedInAField_stillVerified() {
    JavaFileObject source =
        source(
            "Things",
            """
        record Ref(@WorkspaceId String workspace) {}

        public interface Things {
          @RequiresPermission("VIEW_THINGS")
          void look(@WorkspaceId Ref ref);
        }
        """);

    Compilation compilation =
        Compiler.javac()
            .withProcessors(new RolegateProcessor(service -> {}, WrappingEnvironment::new))
            .withOptions("-sourcepath", TestMatrices.sourcePath(TestMatrices.SMALL).toString())
            .compile(packageInfo(), source);

    assertThat(compilation).succeededWithoutWarnings();
  }

  /** An environment that holds javac's in a field, as Gradle's incremental processing does. */
  private static class WrappingEnvironment implements ProcessingEnvironment {
    private final ProcessingEnvironment delegate;

    WrappingEnvironment(ProcessingEnvironment delegate) {
      this.delegate = delegate;
    }

    @Override
    public java.util.Map<String, String> getOptions() {
      return delegate.getOptions();
    }

    @Override
    public javax.annotation.processing.Messager getMessager() {
      return delegate.getMessager();
    }

    @Override
    public Filer getFiler() {
      return delegate.getFiler();
    }

    @Override
    public javax.lang.model.util.Elements getElementUtils() {
      return delegate.getElementUtils();
    }

    @Override
    public javax.lang.model.util.Types getTypeUtils() {
      return delegate.getTypeUtils();
    }

    @Override
    public javax.lang.model.SourceVersion getSourceVersion() {
      return delegate.getSourceVersion();
    }

    @Override
    public java.util.Locale getLocale() {
      return delegate.getLocale();
    }
  }

  /** Returns {@code env} (javac's own, so Trees still works) but with {@code filer}. */
  private static ProcessingEnvironment withFiler(ProcessingEnvironment env, Filer filer) {
    return new WrappingEnvironment(env) {
      @Override
      public Filer getFiler() {
        return filer;
      }
    };
  }

  /**
   * Returns a proxy of {@code type} forwarding to {@code target}, except that {@code missing}
   * throws FileNotFoundException.
   */
  private static Object forwarding(Class<?> type, Object target, String missing) {
    return Proxy.newProxyInstance(
        UnstableWorkspaceCarrierClassPathTest.class.getClassLoader(),
        new Class<?>[] {type},
        (proxy, method, args) -> {
          if (method.getName().equals(missing)) {
            throw new FileNotFoundException(String.valueOf(args[2]));
          }
          try {
            return method.invoke(target, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }
}
