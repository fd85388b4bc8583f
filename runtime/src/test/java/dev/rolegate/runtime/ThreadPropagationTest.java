package dev.rolegate.runtime;

import static dev.rolegate.runtime.TestMatrix.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.rolegate.runtime.internal.Requirement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Carrying the principal into other threads, and never leaving it behind there. */
class ThreadPropagationTest {
  private static final Principal ALICE = user("alice").workspaceRole("ws", DEVELOPER).build();
  private static final Principal BOB = user("bob").workspaceRole("ws", VIEWER).build();
  private static final Principal CAROL = serviceAccount("carol").workspaceRole("ws", OWNER).build();
  private static final Principal DAVE = user("dave").build();
  private static final Requirement EDIT = Requirement.allOf(permission(EDIT_X));
  private static final long WAIT = 10;

  private ExecutorService pool;

  @BeforeEach
  void startPool() {
    pool = Executors.newSingleThreadExecutor();
  }

  @AfterEach
  void stopPoolAndCheckNothingBound() throws InterruptedException {
    pool.shutdownNow();
    assertTrue(pool.awaitTermination(WAIT, TimeUnit.SECONDS));
    assertTrue(
        CurrentPrincipal.get().isEmpty(), "a test left a principal bound on the test thread");
  }

  /** Who the current thread runs as, through both the public view and the guards' source. */
  private static Principal current() {
    Principal seen = CurrentPrincipal.get().orElse(null);
    assertSame(seen, CurrentPrincipal.source().current(), "get() and source() disagree");
    return seen;
  }

  /** What a plain, unwrapped task on the pool thread sees. */
  private Principal onPoolPlain() throws Exception {
    return pool.submit(ThreadPropagationTest::current).get(WAIT, TimeUnit.SECONDS);
  }

  /** Throws {@code failure}; stands for a task body that fails. */
  private static <T> T thrown(RuntimeException failure) {
    throw failure;
  }

  /** Asserts that {@code call} throws {@code boom} itself, and that BOB is bound again after it. */
  private static void assertThrowsRestoringBob(RuntimeException boom, Executable call) {
    assertSame(boom, assertThrows(RuntimeException.class, call));
    assertSame(BOB, current());
  }

  private static PrincipalContext captureAs(Principal principal, String workspace) {
    try (PrincipalScope scope = CurrentPrincipal.bind(principal, workspace)) {
      return PrincipalContext.capture();
    }
  }

  // --- PrincipalContext wrappers on a thread with its own binding ---

  @Test
  void capture_withNothingBound_isTheContextOfNobody() {
    assertSame(PrincipalContext.none(), PrincipalContext.capture());
    assertEquals(Optional.empty(), PrincipalContext.capture().principal());
  }

  @Test
  void capture_principal_isTheCapturedOne_evenAfterItsScopeClosed() {
    PrincipalContext context = captureAs(ALICE, "ws");
    assertSame(ALICE, context.principal().orElseThrow());
    assertTrue(PrincipalContext.capture().principal().isEmpty());
  }

  @Test
  void runnable_runsAsCapturedAndRestoresPrevious() {
    PrincipalContext context = captureAs(ALICE, "ws");
    AtomicReference<Principal> inside = new AtomicReference<>();
    AtomicReference<String> workspace = new AtomicReference<>();
    try (PrincipalScope scope = CurrentPrincipal.bind(BOB, "ws-b")) {
      context
          .runnable(
              () -> {
                inside.set(current());
                workspace.set(CurrentPrincipal.source().currentWorkspace());
                EDIT.check(CurrentPrincipal.source(), "ws", "op");
              })
          .run();
      assertSame(BOB, current());
      assertEquals("ws-b", CurrentPrincipal.workspace().orElseThrow());
    }
    assertSame(ALICE, inside.get());
    assertEquals("ws", workspace.get());
  }

  @Test
  void runnable_throws_restoresPreviousAndPropagatesSameException() {
    PrincipalContext context = captureAs(ALICE, null);
    IllegalStateException boom = new IllegalStateException("boom");
    try (PrincipalScope scope = CurrentPrincipal.bind(BOB)) {
      Runnable task =
          context.runnable(
              () -> {
                assertSame(ALICE, current());
                throw boom;
              });
      assertSame(boom, assertThrows(IllegalStateException.class, task::run));
      assertSame(BOB, current());
    }
  }

