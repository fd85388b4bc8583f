package dev.rolegate.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.rolegate.processor.CompilationAssertions.assertErrorAtColumn;
import static dev.rolegate.processor.CompilationAssertions.assertErrors;
import static dev.rolegate.processor.CompilationAssertions.assertOneError;
import static dev.rolegate.processor.TestMatrices.compile;
import static dev.rolegate.processor.TestMatrices.compileWithClassPath;
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
 * {@code [WorkspaceIdMisuse]} for workspace carriers and {@code @BoundWorkspace}, and {@code
 * [MissingWorkspace]}: a method needing a workspace permission must name its workspace.
 */
class WorkspaceIdValidationTest {
  private static final String BIND =
      "act on the workspace bound with CurrentPrincipal.bind(principal, workspaceId)";

  @Test
  void workspaceIdMisuse_carrierWithoutMarkedAccessor_saysHowToMarkOne() {
    JavaFileObject source =
        source(
            "Things",
            """
            record Ref(String workspace, String id) {}

            class Job {
              String workspace() { return "ws"; }
              @WorkspaceId String workspace(int version) { return "ws"; }
            }

            public interface Things {
              @RequiresPermission("VIEW_THINGS")
              void look(
                  @WorkspaceId Ref ref);

              @RequiresPermission("VIEW_THINGS")
              void run(@WorkspaceId Job job);
            }
            """);

    Compilation compilation = compile(source);

    String record =
        "[WorkspaceIdMisuse] @WorkspaceId on parameter ref of look() of type test.Ref, which"
            + " carries no workspace id. Mark the record component that holds the workspace id (a"
            + " String or UUID) with @WorkspaceId, as in record Ref(@WorkspaceId String"
            + " workspace, ...), or give the parameter the type String or UUID";
    assertErrors(compilation, 2, record, source, "Ref ref");
    assertErrorAtColumn(compilation, record, source, "Ref ref", 7);
    assertThat(compilation)
        .hadErrorContaining(
            "[WorkspaceIdMisuse] @WorkspaceId on parameter job of run() of type test.Job, which"
                + " carries no workspace id. Mark the no-argument method of Job that returns the"
                + " workspace id (a String or UUID) with @WorkspaceId, or give the parameter the"
                + " type String or UUID")
        .inFile(source)
        .onLineContaining("Job job");
  }

  /** Workspace carriers a guard cannot read: type, source, message and line. */
  static Stream<Arguments> workspaceIdMisuses() {
    return Stream.of(
        argumentSet(
            "workspaceIdMisuse_carrierWithTwoMarkedAccessors_namesBoth",
            "Things",
            """
            interface Scoped {
              @WorkspaceId String tenant();
            }

            record Ref(@WorkspaceId String workspace) implements Scoped {
              public String tenant() { return "t"; }
            }

            public interface Things {
              @RequiresPermission("VIEW_THINGS")
              void look(@WorkspaceId Ref ref);
            }
            """,
            "[WorkspaceIdMisuse] @WorkspaceId on parameter ref of look() of type test.Ref, which"
                + " marks more than one accessor with @WorkspaceId: Ref.tenant(), Ref.workspace()."
                + " A call acts on one workspace: keep @WorkspaceId on one of them",
            "@WorkspaceId Ref ref"),
        argumentSet(
            "workspaceIdMisuse_accessorReturnsAnotherType_namesTheType",
            "Things",
            """
            record Ref(@WorkspaceId long workspace) {}

            public interface Things {
              @RequiresPermission("VIEW_THINGS")
              void look(@WorkspaceId Ref ref);
            }
            """,
            "[WorkspaceIdMisuse] @WorkspaceId on parameter ref of look() of type test.Ref, whose"
                + " @WorkspaceId accessor Ref.workspace() returns long. A workspace id is a String"
                + " or a java.util.UUID: change the accessor's return type, or mark another"
                + " accessor",
            "@WorkspaceId Ref ref"));
  }

  /** Methods needing a workspace they do not name: type, source, message and line. */
  static Stream<Arguments> missingWorkspaces() {
    return Stream.of(
        argumentSet(
            "missingWorkspace_inheritedFromSourceInterface_reportedOnInheritedMethod",
            "Things",
            """
            interface Base {
              void touch();
            }

            @RequiresPermission("VIEW_THINGS")
            public interface Things extends Base {
              void look(@WorkspaceId String ws);
            }
            """,
            "[MissingWorkspace] Base.touch() needs workspace permission VIEW_THINGS but names no"
                + " workspace. Mark the parameter that names it with @WorkspaceId, or add"
                + " @BoundWorkspace to "
                + BIND,
            "void touch()"));
  }

  /**
   * One source whose mistake is one error, {@code message}, on the line containing {@code line}.
   */
  @ParameterizedTest
  @MethodSource({"workspaceIdMisuses", "missingWorkspaces"})
  void oneError(String type, String body, String message, String line) {
    JavaFileObject source = source(type, body);

    Compilation compilation = compile(source);

    assertOneError(compilation, message, source, line);
  }

