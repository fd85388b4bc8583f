package dev.rolegate.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.rolegate.processor.CarrierMessages.WHY;
import static dev.rolegate.processor.CarrierMessages.fix;
import static dev.rolegate.processor.CompilationAssertions.assertErrorAtColumn;
import static dev.rolegate.processor.CompilationAssertions.assertErrors;
import static dev.rolegate.processor.CompilationAssertions.assertOneError;
import static dev.rolegate.processor.TestMatrices.compile;
import static dev.rolegate.processor.TestMatrices.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@code [UnstableWorkspaceCarrier]} for carriers compiled from source: the guard checks the id it
 * reads once and the delegate reads the accessor again, so every carrier whose accessor could
 * answer differently the second time is refused, each on its {@code @WorkspaceId} parameter. The
 * class-path carriers are in {@link UnstableWorkspaceCarrierClassPathTest}; that the allowed shapes
 * hand the delegate the checked workspace is in {@link WorkspaceIdTest}.
 */
class UnstableWorkspaceCarrierTest {

  /** Returns {@code carrier} followed by a service whose look() takes a {@code Ref}. */
  private static JavaFileObject service(String carrier) {
    return source(
        "Things",
        carrier
            + """

        public interface Things {
          @RequiresPermission("VIEW_THINGS")
          void look(
              @WorkspaceId Ref ref);
        }
        """);
  }

  /** Asserts exactly one error, {@code [UnstableWorkspaceCarrier]} with {@code what}, on ref. */
  private static void assertUnstable(String carrier, String what) {
    JavaFileObject source = service(carrier);

    Compilation compilation = compile(source);

    String message =
        "[UnstableWorkspaceCarrier] @WorkspaceId on parameter ref of look() of type"
            + " test.Ref, whose @WorkspaceId accessor "
            + what
            + WHY;
    assertOneError(compilation, message, source, "Ref ref");
    assertErrorAtColumn(compilation, message, source, "Ref ref", 7);
  }

  @Test
  void unstableCarrier_interface_refusedWithTheRecordForm() {
    JavaFileObject source =
        service(
            """
        interface Ref {
          @WorkspaceId String workspace();
        }
        """);

    Compilation compilation = compile(source);

    assertOneError(
        compilation,
        "[UnstableWorkspaceCarrier] @WorkspaceId on parameter ref of look() of"
            + " type test.Ref, whose @WorkspaceId accessor Ref.workspace() is declared by"
            + " interface Ref, which any class can implement with an accessor that answers"
            + " differently on each read"
            + WHY
            + fix("Ref", "workspace"),
        source,
        "Ref ref");
  }

  @Test
  void unstableCarrier_abstractClass_refused() {
    assertUnstable(
        """
        abstract class Ref {
          @WorkspaceId public String workspace() { return "ws"; }
        }
        """,
        "Ref.workspace() belongs to abstract class Ref, whose subclasses can override it to"
            + " answer differently on each read");
  }

  @Test
  void unstableCarrier_nonFinalClassWithFinalField_refusedForItsSubclasses() {
    assertUnstable(
        """
        class Ref {
          private final String workspace = "ws";
          @WorkspaceId public String workspace() { return workspace; }
        }
        """,
        "Ref.workspace() belongs to Ref, which is not final, so a subclass (an anonymous one,"
            + " say) can override it to answer differently on each read");
  }

  @Test
  void unstableCarrier_accessorInheritedFromSuperclass_refused() {
    assertUnstable(
        """
        class Base {
          String workspace = "ws";
          @WorkspaceId public String workspace() { return workspace; }
        }

        final class Ref extends Base {}
        """,
        "Base.workspace() is inherited from Base, not declared in Ref, so Ref cannot show that"
            + " it returns a final field of its own");
  }

  @Test
  void unstableCarrier_recordWithExplicitAccessorForMarkedComponent_refused() {
    assertUnstable(
        """
        record Ref(@WorkspaceId String workspace) {
          private static int reads;

          public String workspace() { return reads++ == 0 ? workspace : "ws-other"; }
        }
        """,
        "Ref.workspace() is declared explicitly in record Ref, so it may return something"
            + " other than the component workspace");
  }

  @Test
  void unstableCarrier_recordWithMarkedExplicitAccessor_refused() {
    assertUnstable(
        """
        record Ref(String workspace) {
          @WorkspaceId
          public String workspace() { return workspace; }
        }
        """,
        "Ref.workspace() is declared explicitly in record Ref, so it may return something"
            + " other than the component workspace");
  }

  @Test
  void unstableCarrier_recordMethodThatIsNoComponentAccessor_refused() {
    assertUnstable(
        """
        record Ref(String id) {
          @WorkspaceId public String workspace() { return "ws-" + id; }
        }
        """,
        "Ref.workspace() is not the accessor of a record component of Ref");
  }

  @Test
  void unstableCarrier_finalClassComputingTheId_refused() {
    assertUnstable(
        """
        final class Ref {
          private final String tenant = "ws";
          @WorkspaceId public String workspace() { return tenant.trim(); }
        }
        """,
        "Ref.workspace() does not just return a field: its body must be exactly return"
            + " workspace; of a final field declared in Ref");
  }