  @Test
  void callable_returnsAsCaptured_andThrowsCheckedExceptionRestoring() throws Exception {
    PrincipalContext context = captureAs(ALICE, null);
    Exception checked = new Exception("checked");
    try (PrincipalScope scope = CurrentPrincipal.bind(BOB)) {
      assertEquals("alice", context.callable(() -> current().id()).call());
      assertSame(BOB, current());
      Callable<Object> failing =
          context.callable(
              () -> {
                throw checked;
              });
      assertSame(checked, assertThrows(Exception.class, failing::call));
      assertSame(BOB, current());
    }
  }

  @Test
  void supplierFunctionConsumerBiFunction_runAsCapturedAndRestore() {
    PrincipalContext context = captureAs(ALICE, null);
    AtomicReference<Principal> consumed = new AtomicReference<>();
    try (PrincipalScope scope = CurrentPrincipal.bind(BOB)) {
      assertSame(ALICE, context.supplier(ThreadPropagationTest::current).get());
      assertSame(BOB, current());
      assertEquals("alice:1", context.function((Integer i) -> current().id() + ":" + i).apply(1));
      assertSame(BOB, current());
      context.consumer((String s) -> consumed.set(current())).accept("x");
      assertSame(ALICE, consumed.get());
      assertSame(BOB, current());
      assertEquals(
          "alice:1:2",
          context
              .biFunction((Integer a, Integer b) -> current().id() + ":" + a + ":" + b)
              .apply(1, 2));
      assertSame(BOB, current());
    }
  }

  @Test
  void supplierFunctionConsumerBiFunction_throw_restorePrevious() {
    PrincipalContext context = captureAs(ALICE, null);
    RuntimeException boom = new RuntimeException("boom");
    try (PrincipalScope scope = CurrentPrincipal.bind(BOB)) {
      assertThrowsRestoringBob(boom, () -> context.supplier(() -> thrown(boom)).get());
      assertThrowsRestoringBob(boom, () -> context.function(x -> thrown(boom)).apply(1));
      assertThrowsRestoringBob(boom, () -> context.consumer(x -> thrown(boom)).accept(1));
      assertThrowsRestoringBob(boom, () -> context.biFunction((a, b) -> thrown(boom)).apply(1, 2));
    }
  }

  @Test
  void captureOfNoBinding_runsUnauthenticatedAndRestores() {
    PrincipalContext nobody = PrincipalContext.capture();
    assertTrue(nobody.principal().isEmpty());
    try (PrincipalScope scope = CurrentPrincipal.bind(BOB, "ws")) {
      nobody.run(
          () -> {
            assertNull(current());
            assertTrue(CurrentPrincipal.workspace().isEmpty());
            assertThrows(
                UnauthenticatedException.class,
                () -> EDIT.check(CurrentPrincipal.source(), "ws", "op"));
          });
      assertSame(BOB, current());
      assertEquals("ws", CurrentPrincipal.workspace().orElseThrow());
    }
  }

  // --- on a pooled thread ---

  @Test
  void pooledThread_ownBindingIsRestoredAfterPropagatedTask() throws Exception {
    pool.submit(() -> CurrentPrincipal.bind(DAVE))
        .get(WAIT, TimeUnit.SECONDS); // left open on purpose
    Future<Principal> seen;
    try (PrincipalScope scope = CurrentPrincipal.bind(ALICE)) {
      seen = pool.submit(PrincipalContext.capture().callable(ThreadPropagationTest::current));
    }
    assertSame(ALICE, seen.get(WAIT, TimeUnit.SECONDS));
    assertSame(DAVE, onPoolPlain(), "the pool thread's own binding was not restored");
  }

  @Test
  void propagatingExecutor_carriesSubmittersPrincipal_andPoolKeepsNothing() throws Exception {
    Executor executor = CurrentPrincipal.propagating((Executor) pool);
    CompletableFuture<Principal> seen = new CompletableFuture<>();
    try (PrincipalScope scope = CurrentPrincipal.bind(ALICE)) {
      executor.execute(
          () -> {
            EDIT.check(CurrentPrincipal.source(), "ws", "op");
            seen.complete(current());
          });
    }
    assertSame(ALICE, seen.get(WAIT, TimeUnit.SECONDS));
    assertNull(onPoolPlain());
  }

