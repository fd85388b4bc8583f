package dev.rolegate.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rolegate.processor.GeneratedCode.Recorder;
import dev.rolegate.runtime.AccessDeniedException;
import dev.rolegate.runtime.CurrentPrincipal;
import dev.rolegate.runtime.Decisions;
import dev.rolegate.runtime.Principal;
import dev.rolegate.runtime.PrincipalScope;
import dev.rolegate.runtime.PrincipalSource;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * How a guarded call names its workspace: a workspace carrier read through its marked accessor, or
 * {@code @BoundWorkspace}. Compiles services and calls the generated guards; the compile errors are
 * in {@link WorkspaceIdValidationTest} and, for carriers whose accessor could answer the delegate
 * differently, {@link UnstableWorkspaceCarrierTest}.
 */
class WorkspaceIdTest {
  private static final String THINGS_WITH_REF =
      """
      package test;
      import dev.rolegate.annotations.*;
      public interface Things {
        @RequiresPermission(Permissions.EDIT_THINGS)
        String edit(@WorkspaceId Ref ref);
      }
      """;

  private static PrincipalSource as(Principal principal) {
    return () -> principal;
  }

  private static Object newInstance(GeneratedCode code, String type, Object... args) {
    try {
      Class<?>[] parameters = new Class<?>[args.length];
      for (int i = 0; i < args.length; i++) {
        parameters[i] = args[i].getClass();
      }
      return code.load(type).getConstructor(parameters).newInstance(args);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static Object invoke(Object target, String accessor) {
    try {
      return target.getClass().getMethod(accessor).invoke(target);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void carrierRecord_stringComponent_checkedInTheCarriersWorkspace() throws Throwable {
    GeneratedCode code =
        GeneratedCode.compile(
            "test.Ref",
            """
        package test;
        import dev.rolegate.annotations.WorkspaceId;
        public record Ref(@WorkspaceId String workspace, String id) {}
        """,
            "test.Things",
            THINGS_WITH_REF);
    Recorder delegate = new Recorder((method, args) -> "edited");
    Object editor =
        code.guard("test.Things", "test.GuardedThings", delegate, as(code.inWorkspace("EDITOR")));

    assertEquals(
        "edited", GeneratedCode.call(editor, "edit", newInstance(code, "test.Ref", "ws", "t1")));
    AccessDeniedException elsewhere =
        assertThrows(
            AccessDeniedException.class,
            () -> GeneratedCode.call(editor, "edit", newInstance(code, "test.Ref", "other", "t1")));
    assertEquals("other", elsewhere.workspace());
    AccessDeniedException noCarrier =
        assertThrows(
            AccessDeniedException.class, () -> GeneratedCode.call(editor, "edit", (Object) null));
    assertNull(noCarrier.workspace());
    assertThrows(
        AccessDeniedException.class,
        () -> GeneratedCode.call(editor, "edit", newInstance(code, "test.Ref", " ", "t1")));
    Object viewer =
        code.guard("test.Things", "test.GuardedThings", delegate, as(code.inWorkspace("VIEWER")));
    assertThrows(
        AccessDeniedException.class,
        () -> GeneratedCode.call(viewer, "edit", newInstance(code, "test.Ref", "ws", "t1")));
    assertEquals(List.of("edit"), delegate.calls);
  }

  @Test
  void carrierClass_uuidAccessor_checkedWithoutConversion() throws Throwable {
    GeneratedCode code =
        GeneratedCode.compile(
            "test.Ref",
            """
        package test;
        import dev.rolegate.annotations.WorkspaceId;
        import java.util.UUID;
        public final class Ref {
          private final UUID workspace;
          public Ref(UUID workspace) { this.workspace = workspace; }
          @WorkspaceId public UUID workspace() { return workspace; }
          public UUID other() { return UUID.randomUUID(); }
        }
        """,
            "test.Things",
            THINGS_WITH_REF);
    UUID ws = UUID.randomUUID();
    Principal editor =
        Principal.user("e")
            .matrix(code.matrix())
            .directory(GeneratedCode.ACME)
            .workspaceRole(ws, "EDITOR")
            .build();
    Recorder delegate = new Recorder((method, args) -> "edited");
    Object guard = code.guard("test.Things", "test.GuardedThings", delegate, as(editor));

    assertEquals("edited", GeneratedCode.call(guard, "edit", newInstance(code, "test.Ref", ws)));
    assertThrows(
        AccessDeniedException.class,
        () -> GeneratedCode.call(guard, "edit", newInstance(code, "test.Ref", UUID.randomUUID())));
    assertEquals(List.of("edit"), delegate.calls);
  }

  @Test
  void carrier_accessorImplementingAMarkedInterfaceMethod_isUsed() throws Throwable {
    GeneratedCode code =
        GeneratedCode.compile(
            "test.Scoped",
                """
        package test;
        import dev.rolegate.annotations.WorkspaceId;
        public interface Scoped {
          @WorkspaceId String workspace();
        }
        """,
            "test.Job",
                """
        package test;
        public final class Job implements Scoped {
          private final String tenant;
          public Job(String tenant) { this.tenant = tenant; }
          public String workspace() { return tenant; }
        }
        """,
            "test.Flow",
                "package test;\npublic record Flow(String workspace) implements Scoped {}\n",
            "test.Things",
                """
        package test;
        import dev.rolegate.annotations.*;
        public interface Things {
          @RequiresPermission(Permissions.EDIT_THINGS)
          String run(@WorkspaceId Job job);
          @RequiresPermission(Permissions.VIEW_THINGS)
          String look(@WorkspaceId Flow flow);
        }
        """);
    Recorder delegate = new Recorder((method, args) -> method.getName());
    Object viewer =
        code.guard("test.Things", "test.GuardedThings", delegate, as(code.inWorkspace("VIEWER")));

    assertEquals("look", GeneratedCode.call(viewer, "look", newInstance(code, "test.Flow", "ws")));
    assertThrows(
        AccessDeniedException.class,
        () -> GeneratedCode.call(viewer, "look", newInstance(code, "test.Flow", "other")));
    assertThrows(
        AccessDeniedException.class,
        () -> GeneratedCode.call(viewer, "run", newInstance(code, "test.Job", "ws")));
    Object editor =
        code.guard("test.Things", "test.GuardedThings", delegate, as(code.inWorkspace("EDITOR")));
    assertEquals("run", GeneratedCode.call(editor, "run", newInstance(code, "test.Job", "ws")));
    assertThrows(
        AccessDeniedException.class,
        () -> GeneratedCode.call(editor, "run", newInstance(code, "test.Job", "other")));
    assertEquals(List.of("look", "run"), delegate.calls);
  }

  @Test
  void stableCarrier_recordAndFinalClass_delegateReadsTheWorkspaceThatWasChecked()
      throws Throwable {
    GeneratedCode code =
        GeneratedCode.compile(
            "test.Ref",
                """
        package test;
        import dev.rolegate.annotations.WorkspaceId;
        public record Ref(@WorkspaceId String workspace, String id) {}
        """,
            "test.Job",
                """
        package test;
        import dev.rolegate.annotations.WorkspaceId;
        public final class Job {
          private final String workspace;
          public Job(String workspace) { this.workspace = workspace; }
          @WorkspaceId public String workspace() { return this.workspace; }
        }
        """,
            "test.Things",
                """
        package test;
        import dev.rolegate.annotations.*;
        public interface Things {
          @RequiresPermission(Permissions.EDIT_THINGS)
          String edit(@WorkspaceId Ref ref);
          @RequiresPermission(Permissions.EDIT_THINGS)
          String run(@WorkspaceId Job job);
        }
        """);
    List<String> checked = new ArrayList<>();
    List<Object> used = new ArrayList<>();
    Recorder delegate =
        new Recorder(
            (method, args) -> {
              // However often the delegate reads the carrier, it reads the workspace that was
              // checked.
              for (int read = 0; read < 3; read++) {
                used.add(invoke(args[0], "workspace"));
              }
              return method.getName();
            });
    Object editor =
        code.guard("test.Things", "test.GuardedThings", delegate, as(code.inWorkspace("EDITOR")));
    Decisions.setListener(decision -> checked.add(decision.workspace()));
    try {
      assertEquals(
          "edit", GeneratedCode.call(editor, "edit", newInstance(code, "test.Ref", "ws", "t1")));
      assertEquals("run", GeneratedCode.call(editor, "run", newInstance(code, "test.Job", "ws")));
      assertThrows(
          AccessDeniedException.class,
          () -> GeneratedCode.call(editor, "run", newInstance(code, "test.Job", "other")));
    } finally {
      Decisions.setListener(null);
    }
    assertEquals(List.of("ws", "ws", "other"), checked);
    assertEquals(List.of("ws", "ws", "ws", "ws", "ws", "ws"), used);
  }

  @Test
  void carrier_parameterNamesClashingWithGuardLocals_compileAndWork() throws Throwable {
    GeneratedCode code =
        GeneratedCode.compile(
            "test.Ref",
                """
        package test;
        import dev.rolegate.annotations.WorkspaceId;
        public record Ref(@WorkspaceId String workspace) {}
        """,
            "test.Things",
                """
        package test;
        import dev.rolegate.annotations.*;
        public interface Things {
          @RequiresPermission(Permissions.VIEW_THINGS)
          String look(String e, @WorkspaceId Ref workspace, String workspace_);
          @RequiresPermission(Permissions.VIEW_THINGS)
          <R extends Ref> String each(@WorkspaceId R e);
        }
        """);
    Recorder delegate = new Recorder((method, args) -> method.getName() + args.length);
    Object guard =
        code.guard("test.Things", "test.GuardedThings", delegate, as(code.inWorkspace("VIEWER")));
    Object inWs = newInstance(code, "test.Ref", "ws");

    assertEquals("look3", GeneratedCode.call(guard, "look", "x", inWs, "y"));
    assertEquals("each1", GeneratedCode.call(guard, "each", inWs));
    assertThrows(
        AccessDeniedException.class,
        () -> GeneratedCode.call(guard, "look", "x", newInstance(code, "test.Ref", "other"), "y"));
  }

  @Test
  void boundWorkspace_onMethodAndOnType_checksTheBoundWorkspace() throws Throwable {
    GeneratedCode code =
        GeneratedCode.compile(
            "test.Things",
                """
        package test;
        import dev.rolegate.annotations.*;
        public interface Things {
          @RequiresPermission(Permissions.VIEW_THINGS)
          @BoundWorkspace
          String look();
        }
        """,
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
    Recorder delegate = new Recorder((method, args) -> method.getName());
    Object things =
        code.guard("test.Things", "test.GuardedThings", delegate, CurrentPrincipal.source());
    Object tools =
        code.guard("test.Tools", "test.GuardedTools", delegate, CurrentPrincipal.source());
    Principal editor = code.inWorkspace("EDITOR");

    try (PrincipalScope scope = CurrentPrincipal.bind(editor, "ws")) {
      assertEquals("look", GeneratedCode.call(things, "look"));
      assertEquals("fix", GeneratedCode.call(tools, "fix"));
      assertThrows(AccessDeniedException.class, () -> GeneratedCode.call(tools, "named", "other"));
    }
    try (PrincipalScope scope = CurrentPrincipal.bind(editor, "other")) {
      assertThrows(AccessDeniedException.class, () -> GeneratedCode.call(things, "look"));
      assertThrows(AccessDeniedException.class, () -> GeneratedCode.call(tools, "fix"));
      assertEquals("named", GeneratedCode.call(tools, "named", "ws"));
    }
    try (PrincipalScope scope = CurrentPrincipal.bind(editor)) {
      AccessDeniedException none =
          assertThrows(AccessDeniedException.class, () -> GeneratedCode.call(things, "look"));
      assertNull(none.workspace());
    }
    assertEquals(List.of("look", "fix", "named"), delegate.calls);
  }

  @Test
  void boundWorkspace_onDeclaringSupertype_coversInheritedMethods() throws Throwable {
    GeneratedCode code =
        GeneratedCode.compile(
            "test.Base",
                """
        package test;
        import dev.rolegate.annotations.*;
        @BoundWorkspace
        public interface Base {
          @RequiresPermission(Permissions.VIEW_THINGS)
          String look();
        }
        """,
            "test.Things",
                """
        package test;
        import dev.rolegate.annotations.*;
        public interface Things extends Base {
          @RequiresPermission(Permissions.EDIT_THINGS)
          String edit(@WorkspaceId String ws);
        }
        """);
    Recorder delegate = new Recorder((method, args) -> method.getName());
    Object guard =
        code.guard("test.Things", "test.GuardedThings", delegate, CurrentPrincipal.source());

    try (PrincipalScope scope = CurrentPrincipal.bind(code.inWorkspace("VIEWER"), "ws")) {
      assertEquals("look", GeneratedCode.call(guard, "look"));
      assertThrows(AccessDeniedException.class, () -> GeneratedCode.call(guard, "edit", "ws"));
    }
    assertEquals(List.of("look"), delegate.calls);
  }

  @Test
  void noWorkspaceNeeded_accountLevelAndUnguarded_compileWithoutEither() throws Throwable {
    GeneratedCode code =
        GeneratedCode.compile(
            "test.Things",
            """
        package test;
        import dev.rolegate.annotations.*;
        public interface Things {
          @RequiresPermission(Permissions.EDIT_ACCOUNT)
          String settings(@AccountId String account);
          @Unguarded(reason = "liveness probe")
          String ping();
        }
        """);
    Recorder delegate = new Recorder((method, args) -> method.getName());
    Principal admin =
        Principal.user("root")
            .matrix(code.matrix())
            .directory(GeneratedCode.ACME)
            .accountRole("ADMIN")
            .build();
    Object guard = code.guard("test.Things", "test.GuardedThings", delegate, as(admin));

    assertEquals("settings", GeneratedCode.call(guard, "settings", "acme"));
    Object member =
        code.guard("test.Things", "test.GuardedThings", delegate, as(code.inWorkspace("OWNER")));
    assertThrows(AccessDeniedException.class, () -> GeneratedCode.call(member, "settings", "acme"));
    assertEquals("ping", GeneratedCode.call(member, "ping"));
  }
}
