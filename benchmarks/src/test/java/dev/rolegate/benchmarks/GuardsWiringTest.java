package dev.rolegate.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolegate.runtime.AccessDeniedException;
import dev.rolegate.runtime.CurrentPrincipal;
import dev.rolegate.runtime.Decisions;
import dev.rolegate.runtime.UnauthenticatedException;
import org.junit.jupiter.api.Test;

/** Checks that each plain-Java variant is wired as claimed (its setup passes); no timings. */
class GuardsWiringTest {
  private final AllowedPathBenchmark allowed = new AllowedPathBenchmark();
  private final DeniedPathBenchmark denied = new DeniedPathBenchmark();

  @Test
  void guardsState_allowedBenchmarks_reachTheDelegate() {
    GuardsState state = new GuardsState();
    state.setUp();
    try {
      assertEquals(Callers.COUNT, allowed.directCall(state));
      assertEquals(Callers.COUNT, allowed.handWritten(state));
      assertEquals(Callers.COUNT, allowed.handWrittenEnumSet(state));
      assertEquals(Callers.COUNT, allowed.reflectionProxy(state));
      assertEquals(Callers.COUNT, allowed.rolegate(state));
      assertEquals(Callers.COUNT, allowed.rolegateClassGuard(state));
      assertEquals(Callers.COUNT, allowed.handWrittenTwoThreads(state));
      assertEquals(Callers.COUNT, allowed.rolegateTwoThreads(state));
    } finally {
      state.tearDown();
    }
  }

  @Test
  void guardsState_deniedBenchmarks_returnEachSystemsOwnDenial() {
    GuardsState state = new GuardsState();
    state.setUp();
    try {
      assertHandWrittenDenial(denied.handWritten(state));
      assertHandWrittenDenial(denied.handWrittenEnumSet(state));
      assertHandWrittenDenial(denied.reflectionProxy(state));
      AccessDeniedException rolegate =
          assertInstanceOf(AccessDeniedException.class, denied.rolegate(state));
      assertEquals("DeploymentApi.delete", rolegate.operation());
      assertEquals(Callers.WORKSPACE, rolegate.workspace());
      AccessDeniedException classGuard =
          assertInstanceOf(AccessDeniedException.class, denied.rolegateClassGuard(state));
      assertEquals("ClassDeployments.delete", classGuard.operation());
    } finally {
      state.tearDown();
    }
  }

  private static void assertHandWrittenDenial(Object result) {
    HandWrittenDeniedException denial = assertInstanceOf(HandWrittenDeniedException.class, result);
    assertEquals(
        "access denied: user bench may not call DeploymentApi.delete, which requires DELETE_DEPLOYMENTS"
            + " in workspace \"ws-prod\"; bench holds RUNNER there, account role MEMBER. Allowed: DEVELOPER, OWNER",
        denial.getMessage());
    assertTrue(denial.getStackTrace().length > 0);
  }

  @Test
  void boundState_allowsOnTheBoundWorkspace_deniesTheDelete_andUnbinds() {
    BoundState state = new BoundState();
    state.setUp();
    try {
      assertEquals(Callers.WORKSPACE, CurrentPrincipal.workspace().orElseThrow());
      assertEquals(Callers.COUNT, allowed.handWrittenBound(state));
      assertEquals(Callers.COUNT, allowed.rolegateBound(state));
      assertEquals(Callers.COUNT, allowed.rolegateClassGuardBound(state));
      assertHandWrittenDenial(
          assertThrows(
              HandWrittenDeniedException.class,
              () -> state.handWritten.delete(state.workspace, state.deploymentId)));
      AccessDeniedException rolegate =
          assertThrows(
              AccessDeniedException.class,
              () -> state.rolegate.delete(state.workspace, state.deploymentId));
      assertEquals(Callers.WORKSPACE, rolegate.workspace());
      // Another workspace is looked up, not answered by the bound one: a VIEWER there.
      assertEquals(Callers.COUNT, state.rolegate.count("ws-3"));
      assertThrows(AccessDeniedException.class, () -> state.rolegate.delete("ws-3", 1));
      assertThrows(AccessDeniedException.class, () -> state.rolegate.count("ws-unknown"));
      assertThrows(HandWrittenDeniedException.class, () -> state.handWritten.count("ws-unknown"));
      // A workspace of another account: both deny, whatever role the caller was given there.
      assertThrows(AccessDeniedException.class, () -> state.rolegate.count("other-ws-3"));
      assertThrows(HandWrittenDeniedException.class, () -> state.handWritten.count("other-ws-3"));
    } finally {
      state.tearDown();
    }
    assertFalse(CurrentPrincipal.get().isPresent());
    assertNull(HandWritten.BOUND.get());
    assertThrows(UnauthenticatedException.class, () -> allowed.rolegateBound(state));
    assertThrows(SecurityException.class, () -> allowed.handWrittenBound(state));
  }

  @Test
  void guardsState_tearDown_unbindsBothCallers() {
    GuardsState state = new GuardsState();
    state.setUp();
    state.tearDown();
    assertFalse(CurrentPrincipal.get().isPresent());
    assertNull(HandWritten.CURRENT.get());
    assertThrows(UnauthenticatedException.class, () -> allowed.rolegate(state));
    assertThrows(SecurityException.class, () -> allowed.handWritten(state));
  }

  @Test
  void listenerState_seesBothDecisions_andIsRemoved() {
    ListenerState state = new ListenerState();
    state.setUp();
    try {
      assertEquals(Callers.COUNT, allowed.rolegateWithListener(state));
      assertTrue(ListenerState.last.allowed());
      assertInstanceOf(AccessDeniedException.class, denied.rolegateWithListener(state));
      assertFalse(ListenerState.last.allowed());
      assertEquals("DeploymentApi.delete", ListenerState.last.operation());
    } finally {
      state.tearDown();
    }
    assertNull(Decisions.listener());
    assertFalse(CurrentPrincipal.get().isPresent());
  }

  @Test
  void customRoleState_allowsTheReadAndDeniesTheDelete() {
    CustomRoleState state = new CustomRoleState();
    state.setUp();
    try {
      assertEquals(Callers.COUNT, allowed.rolegateCustomRole(state));
      AccessDeniedException denial =
          assertInstanceOf(AccessDeniedException.class, denied.rolegateCustomRole(state));
      assertTrue(denial.getMessage().contains("DEPLOYER"), denial.getMessage());
    } finally {
      state.tearDown();
    }
    assertFalse(CurrentPrincipal.get().isPresent());
  }
}