  @Test
  void propagatingService_submitAndExecute_eachTaskRunsAsItsSubmitter() throws Exception {
    ExecutorService service = CurrentPrincipal.propagating(pool);
    Future<Principal> asAlice;
    Future<?> runnable;
    Future<String> withResult;
    CompletableFuture<Principal> executed = new CompletableFuture<>();
    AtomicReference<Principal> runnableSaw = new AtomicReference<>();
    try (PrincipalScope scope = CurrentPrincipal.bind(ALICE)) {
      asAlice = service.submit(ThreadPropagationTest::current);
    }
    try (PrincipalScope scope = CurrentPrincipal.bind(BOB)) {
      runnable = service.submit(() -> runnableSaw.set(current()));
    }
    try (PrincipalScope scope = CurrentPrincipal.bind(CAROL)) {
      withResult = service.submit(() -> assertSame(CAROL, current()), "done");
      service.execute(() -> executed.complete(current()));
    }
    assertSame(ALICE, asAlice.get(WAIT, TimeUnit.SECONDS));
    runnable.get(WAIT, TimeUnit.SECONDS);
    assertSame(BOB, runnableSaw.get());
    assertEquals("done", withResult.get(WAIT, TimeUnit.SECONDS));
    assertSame(CAROL, executed.get(WAIT, TimeUnit.SECONDS));
    assertNull(onPoolPlain());
  }

  @Test
  void propagatingService_invokeAllAndInvokeAny_runAsSubmitter() throws Exception {
    ExecutorService service = CurrentPrincipal.propagating(pool);
    List<Callable<Principal>> tasks =
        List.of(ThreadPropagationTest::current, ThreadPropagationTest::current);
    List<Future<Principal>> all;
    Principal any;
    try (PrincipalScope scope = CurrentPrincipal.bind(ALICE)) {
      all = service.invokeAll(tasks);
    }
    try (PrincipalScope scope = CurrentPrincipal.bind(BOB)) {
      any = service.invokeAny(tasks);
    }
    assertEquals(2, all.size());
    for (Future<Principal> future : all) {
      assertSame(ALICE, future.get());
    }
    assertSame(BOB, any);
    assertNull(onPoolPlain());
  }

  @Test
  void propagatingService_taskThrows_poolKeepsNothing() throws Exception {
    ExecutorService service = CurrentPrincipal.propagating(pool);
    Future<Object> failed;
    try (PrincipalScope scope = CurrentPrincipal.bind(ALICE)) {
      failed =
          service.submit(
              () -> {
                throw new IllegalStateException("task failed as " + current().id());
              });
    }
    ExecutionException e =
        assertThrows(ExecutionException.class, () -> failed.get(WAIT, TimeUnit.SECONDS));
    assertEquals("task failed as alice", e.getCause().getMessage());
    assertNull(onPoolPlain());
  }

  @Test
  void propagatingService_shutdownReachesDelegate() throws InterruptedException {
    ExecutorService service = CurrentPrincipal.propagating(pool);
    service.shutdown();
    assertTrue(pool.isShutdown());
    assertTrue(service.awaitTermination(WAIT, TimeUnit.SECONDS));
    assertTrue(service.isTerminated());
  }

  @Test
  void unwrappedTask_runsWithoutThePrincipal() throws Exception {
    try (PrincipalScope scope = CurrentPrincipal.bind(ALICE)) {
      assertNull(onPoolPlain(), "the binding left its thread without being asked");
      Future<?> denied = pool.submit(() -> EDIT.check(CurrentPrincipal.source(), "ws", "op"));
      ExecutionException e =
          assertThrows(ExecutionException.class, () -> denied.get(WAIT, TimeUnit.SECONDS));
      assertInstanceOf(UnauthenticatedException.class, e.getCause());
    }
  }

  @Test
  void completableFutureStages_withContextWrappers_seeTheCapturedPrincipal() throws Exception {
    CompletableFuture<String> result;
    CompletableFuture<Principal> plainStage;
    AtomicReference<Principal> consumed = new AtomicReference<>();
    try (PrincipalScope scope = CurrentPrincipal.bind(ALICE)) {
      PrincipalContext context = PrincipalContext.capture();
      CompletableFuture<String> first =
          CompletableFuture.supplyAsync(
              context.supplier(
                  () -> {
                    EDIT.check(CurrentPrincipal.source(), "ws", "op");
                    return current().id();
                  }),
              pool);
      CompletableFuture<String> second =
          first.thenApplyAsync(context.function(id -> id + ">" + current().id()), pool);
      CompletableFuture<String> other =
          CompletableFuture.supplyAsync(context.supplier(() -> current().id()), pool);
      result =
          second.thenCombineAsync(
              other, context.biFunction((a, b) -> a + "+" + b + "@" + current().id()), pool);
      result
          .thenAcceptAsync(context.consumer(value -> consumed.set(current())), pool)
          .get(WAIT, TimeUnit.SECONDS);
      plainStage = first.thenApplyAsync(id -> CurrentPrincipal.get().orElse(null), pool);
    }
    assertEquals("alice>alice+alice@alice", result.get(WAIT, TimeUnit.SECONDS));
    assertSame(ALICE, consumed.get());
    assertNull(plainStage.get(WAIT, TimeUnit.SECONDS), "an unwrapped stage saw the principal");
    assertNull(onPoolPlain());
  }

