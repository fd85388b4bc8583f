package dev.rolegate.runtime.internal;

import static dev.rolegate.runtime.TestMatrix.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.rolegate.runtime.CurrentPrincipal;
import dev.rolegate.runtime.Principal;
import dev.rolegate.runtime.PrincipalContext;
import dev.rolegate.runtime.PrincipalScope;
import dev.rolegate.runtime.PrincipalSource;
import dev.rolegate.runtime.TestMatrix;
import dev.rolegate.runtime.WorkspaceDefaults;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The scope stack of {@link Bindings} and what one {@link Binding} holds: which principal is bound
 * after scopes close in and out of order, inside tasks and across threads.
 */
class BindingsTest {
  private static final Principal ALICE = user("alice").workspaceRole("ws-prod", DEVELOPER).build();
  private static final Principal BOB = user("bob").build();
  private static final Principal CAROL = user("carol").build();

  @AfterEach
  void nothingLeftBound() {
    assertTrue(CurrentPrincipal.get().isEmpty(), "a test left a principal bound");
  }

  private static Optional<String> boundId() {
    return CurrentPrincipal.get().map(Principal::id);
  }

  private static <T> T onAnotherThread(Callable<T> task) throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      return pool.submit(task).get(10, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
  }

  // --- what a binding says ---

  @Test
  void aScopeClosedOnAnotherThread_staysBoundOnItsOwn_alsoAfterATaskRanThere() throws Exception {
    PrincipalScope scope = CurrentPrincipal.bind(ALICE);
    ExecutorService other = Executors.newSingleThreadExecutor();
    try {
      other.submit(scope::close).get();
    } finally {
      other.shutdownNow();
      assertTrue(other.awaitTermination(10, TimeUnit.SECONDS));
    }
    PrincipalContext.none().run(() -> assertEquals(Optional.empty(), CurrentPrincipal.get()));
    assertEquals(Optional.of(ALICE), CurrentPrincipal.get());
    scope.close();
    assertEquals(Optional.empty(), CurrentPrincipal.get());
  }

  @Test
  void binding_toString_namesThePrincipal_andWhetherAWorkspaceIsBound_butNotWhich() {
    try (PrincipalScope scope = CurrentPrincipal.bind(ALICE)) {
      assertEquals("binding of user alice", scope.toString());
    }
    try (PrincipalScope scope = CurrentPrincipal.bind(ALICE, "ws-prod")) {
      assertEquals("binding of user alice in a workspace", scope.toString());
    }
  }

  @Test
  void source_toString_namesWhereItReads() {
    assertEquals("CurrentPrincipal.source()", CurrentPrincipal.source().toString());
  }

  @Test
  void isThreadSource_onlyForTheRuntimesOwnSource() {
    assertTrue(Bindings.isThreadSource(CurrentPrincipal.source()));
    PrincipalSource lookalike = () -> CurrentPrincipal.source().current();
    assertFalse(Bindings.isThreadSource(lookalike));
  }

  @Test
  void assignedRoleIn_theBoundWorkspace_isTheRoleAssignedThere_neverADefault() {
    WorkspaceDefaults defaults = new WorkspaceDefaults(MATRIX);
    defaults.setDefaultRole("ws-dev", OWNER);
    Principal dev =
        user("dev").workspaceRole("ws-prod", DEVELOPER).workspaceDefaults(defaults).build();
    try (PrincipalScope scope = CurrentPrincipal.bind(dev, "ws-prod")) {
      assertSame(role(DEVELOPER), ((Binding) scope).assignedRoleIn("ws-prod"));
    }
    try (PrincipalScope scope = CurrentPrincipal.bind(dev, "ws-dev")) {
      assertNull(
          ((Binding) scope).assignedRoleIn("ws-dev"),
          "a default is read at each call, never bound");
      // The call still holds the default, read by the principal's full lookup.
      Requirement.allOf(permission(DELETE_X)).check(CurrentPrincipal.source(), "ws-dev", "op");
    }
    try (PrincipalScope scope = CurrentPrincipal.bind(dev)) {
      assertNull(((Binding) scope).assignedRoleIn(null));
    }
  }