  @Test
  void workspaceIdMisuse_accessorNotAccessibleFromGuard_saysMakeItPublic() {
    JavaFileObject other =
        JavaFileObjects.forSourceString(
            "other.Ref",
            """
            package other;

            import dev.rolegate.annotations.WorkspaceId;

            public class Ref {
              @WorkspaceId String workspace() { return "ws"; }
            }
            """);
    JavaFileObject source =
        source(
            "Things",
            """
            class Hidden {
              @WorkspaceId private String workspace() { return "ws"; }
            }

            final class Local {
              private final String workspace = "ws";
              @WorkspaceId String workspace() { return workspace; }
            }

            public interface Things {
              @RequiresPermission("VIEW_THINGS")
              void look(@WorkspaceId other.Ref ref);

              @RequiresPermission("VIEW_THINGS")
              void hide(@WorkspaceId Hidden hidden);

              @RequiresPermission("VIEW_THINGS")
              void local(@WorkspaceId Local local);
            }
            """);

    Compilation compilation = compile(source, other);

    assertErrors(
        compilation,
        2,
        "[WorkspaceIdMisuse] @WorkspaceId on parameter ref of look() of type other.Ref, whose"
            + " @WorkspaceId accessor Ref.workspace() is package-private in package other, so"
            + " GuardedThings in package test cannot call it. Make Ref.workspace() public",
        source,
        "other.Ref ref");
    assertThat(compilation)
        .hadErrorContaining(
            "@WorkspaceId on parameter hidden of hide() of type test.Hidden, whose @WorkspaceId"
                + " accessor Hidden.workspace() is private, so GuardedThings in package test"
                + " cannot call it. Make Hidden.workspace() public")
        .inFile(source)
        .onLineContaining("Hidden hidden");
  }

  @Test
  void workspaceIdMisuse_besideBoundWorkspace_reportedOnParameter() {
    JavaFileObject source =
        source(
            "Things",
            """
            public interface Things {
              @RequiresPermission("VIEW_THINGS")
              @BoundWorkspace
              void look(
                  @WorkspaceId String ws);
            }
            """);

    Compilation compilation = compile(source);

    String message =
        "[WorkspaceIdMisuse] @WorkspaceId on parameter ws of look(), which also carries"
            + " @BoundWorkspace. A call acts on one workspace: keep @WorkspaceId to check the"
            + " workspace the call names, or remove it to check the workspace bound to the"
            + " caller's context";
    assertOneError(compilation, message, source, "String ws");
    assertErrorAtColumn(compilation, message, source, "String ws", 7);
  }

  @Test
  void missingWorkspace_workspacePermissionWithoutWorkspace_reportedOnMethod() {
    JavaFileObject source =
        source(
            "Things",
            """
            public interface Things {
              @RequiresPermission("VIEW_THINGS")
              void touch();

              @RequiresPermission(anyOf = {"EDIT_THINGS", "VIEW_SECRETS", "EDIT_ACCOUNT"})
              void change();

              @RequiresPermission("EDIT_ACCOUNT")
              @BoundAccount
              void settings();

              @Unguarded(reason = "liveness probe")
              void ping();
            }
            """);

    Compilation compilation = compile(source);

    String touch =
        "[MissingWorkspace] Things.touch() needs workspace permission VIEW_THINGS but names no"
            + " workspace. Mark the parameter that names it with @WorkspaceId, or add"
            + " @BoundWorkspace to "
            + BIND;
    assertErrors(compilation, 2, touch, source, "touch");
    assertErrorAtColumn(compilation, touch, source, "touch", 8);
    assertThat(compilation)
        .hadErrorContaining(
            "[MissingWorkspace] Things.change() needs workspace permissions EDIT_THINGS,"
                + " VIEW_SECRETS but names no workspace.")
        .inFile(source)
        .onLineContaining("void change()");
  }

  @Test
  void missingWorkspace_inheritedFromClassPath_reportedOnGuardedType_fixedByBoundWorkspace()
      throws IOException {
    Compilation base =
        Compiler.javac()
            .compile(
                JavaFileObjects.forSourceString(
                    "test.Base", "package test;\npublic interface Base {\n  void touch();\n}\n"));
    assertThat(base).succeeded();
    Path classes = Files.createTempDirectory("rolegate-base");
    ClassOutputs.copyClasses(base, classes);
    String things =
        """
        @RequiresPermission("VIEW_THINGS")
        %s
        public interface Things extends Base {
          void look(@WorkspaceId String ws);
        }
        """;
    JavaFileObject source = source("Things", things.formatted(""));

    Compilation compilation = compileWithClassPath(classes, source);

    assertOneError(
        compilation,
        "[MissingWorkspace] method Base.touch(), inherited by Things, needs workspace"
            + " permission VIEW_THINGS but names no workspace. Redeclare it in Things with a"
            + " @WorkspaceId parameter, or add @BoundWorkspace to Things to "
            + BIND,
        source,
        "public interface Things extends Base");
    Compilation bound =
        compileWithClassPath(classes, source("Things", things.formatted("@BoundWorkspace")));
    assertThat(bound).succeededWithoutWarnings();
    assertThat(bound).generatedSourceFile("test.GuardedThings");
  }
}