  @Test
  void nestedBindInsidePropagatedTask_isRestoredAlsoAfterException() throws Exception {
    ExecutorService service = CurrentPrincipal.propagating(pool);
    Future<String> trace;
    try (PrincipalScope scope = CurrentPrincipal.bind(ALICE, "ws")) {
      trace =
          service.submit(
              () -> {
                StringBuilder seen = new StringBuilder(current().id());
                try (PrincipalScope inner = CurrentPrincipal.bind(BOB)) {
                  seen.append(">").append(current().id());
                }
                seen.append(">")
                    .append(current().id())
                    .append("@")
                    .append(CurrentPrincipal.workspace().orElse("-"));
                try {
                  try (PrincipalScope inner = CurrentPrincipal.bind(CAROL)) {
                    throw new IllegalStateException("inside " + current().id());
                  }
                } catch (IllegalStateException expected) {
                  seen.append(">").append(expected.getMessage());
                }
                seen.append(">").append(current().id());
                return seen.toString();
              });
    }
    assertEquals("alice>bob>alice@ws>inside carol>alice", trace.get(WAIT, TimeUnit.SECONDS));
    assertNull(onPoolPlain());
  }

  @Test
  void scopeLeftOpenInsideTask_doesNotLeakToNextTask() throws Exception {
    ExecutorService service = CurrentPrincipal.propagating(pool);
    Future<Principal> leaky;
    try (PrincipalScope scope = CurrentPrincipal.bind(ALICE)) {
      leaky =
          service.submit(
              () -> {
                CurrentPrincipal.bind(BOB); // never closed
                return current();
              });
    }
    assertSame(BOB, leaky.get(WAIT, TimeUnit.SECONDS));
    assertNull(onPoolPlain(), "a scope left open in a task leaked to the next task");
    Future<Principal> next;
    try (PrincipalScope scope = CurrentPrincipal.bind(CAROL)) {
      next = service.submit(ThreadPropagationTest::current);
    }
    assertSame(CAROL, next.get(WAIT, TimeUnit.SECONDS));
    assertNull(onPoolPlain());
  }

  @Test
  void scopeLeftOpenInsideContextRun_onCallingThread_restoresCallersBinding() {
    PrincipalContext context = captureAs(ALICE, null);
    try (PrincipalScope scope = CurrentPrincipal.bind(BOB)) {
      context.run(() -> CurrentPrincipal.bind(CAROL));
      assertSame(BOB, current());
    }
    assertEquals(Optional.empty(), CurrentPrincipal.get());
  }

  @Test
  void capturedBindingClosedByItsOwnerMeanwhile_stillRunsAsCaptured() throws Exception {
    PrincipalScope scope = CurrentPrincipal.bind(ALICE);
    PrincipalContext context = PrincipalContext.capture();
    scope.close();
    assertNull(current());
    assertSame(
        ALICE,
        pool.submit(context.callable(ThreadPropagationTest::current)).get(WAIT, TimeUnit.SECONDS));
    assertNull(onPoolPlain());
  }

  @Test
  void noneContext_runsWithNobodyBound_thenRestoresTheThreadsBinding() throws Exception {
    Principal dev = user("dev").workspaceRole("ws-prod", DEVELOPER).build();
    Requirement delete = Requirement.allOf(permission(DELETE_X));
    try (PrincipalScope scope = CurrentPrincipal.bind(dev, "ws-prod")) {
      assertEquals(Optional.empty(), PrincipalContext.none().principal());
      PrincipalContext.none()
          .run(
              () -> {
                assertEquals(Optional.empty(), CurrentPrincipal.get());
                assertEquals(Optional.empty(), CurrentPrincipal.workspace());
                assertThrows(
                    UnauthenticatedException.class,
                    () -> delete.check(CurrentPrincipal.source(), "ws-prod", "Things.delete"));
              });
      assertEquals(
          "nobody",
          PrincipalContext.none()
              .call(() -> CurrentPrincipal.get().map(Principal::id).orElse("nobody")));
      assertEquals(Optional.of(dev), CurrentPrincipal.get());
      assertEquals(Optional.of("ws-prod"), CurrentPrincipal.workspace());
      delete.check(CurrentPrincipal.source(), "ws-prod", "Things.delete");
    }
    assertEquals(Optional.empty(), CurrentPrincipal.get());
  }
}
