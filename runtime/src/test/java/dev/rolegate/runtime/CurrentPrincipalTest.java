package dev.rolegate.runtime;

import static dev.rolegate.runtime.TestMatrix.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class CurrentPrincipalTest {
  private static final Principal ALICE = user("alice").workspaceRole("ws-a", VIEWER).build();
  private static final Principal BOB = user("bob").workspaceRole("ws-b", OWNER).build();
  private static final Principal CAROL = serviceAccount("carol").build();

  @AfterEach
  void nothingLeftBound() {
    assertTrue(CurrentPrincipal.get().isEmpty(), "a test left a principal bound");
  }

  /** Runs {@code body} on a new thread, waits for it and rethrows what it threw. */
  private static void onOtherThread(Runnable body) throws InterruptedException {
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                body.run();
              } catch (Throwable t) {
                thrown.set(t);
              }
            });
    thread.start();
    thread.join();
    if (thrown.get() instanceof AssertionError e) {
      throw e;
    }
    assertNull(thrown.get(), "the other thread failed");
  }

  @Test
  void get_nothingBound_isEmpty() {
    assertEquals(Optional.empty(), CurrentPrincipal.get());
    assertEquals(Optional.empty(), CurrentPrincipal.workspace());
    assertNull(CurrentPrincipal.source().current());
    assertNull(CurrentPrincipal.source().currentWorkspace());
  }

  @Test
  void bind_thenClose_bindsAndRestoresNothing() {
    PrincipalScope scope = CurrentPrincipal.bind(ALICE);
    assertSame(ALICE, CurrentPrincipal.get().orElseThrow());
    assertSame(ALICE, CurrentPrincipal.source().current());
    assertTrue(CurrentPrincipal.workspace().isEmpty());
    scope.close();
    assertTrue(CurrentPrincipal.get().isEmpty());
  }

  @Test
  void bind_nullPrincipal_isRejectedAndBindsNothing() {
    assertThrows(NullPointerException.class, () -> CurrentPrincipal.bind(null));
    assertThrows(NullPointerException.class, () -> CurrentPrincipal.bind(null, "ws"));
    assertTrue(CurrentPrincipal.get().isEmpty());
  }

  @Test
  void bind_nested_closeRestoresPreviousAtEachLevel() {
    try (PrincipalScope outer = CurrentPrincipal.bind(ALICE, "ws-a")) {
      try (PrincipalScope middle = CurrentPrincipal.bind(BOB, "ws-b")) {
        try (PrincipalScope inner = CurrentPrincipal.bind(CAROL)) {
          assertSame(CAROL, CurrentPrincipal.get().orElseThrow());
          assertTrue(CurrentPrincipal.workspace().isEmpty());
        }
        assertSame(BOB, CurrentPrincipal.get().orElseThrow());
        assertEquals("ws-b", CurrentPrincipal.workspace().orElseThrow());
      }
      assertSame(ALICE, CurrentPrincipal.get().orElseThrow());
      assertEquals("ws-a", CurrentPrincipal.workspace().orElseThrow());
    }
    assertTrue(CurrentPrincipal.get().isEmpty());
  }

  @Test
  void bind_withWorkspace_sourceReportsBoth() {
    try (PrincipalScope scope = CurrentPrincipal.bind(ALICE, "ws-a")) {
      PrincipalSource source = CurrentPrincipal.source();
      assertSame(ALICE, source.current());
      assertEquals("ws-a", source.currentWorkspace());
      assertEquals(Optional.of("ws-a"), CurrentPrincipal.workspace());
    }
    assertNull(CurrentPrincipal.source().currentWorkspace());
  }

  @Test
  void source_readAtCallTime_followsLaterBindings() {
    PrincipalSource source = CurrentPrincipal.source();
    assertSame(source, CurrentPrincipal.source());
    try (PrincipalScope scope = CurrentPrincipal.bind(BOB)) {
      assertSame(BOB, source.current());
    }
    assertNull(source.current());
  }

  @Test
  void close_calledTwice_isHarmlessAndDoesNotPopOuterBinding() {
    try (PrincipalScope outer = CurrentPrincipal.bind(ALICE)) {
      PrincipalScope inner = CurrentPrincipal.bind(BOB);
      inner.close();
      inner.close();
      assertSame(ALICE, CurrentPrincipal.get().orElseThrow());
      PrincipalScope later = CurrentPrincipal.bind(CAROL);
      inner.close();
      assertSame(CAROL, CurrentPrincipal.get().orElseThrow());
      later.close();
      assertSame(ALICE, CurrentPrincipal.get().orElseThrow());
    }
  }

  @Test
  void close_outerWhileInnerLeftOpen_unwindsBothAndRestoresOuterPrevious() {
    try (PrincipalScope base = CurrentPrincipal.bind(CAROL)) {
      PrincipalScope outer = CurrentPrincipal.bind(ALICE);
      PrincipalScope inner = CurrentPrincipal.bind(BOB);
      outer.close();
      assertSame(CAROL, CurrentPrincipal.get().orElseThrow());
      inner.close();
      assertSame(CAROL, CurrentPrincipal.get().orElseThrow());
    }
  }

  @Test
  void close_outerWhileInnerLeftOpenWithNothingBefore_leavesNothingBound() {
    PrincipalScope outer = CurrentPrincipal.bind(ALICE);
    PrincipalScope inner = CurrentPrincipal.bind(BOB);
    outer.close();
    assertTrue(CurrentPrincipal.get().isEmpty());
    PrincipalScope fresh = CurrentPrincipal.bind(CAROL);
    inner.close();
    assertSame(CAROL, CurrentPrincipal.get().orElseThrow());
    fresh.close();
  }

  @Test
  void close_fromAnotherThread_doesNothingToOwnerThread(LogCapture.Lines log)
      throws InterruptedException {
    String owner = Thread.currentThread().getName();
    AtomicReference<String> closer = new AtomicReference<>();
    try (PrincipalScope outer = CurrentPrincipal.bind(ALICE)) {
      PrincipalScope inner = CurrentPrincipal.bind(BOB, "ws-b");
      onOtherThread(
          () -> {
            closer.set(Thread.currentThread().getName());
            inner.close();
            assertTrue(CurrentPrincipal.get().isEmpty());
          });
      assertSame(BOB, CurrentPrincipal.get().orElseThrow());
      assertEquals("ws-b", CurrentPrincipal.workspace().orElseThrow());
      inner.close();
      assertSame(ALICE, CurrentPrincipal.get().orElseThrow());
    }
    assertEquals(
        List.of(
            "a principal scope opened on thread "
                + owner
                + " was closed on thread "
                + closer.get()
                + "; it stays bound on "
                + owner
                + " until closed there"),
        log.messages());
  }

  @Test
  void close_fromAnotherThreadWithItsOwnBinding_leavesThatBindingAlone()
      throws InterruptedException {
    PrincipalScope mine = CurrentPrincipal.bind(ALICE);
    try {
      onOtherThread(
          () -> {
            try (PrincipalScope theirs = CurrentPrincipal.bind(BOB)) {
              mine.close();
              assertSame(BOB, CurrentPrincipal.get().orElseThrow());
            }
            assertTrue(CurrentPrincipal.get().isEmpty());
          });
      assertSame(ALICE, CurrentPrincipal.get().orElseThrow());
    } finally {
      mine.close();
    }
  }

  @Test
  void binding_onThisThread_isNotSeenByAnotherThread() throws InterruptedException {
    try (PrincipalScope scope = CurrentPrincipal.bind(ALICE, "ws-a")) {
      onOtherThread(
          () -> {
            assertTrue(CurrentPrincipal.get().isEmpty());
            assertTrue(CurrentPrincipal.workspace().isEmpty());
            assertNull(CurrentPrincipal.source().current());
          });
    }
  }

  @Test
  void binding_onAnotherThread_isNotSeenHere() throws InterruptedException {
    AtomicReference<PrincipalScope> leaked = new AtomicReference<>();
    onOtherThread(() -> leaked.set(CurrentPrincipal.bind(BOB)));
    assertNotNull(leaked.get());
    assertTrue(CurrentPrincipal.get().isEmpty());
    leaked.get().close();
    assertTrue(CurrentPrincipal.get().isEmpty());
  }

  @Test
  void runAs_bindsDuringActionAndRestoresAfter() {
    try (PrincipalScope outer = CurrentPrincipal.bind(ALICE, "ws-a")) {
      AtomicReference<Principal> seen = new AtomicReference<>();
      CurrentPrincipal.runAs(BOB, () -> seen.set(CurrentPrincipal.get().orElseThrow()));
      assertSame(BOB, seen.get());
      assertSame(ALICE, CurrentPrincipal.get().orElseThrow());
      assertEquals("ws-a", CurrentPrincipal.workspace().orElseThrow());
    }
  }

  @Test
  void runAs_actionThrows_restoresPreviousAndPropagatesSameException() {
    IllegalStateException boom = new IllegalStateException("boom");
    try (PrincipalScope outer = CurrentPrincipal.bind(ALICE)) {
      assertRethrownRestoring(
          boom,
          ALICE,
          () ->
              CurrentPrincipal.runAs(
                  BOB,
                  () -> {
                    throw boom;
                  }));
    }
  }

  @Test
  void runAs_actionThrowsWithNothingBound_leavesNothingBound() {
    assertThrows(
        IllegalStateException.class,
        () ->
            CurrentPrincipal.runAs(
                BOB,
                () -> {
                  throw new IllegalStateException();
                }));
    assertTrue(CurrentPrincipal.get().isEmpty());
  }

  @Test
  void runAs_actionLeavesScopeOpen_isUnwoundAfterwards() {
    CurrentPrincipal.runAs(ALICE, () -> CurrentPrincipal.bind(BOB));
    assertTrue(CurrentPrincipal.get().isEmpty());
  }

  @Test
  void callAs_returnsValueSeenAsPrincipal() throws Exception {
    String id = CurrentPrincipal.callAs(BOB, () -> CurrentPrincipal.get().orElseThrow().id());
    assertEquals("bob", id);
    assertTrue(CurrentPrincipal.get().isEmpty());
  }

  @Test
  void callAs_actionThrowsCheckedException_restoresPreviousAndPropagates() {
    Exception checked = new Exception("checked");
    try (PrincipalScope outer = CurrentPrincipal.bind(CAROL)) {
      assertRethrownRestoring(
          checked,
          CAROL,
          () ->
              CurrentPrincipal.callAs(
                  BOB,
                  () -> {
                    throw checked;
                  }));
    }
  }

  @Test
  void runAs_nullPrincipal_isRejectedWithoutRunningAction() {
    AtomicReference<Boolean> ran = new AtomicReference<>(false);
    assertThrows(
        NullPointerException.class, () -> CurrentPrincipal.runAs(null, () -> ran.set(true)));
    assertFalse(ran.get());
  }

  @Test
  void principalSource_defaultWorkspace_isNull() {
    PrincipalSource fixed = () -> ALICE;
    assertSame(ALICE, fixed.current());
    assertNull(fixed.currentWorkspace());
  }

  /**
   * Asserts that {@code call} throws {@code failure} itself, and that {@code outer} is bound again
   * after it.
   */
  private static void assertRethrownRestoring(Exception failure, Principal outer, Executable call) {
    assertSame(failure, assertThrows(Exception.class, call));
    assertSame(outer, CurrentPrincipal.get().orElseThrow());
  }
}