  @Test
  void assignedRoleIn_isTheBoundRoleOnly_neverADefault_andSingleHeldByTestsTheBitOfTheMatrix() {
    Requirement delete = Requirement.allOf(permission(DELETE_X));
    Requirement secrets = Requirement.allOf(permission(VIEW_SECRETS));
    WorkspaceDefaults defaults = new WorkspaceDefaults(MATRIX);
    defaults.setDefaultRole("ws-open", OWNER);
    Principal alice =
        user("alice")
            .workspaceRole("ws-prod", DEVELOPER)
            .workspaceRole("ws-test", OWNER)
            .workspaceDefaults(defaults)
            .build();
    try (PrincipalScope scope = CurrentPrincipal.bind(alice, "ws-prod")) {
      Binding binding = (Binding) scope;
      assertTrue(delete.singleHeldBy(binding.assignedRoleIn("ws-prod")));
      assertTrue(delete.singleHeldBy(binding.assignedRoleIn(new String("ws-prod"))));
      assertFalse(secrets.singleHeldBy(binding.assignedRoleIn("ws-prod")), "not held");
      // Another workspace is decided in full: its account is asked at the call.
      assertNull(binding.assignedRoleIn("ws-test"), "assigned elsewhere");
      assertNull(binding.assignedRoleIn("ws-dev"), "no role there");
      assertNull(binding.assignedRoleIn("ws-open"), "a default: decided in full");
      assertNull(binding.assignedRoleIn(null), "no workspace");
      Requirement otherMatrix =
          Requirement.allOf(TestMatrix.build("Other").permission(DELETE_X).orElseThrow());
      assertFalse(otherMatrix.singleHeldBy(binding.assignedRoleIn("ws-prod")), "another matrix");
    }
    try (PrincipalScope scope = CurrentPrincipal.bind(alice)) {
      Binding binding = (Binding) scope;
      assertFalse(delete.singleHeldBy(binding.assignedRoleIn("ws-prod")), "decided in full");
      assertFalse(secrets.singleHeldBy(binding.assignedRoleIn("ws-prod")));
      assertFalse(delete.singleHeldBy(binding.assignedRoleIn(null)));
    }
  }

  @Test
  void assignedRoleIn_withNoWorkspaceBound_isNone_theCallIsDecidedInFull() {
    try (PrincipalScope scope = CurrentPrincipal.bind(ALICE)) {
      assertNull(((Binding) scope).assignedRoleIn("ws-prod"));
      assertNull(((Binding) scope).assignedRoleIn("ws-dev"));
    }
  }

  // --- closing ---

  @Test
  void scopeClosedBefore_reenteredByACapturedContext_closesNothing() {
    PrincipalScope alice = CurrentPrincipal.bind(ALICE);
    PrincipalContext context = PrincipalContext.capture();
    alice.close();
    assertEquals(Optional.empty(), boundId());
    context.run(
        () -> {
          alice.close();
          assertEquals(Optional.of("alice"), boundId(), "a scope closed before unbinds nothing");
        });
    assertEquals(Optional.empty(), boundId());
  }

  @Test
  void scopeClosedByAnEnclosingScope_reenteredByACapturedContext_closesNothing() {
    PrincipalScope alice = CurrentPrincipal.bind(ALICE);
    PrincipalScope bob = CurrentPrincipal.bind(BOB);
    PrincipalContext bobsContext = PrincipalContext.capture();
    alice.close();
    assertEquals(Optional.empty(), boundId(), "closing alice's scope closes bob's inside it");
    bobsContext.run(
        () -> {
          bob.close();
          assertEquals(Optional.of("bob"), boundId(), "bob's scope was closed with alice's");
        });
    assertEquals(Optional.empty(), boundId());
  }