  @Test
  void unstableCarrier_finalClassWhoseAccessorThrows_refused() {
    assertUnstable(
        """
        final class Ref {
          @WorkspaceId public String workspace() {
            throw new IllegalStateException("not loaded");
          }
        }
        """,
        "Ref.workspace() does not just return a field: its body must be exactly return"
            + " workspace; of a final field declared in Ref");
  }

  @Test
  void unstableCarrier_finalClassWithSetter_refused() {
    assertUnstable(
        """
        final class Ref {
          private String workspace = "ws";
          public void setWorkspace(String workspace) { this.workspace = workspace; }
          @WorkspaceId public String workspace() { return this.workspace; }
        }
        """,
        "Ref.workspace() returns field workspace, which is not final, so a setter or another"
            + " thread can change it between the check and the call");
  }

  @Test
  void unstableCarrier_finalClassReturningAnotherObjectsField_refused() {
    assertUnstable(
        """
        final class Holder {
          String workspace = "ws";
        }

        final class Ref {
          private final Holder holder = new Holder();
          @WorkspaceId public String workspace() { return holder.workspace; }
        }
        """,
        "Ref.workspace() does not just return a field: its body must be exactly return"
            + " workspace; of a final field declared in Ref");
  }

  @Test
  void unstableCarrier_finalClassReturningStaticField_refused() {
    assertUnstable(
        """
        final class Ref {
          static final String WORKSPACE = "ws";
          @WorkspaceId public String workspace() { return WORKSPACE; }
        }
        """,
        "Ref.workspace() returns static field WORKSPACE; only a final instance field is"
            + " carried by the carrier itself");
  }

  @Test
  void unstableCarrier_finalClassReturningInheritedField_refused() {
    assertUnstable(
        """
        class Base {
          String workspace = "ws";
        }

        final class Ref extends Base {
          @WorkspaceId public String workspace() { return workspace; }
        }
        """,
        "Ref.workspace() returns workspace, which is not a field declared in Ref");
  }

  @Test
  void unstableCarrier_enum_refused() {
    assertUnstable(
        """
        enum Ref {
          PROD("ws-prod") {
            @Override public String workspace() { return "ws-other"; }
          };

          private final String workspace;

          Ref(String workspace) { this.workspace = workspace; }

          @WorkspaceId public String workspace() { return workspace; }
        }
        """,
        "Ref.workspace() belongs to enum Ref; a carrier is a record or a final class");
  }

  @Test
  void unstableCarrier_typeVariableBoundedByInterface_refused() {
    JavaFileObject source =
        source(
            "Things",
            """
        interface Ref {
          @WorkspaceId String workspace();
        }

        public interface Things {
          @RequiresPermission("VIEW_THINGS")
          <R extends Ref> void look(
              @WorkspaceId R ref);
        }
        """);

    Compilation compilation = compile(source);

    assertOneError(
        compilation,
        "[UnstableWorkspaceCarrier] @WorkspaceId on parameter ref of look() of"
            + " type R, whose @WorkspaceId accessor Ref.workspace() is declared by interface Ref",
        source,
        "R ref");
  }

  @Test
  void unstableCarrier_severalMethods_eachReported() {
    JavaFileObject source =
        source(
            "Things",
            """
        interface Scoped {
          @WorkspaceId String workspace();
        }

        class Open {
          @WorkspaceId public String workspace() { return "ws"; }
        }

        public interface Things {
          @RequiresPermission("VIEW_THINGS")
          void look(@WorkspaceId Scoped scoped);

          @RequiresPermission("VIEW_THINGS")
          void open(@WorkspaceId Open open);
        }
        """);

    Compilation compilation = compile(source);

    assertErrors(
        compilation,
        2,
        "[UnstableWorkspaceCarrier] @WorkspaceId on parameter scoped of look()",
        source,
        "Scoped scoped");
    assertThat(compilation)
        .hadErrorContaining("[UnstableWorkspaceCarrier] @WorkspaceId on parameter open of open()")
        .inFile(source)
        .onLineContaining("Open open");
  }

  @Test
  void stableCarrier_recordAndFinalClassForms_compileWithoutDiagnostics() {
    JavaFileObject source =
        source(
            "Things",
            """
        record Ref(@WorkspaceId String workspace, String id) {
          Ref {
            workspace = workspace.strip();
          }
        }

        final class Job {
          private final java.util.UUID workspace;
          Job(java.util.UUID workspace) { this.workspace = workspace; }
          @WorkspaceId public java.util.UUID workspace() { return this.workspace; }
        }

        public interface Things {
          @RequiresPermission("VIEW_THINGS")
          void look(@WorkspaceId Ref ref);

          @RequiresPermission("VIEW_THINGS")
          void run(@WorkspaceId Job job);
        }
        """);

    Compilation compilation = compile(source);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.GuardedThings");
  }
}