  @Test
  void threadsOwnScope_closedInATaskThatHidesIt_unbindsNothingThere_andIsGoneAfterTheTask() {
    PrincipalScope alice = CurrentPrincipal.bind(ALICE);
    PrincipalContext.none()
        .run(
            () -> {
              try (PrincipalScope bob = CurrentPrincipal.bind(BOB)) {
                alice.close();
                assertEquals(Optional.of("bob"), boundId());
              }
              assertEquals(Optional.empty(), boundId());
            });
    assertEquals(
        Optional.empty(), boundId(), "the task closed alice's scope: it does not come back");
  }

  @Test
  void threadsOwnScope_underAnotherThreadsScope_isNotReachedByClosingIt() throws Exception {
    PrincipalScope alice = CurrentPrincipal.bind(ALICE);
    PrincipalContext alicesContext = PrincipalContext.capture();
    // Another thread runs a task as alice and opens bob's scope on top of hers.
    PrincipalContext bobsContext =
        onAnotherThread(
            () -> {
              AtomicReference<PrincipalContext> captured = new AtomicReference<>();
              alicesContext.run(
                  () -> {
                    PrincipalScope bob = CurrentPrincipal.bind(BOB);
                    captured.set(PrincipalContext.capture());
                    bob.close();
                  });
              return captured.get();
            });
    bobsContext.run(
        () -> {
          alice.close();
          assertEquals(Optional.of("bob"), boundId(), "bob's scope is the other thread's to close");
        });
    assertEquals(Optional.empty(), boundId());
  }

  // --- tasks ---

  @Test
  void taskOnTheThreadThatCapturedTheContext_leavesItsScopeBound() {
    try (PrincipalScope alice = CurrentPrincipal.bind(ALICE)) {
      PrincipalContext.capture().run(() -> assertEquals(Optional.of("alice"), boundId()));
      assertEquals(Optional.of("alice"), boundId());
      try (PrincipalScope bob = CurrentPrincipal.bind(BOB)) {
        PrincipalContext.capture().run(() -> CurrentPrincipal.bind(CAROL));
        assertEquals(Optional.of("bob"), boundId());
      }
      assertEquals(Optional.of("alice"), boundId());
    }
  }

  @Test
  void scopeATaskLeftOpen_isClosedWhenTheTaskEnds_reenteredLater_itClosesNothing() {
    AtomicReference<PrincipalScope> leftOpen = new AtomicReference<>();
    AtomicReference<PrincipalContext> captured = new AtomicReference<>();
    PrincipalContext.none()
        .run(
            () -> {
              leftOpen.set(CurrentPrincipal.bind(BOB));
              captured.set(PrincipalContext.capture());
            });
    assertEquals(Optional.empty(), boundId());
    try (PrincipalScope alice = CurrentPrincipal.bind(ALICE)) {
      captured
          .get()
          .run(
              () -> {
                leftOpen.get().close();
                assertEquals(
                    Optional.of("bob"), boundId(), "the task's wrapper closed bob's scope already");
              });
      assertEquals(Optional.of("alice"), boundId());
    }
  }

  @Test
  void capturedScopeClosedOnItsThread_staysBoundForTheTaskThatCarriesIt() throws Exception {
    PrincipalScope alice = CurrentPrincipal.bind(ALICE);
    PrincipalContext context = PrincipalContext.capture();
    alice.close();
    Optional<String> afterInnerTask =
        onAnotherThread(
            () -> {
              AtomicReference<Optional<String>> seen = new AtomicReference<>();
              context.run(
                  () -> {
                    PrincipalContext.none().run(() -> {});
                    try (PrincipalScope bob = CurrentPrincipal.bind(BOB)) {
                      assertEquals(Optional.of("bob"), boundId());
                    }
                    seen.set(boundId());
                  });
              return seen.get();
            });
    assertEquals(
        Optional.of("alice"),
        afterInnerTask,
        "another thread's scope is that thread's to close: the task keeps it");
  }
}
