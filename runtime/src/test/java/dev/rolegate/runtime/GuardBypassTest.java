package dev.rolegate.runtime;

import static dev.rolegate.runtime.TestMatrix.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.rolegate.runtime.internal.Binding;
import dev.rolegate.runtime.internal.Bindings;
import dev.rolegate.runtime.internal.Names;
import dev.rolegate.runtime.internal.Requirement;
import dev.rolegate.runtime.internal.RuntimeAccess;
import dev.rolegate.runtime.internal.Secrets;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The run-time rows of docs/SECURITY.md's "Ways around a guard": each was a way to reach a delegate
 * without the permission, or to have a decision stand on one fact while the call used another.
 * Method names start with the row's id. Every test fails on the runtime before the fix named in its
 * row.
 */
class GuardBypassTest {
  private static final String OP = "Things.delete";
  private static final Requirement DELETE = Requirement.allOf(permission(DELETE_X));
  private static final Requirement DELETE_OR_VIEW_ACCOUNT =
      Requirement.anyOf(permission(DELETE_X), permission(VIEW_ACCOUNT));
  private static final Requirement VIEW_ACCOUNT_REQ = Requirement.allOf(permission(VIEW_ACCOUNT));

  private static final Principal OWNER_P = user("olga").workspaceRole("ws-prod", OWNER).build();
  private static final Principal VIEWER_P = user("vic").workspaceRole("ws-prod", VIEWER).build();
  private static final Principal MEMBER_P = user("mia").build();
  private static final Principal ADMIN_P = user("ada").accountRole(ADMIN).build();

  /** Calls that reached the delegate. */
  private final AtomicInteger reached = new AtomicInteger();

  @AfterEach
  void nothingLeftBound() {
    Optional<Principal> left = CurrentPrincipal.get();
    while (Bindings.current() != null) {
      Bindings.current().close();
    }
    assertEquals(Optional.empty(), left, "a test left a principal bound");
  }

  /** A guard shaped like a generated one: the check, then the delegate. */
  private void guarded(Requirement requirement, PrincipalSource source, String workspace) {
    requirement.check(source, workspace, OP);
    reached.incrementAndGet();
  }

  private static PrincipalSource fixed(Principal principal) {
    return () -> principal;
  }

  // --- scopes: closing a scope never brings a principal back ---

  @Test
  void h94_scopeLeftOpenByAPoolTask_closedLaterOnThatThread_bindsNobody() throws Exception {
    ExecutorService thread = Executors.newSingleThreadExecutor();
    ExecutorService propagating = CurrentPrincipal.propagating(thread);
    try {
      AtomicReference<PrincipalScope> leaked = new AtomicReference<>();
      try (PrincipalScope submitter = CurrentPrincipal.bind(OWNER_P, "ws-prod")) {
        // The task opens a scope of its own and never closes it.
        propagating.submit(() -> leaked.set(CurrentPrincipal.bind(VIEWER_P))).get();
      }
      // Later, on the same pooled thread and outside any wrapper, the stale scope is closed.
      Optional<Principal> afterClose =
          thread
              .submit(
                  () -> {
                    leaked.get().close();
                    return CurrentPrincipal.get();
                  })
              .get();
      assertEquals(
          Optional.empty(), afterClose, "closing the stale scope bound the captured owner");
      // Later tasks, unwrapped and wrapped, run as nobody.
      assertEquals(Optional.empty(), thread.submit(CurrentPrincipal::get).get());
      assertEquals(Optional.empty(), propagating.submit(CurrentPrincipal::get).get());
      Throwable denied =
          thread
              .submit(
                  () -> {
                    try {
                      guarded(DELETE, CurrentPrincipal.source(), "ws-prod");
                      return null;
                    } catch (UnauthenticatedException e) {
                      return e;
                    }
                  })
              .get();
      assertInstanceOf(UnauthenticatedException.class, denied);
      assertEquals(0, reached.get());
    } finally {
      thread.shutdownNow();
      assertTrue(thread.awaitTermination(10, TimeUnit.SECONDS));
    }
  }

  @Test
  void h95_staleScopeClosedInsideAnotherTask_unbindsNothingThere_andNothingAfter()
      throws Exception {
    ExecutorService thread = Executors.newSingleThreadExecutor();
    ExecutorService propagating = CurrentPrincipal.propagating(thread);
    try {
      AtomicReference<PrincipalScope> leaked = new AtomicReference<>();
      try (PrincipalScope owner = CurrentPrincipal.bind(OWNER_P)) {
        propagating.submit(() -> leaked.set(CurrentPrincipal.bind(VIEWER_P))).get();
      }
      List<Optional<Principal>> seen;
      try (PrincipalScope member = CurrentPrincipal.bind(MEMBER_P)) {
        seen =
            propagating
                .submit(
                    () -> {
                      Optional<Principal> before = CurrentPrincipal.get();
                      leaked.get().close();
                      return List.of(before, CurrentPrincipal.get());
                    })
                .get();
      }
      assertEquals(List.of(Optional.of(MEMBER_P), Optional.of(MEMBER_P)), seen);
      assertEquals(Optional.empty(), thread.submit(CurrentPrincipal::get).get());
    } finally {
      thread.shutdownNow();
      assertTrue(thread.awaitTermination(10, TimeUnit.SECONDS));
    }
  }

  @Test
  void h96_scopeClosedInsideATaskRunAsNobody_bindsNobodyThere() {
    try (PrincipalScope outer = CurrentPrincipal.bind(OWNER_P)) {
      PrincipalScope inner = CurrentPrincipal.bind(VIEWER_P);
      AtomicReference<Optional<Principal>> during = new AtomicReference<>();
      PrincipalContext.none()
          .run(
              () -> {
                inner.close();
                during.set(CurrentPrincipal.get());
                assertThrows(
                    UnauthenticatedException.class,
                    () -> guarded(DELETE, CurrentPrincipal.source(), "ws-prod"));
              });
      assertEquals(
          Optional.empty(), during.get(), "closing a scope bound its outer scope in a nobody task");
      // After the task, the thread has its own bindings back, less the scope the task closed.
      assertEquals(Optional.of(OWNER_P), CurrentPrincipal.get());
    }
    assertEquals(0, reached.get());
  }

  @Test
  void h97_scopesClosedOutOfOrder_neverBringOneBack() {
    PrincipalScope outer = CurrentPrincipal.bind(OWNER_P);
    PrincipalScope inner = CurrentPrincipal.bind(VIEWER_P);
    outer.close();
    assertEquals(
        Optional.empty(), CurrentPrincipal.get(), "the outer scope takes the inner one with it");
    try (PrincipalScope later = CurrentPrincipal.bind(MEMBER_P)) {
      inner.close();
      assertEquals(
          Optional.of(MEMBER_P),
          CurrentPrincipal.get(),
          "a closed inner scope unbound a later one");
      outer.close();
      assertEquals(
          Optional.of(MEMBER_P), CurrentPrincipal.get(), "a second close unbound a later scope");
    }
    assertEquals(Optional.empty(), CurrentPrincipal.get());
  }

  @Test
  void h98_scopeClosedTwice_secondCloseUnbindsNothing() {
    PrincipalScope first = CurrentPrincipal.bind(OWNER_P);
    first.close();
    try (PrincipalScope second = CurrentPrincipal.bind(VIEWER_P)) {
      first.close();
      assertEquals(Optional.of(VIEWER_P), CurrentPrincipal.get());
      assertThrows(
          AccessDeniedException.class, () -> guarded(DELETE, CurrentPrincipal.source(), "ws-prod"));
    }
    assertEquals(Optional.empty(), CurrentPrincipal.get());
    assertEquals(0, reached.get());
  }

  @Test
  void h99_taskClosesTheThreadsOwnScopeThenLeavesOneOpen_threadGetsNeitherBack() {
    PrincipalScope own = CurrentPrincipal.bind(OWNER_P);
    AtomicReference<PrincipalScope> leaked = new AtomicReference<>();
    PrincipalContext captured = PrincipalContext.capture();
    captured.run(
        () -> {
          own.close();
          leaked.set(CurrentPrincipal.bind(VIEWER_P));
        });
    assertEquals(Optional.empty(), CurrentPrincipal.get());
    leaked.get().close();
    own.close();
    assertEquals(Optional.empty(), CurrentPrincipal.get());
  }

  @Test
  void h115_aCapturedContextRunOnItsOwnThread_neverFallsBackOntoWhatLayUnderTheCapture() {
    try (PrincipalScope outer = CurrentPrincipal.bind(ADMIN_P)) {
      PrincipalContext captured;
      try (PrincipalScope inner = CurrentPrincipal.bind(VIEWER_P)) {
        captured = PrincipalContext.capture();
      }
      AtomicReference<Optional<Principal>> afterNested = new AtomicReference<>();
      captured.run(
          () -> {
            try (PrincipalScope nested = CurrentPrincipal.bind(MEMBER_P)) {
              // a scope of the task's own, closed again
            }
            afterNested.set(CurrentPrincipal.get());
            assertThrows(
                AccessDeniedException.class,
                () -> guarded(DELETE, CurrentPrincipal.source(), "ws-prod"));
          });
      assertEquals(
          Optional.of(VIEWER_P),
          afterNested.get(),
          "the task fell back onto the thread's account ADMIN");
      assertEquals(Optional.of(ADMIN_P), CurrentPrincipal.get());
    }
    assertEquals(0, reached.get());
  }

  @Test
  void h116_aBindingEnteredFromAnotherThread_isAScopeOfThisThread_andExitChecksTheThread()
      throws Exception {
    ExecutorService other = Executors.newSingleThreadExecutor();
    try {
      Binding foreign =
          other
              .submit(
                  () -> {
                    try (PrincipalScope scope = CurrentPrincipal.bind(OWNER_P)) {
                      return Bindings.current();
                    }
                  })
              .get();
      Bindings.Entered entered = Bindings.enter(foreign);
      assertEquals(Optional.of(OWNER_P), CurrentPrincipal.get());
      // Entered without an exit, the frame is still this thread's to close.
      Bindings.current().close();
      assertEquals(Optional.empty(), CurrentPrincipal.get());
      Bindings.exit(entered);
      Bindings.Entered elsewhere = other.submit(() -> Bindings.enter(null)).get();
      IllegalStateException wrongThread =
          assertThrows(IllegalStateException.class, () -> Bindings.exit(elsewhere));
      assertTrue(
          wrongThread
              .getMessage()
              .startsWith("a task's bindings end on the thread that" + " entered them"),
          wrongThread.getMessage());
      assertEquals(Optional.empty(), CurrentPrincipal.get());
    } finally {
      other.shutdownNow();
      assertTrue(other.awaitTermination(10, TimeUnit.SECONDS));
    }
  }

  @Test
  void h117_aTaskClosingTheThreadsOuterScope_takesTheScopesOpenedInsideItWithIt() {
    PrincipalScope outer = CurrentPrincipal.bind(ADMIN_P);
    PrincipalScope inner = CurrentPrincipal.bind(VIEWER_P);
    PrincipalContext.capture().run(outer::close);
    assertEquals(
        Optional.empty(),
        CurrentPrincipal.get(),
        "a scope opened inside a closed one stayed bound");
    inner.close();
    assertEquals(Optional.empty(), CurrentPrincipal.get());
  }

  @Test
  void h118_aListenerThatBindsAndLeavesAScope_changesNothingTheDelegateSees() {
    List<PrincipalScope> leaked = new java.util.ArrayList<>();
    Decisions.setListener(decision -> leaked.add(CurrentPrincipal.bind(OWNER_P, "ws-prod")));
    AtomicReference<Optional<Principal>> seenByDelegate = new AtomicReference<>();
    try (PrincipalScope scope = CurrentPrincipal.bind(VIEWER_P, "ws-prod")) {
      Requirement.allOf(permission(VIEW_X)).check(CurrentPrincipal.source(), "ws-prod", OP);
      seenByDelegate.set(CurrentPrincipal.get());
      assertThrows(
          AccessDeniedException.class, () -> guarded(DELETE, CurrentPrincipal.source(), "ws-prod"));
    } finally {
      Decisions.setListener(null);
    }
    assertEquals(Optional.of(VIEWER_P), seenByDelegate.get());
    assertEquals(2, leaked.size());
    leaked.forEach(PrincipalScope::close);
    assertEquals(Optional.empty(), CurrentPrincipal.get());
    assertEquals(0, reached.get());
  }

  // --- calls that name a workspace never run without one ---

  @Test
  void h100_anyOfWithAnAccountPermission_nullBlankOrInvisibleWorkspace_isDenied() {
    for (Principal caller : List.of(MEMBER_P, ADMIN_P, OWNER_P)) {
      for (String workspace : new String[] {null, "", " ", "\u00a0", "\u200b", "\u0000"}) {
        AccessDeniedException denial =
            assertThrows(
                AccessDeniedException.class,
                () -> guarded(DELETE_OR_VIEW_ACCOUNT, fixed(caller), workspace));
        assertTrue(
            denial
                .getMessage()
                .contains(
                    workspace == null
                        ? "the call names no workspace"
                        : "the workspace id is empty or blank"),
            denial.getMessage());
      }
    }
    assertEquals(0, reached.get());
    // In a named workspace the account permission suffices, as the annotation says.
    guarded(DELETE_OR_VIEW_ACCOUNT, fixed(MEMBER_P), "ws-anywhere");
    assertEquals(1, reached.get());
  }

  @Test
  void h101_anyOfWithAnAccountPermission_boundWorkspaceMissing_isDenied() {
    try (PrincipalScope scope = CurrentPrincipal.bind(MEMBER_P)) {
      assertThrows(
          AccessDeniedException.class,
          () -> DELETE_OR_VIEW_ACCOUNT.check(CurrentPrincipal.source(), OP));
    }
    try (PrincipalScope scope = CurrentPrincipal.bind(MEMBER_P, " ")) {
      assertThrows(
          AccessDeniedException.class,
          () -> DELETE_OR_VIEW_ACCOUNT.check(CurrentPrincipal.source(), OP));
    }
  }

  @Test
  void
      h102_accountPermissionWithAWorkspaceArgument_nullWorkspace_isDenied_namingTheAccount_isAllowed() {
    assertThrows(
        AccessDeniedException.class, () -> guarded(VIEW_ACCOUNT_REQ, fixed(ADMIN_P), null));
    assertThrows(
        AccessDeniedException.class, () -> guarded(VIEW_ACCOUNT_REQ, fixed(ADMIN_P), "\u2060"));
    assertEquals(0, reached.get());
    // A method that names no workspace needs none, but it needs its account; naming neither is
    // denied (and refused at compile time: [MissingAccount]).
    VIEW_ACCOUNT_REQ.checkInAccount(fixed(MEMBER_P), TestMatrix.ACCOUNT, OP);
    assertThrows(AccessDeniedException.class, () -> VIEW_ACCOUNT_REQ.check(fixed(MEMBER_P), OP));
    // Decisions.explain follows the same rule.
    assertFalse(Decisions.explain(ADMIN_P, " ", VIEW_ACCOUNT).allowed());
    assertTrue(Decisions.explainInAccount(ADMIN_P, TestMatrix.ACCOUNT, VIEW_ACCOUNT).allowed());
  }

  // --- names in messages and logs ---

  @Test
  void h103_principalIdsThatCannotBeShown_areRejected() {
    String[] ids = {
      "alice\u2028admin",
      "alice\u2029",
      "\u202eeciLA",
      "al\u200bice",
      "alice\ufeff",
      "ali\u00a0ce",
      "alice\u2007",
      " alice",
      "alice ",
      "\ud800alice",
      "alice\ue000",
      "alice\u0085",
      "alice\u001b[0m"
    };
    for (String id : ids) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> Principal.user(id), Names.escaped(id));
      assertTrue(e.getMessage().startsWith("a principal id may"), e.getMessage());
      // The message shows the id escaped: no character of it that cannot be shown.
      assertTrue(
          e.getMessage().chars().allMatch(c -> c == ' ' || Names.isShowable(c)), e.getMessage());
    }
    IllegalArgumentException bidi =
        assertThrows(
            IllegalArgumentException.class,
            () -> Principal.user("\u202eeciLA").directory(TestMatrix.SINGLE));
    assertEquals(
        "a principal id may not contain U+202E RIGHT-TO-LEFT OVERRIDE (character 1 of"
            + " \"\\u202eeciLA\"): messages and logs could not show it truthfully (control, format and"
            + " invisible characters are refused)",
        bidi.getMessage());
    // Letters of any script, digits, punctuation and inner spaces are fine.
    assertEquals(
        "Zoë O'Brien-Łukasz 李",
        Principal.user("Zoë O'Brien-Łukasz 李").directory(TestMatrix.SINGLE).build().id());
  }

  @Test
  void h104_customRoleNamesThatCannotBeShownOrReadLikeABuiltInRole_areRejected() {
    CustomRoles roles = new CustomRoles(MATRIX);
    String[][] cases = {
      {"DEP\nLOYER", "may not contain U+000A"},
      {"DEPLOYER\u200b", "may not contain U+200B ZERO WIDTH SPACE"},
      {"DEP\u00a0LOYER", "may not contain U+00A0 NO-BREAK SPACE"},
      {"DEPLOYER\u2028", "may not contain U+2028 LINE SEPARATOR"},
      {"OWNER\u200b", "may not contain U+200B"},
      {"viewer", "would read like the built-in workspace role VIEWER"},
      {"Viewer", "would read like the built-in workspace role VIEWER"},
      {"Admin", "would read like the built-in account role ADMIN"},
      {" ", "may not be empty or blank"},
      {"\u200b", "may not be empty or blank"},
    };
    for (String[] each : cases) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> roles.define(each[0], VIEWER, EDIT_X),
              Names.escaped(each[0]));
      assertTrue(e.getMessage().contains(each[1]), e.getMessage());
      assertThrows(
          IllegalArgumentException.class, () -> roles.defineStandalone(each[0], List.of(EDIT_X)));
    }
    roles.define("Deployer", VIEWER, EDIT_X);
    IllegalArgumentException twin =
        assertThrows(
            IllegalArgumentException.class, () -> roles.define("DEPLOYER", VIEWER, EDIT_X));
    assertTrue(twin.getMessage().contains("is already defined as Deployer"), twin.getMessage());
    assertEquals(1, roles.all().size());
  }

  @Test
  void h105_workspaceIdsThatCannotBeShown_areRejectedWhenGiven_andEscapedWhenCalled() {
    assertThrows(
        IllegalArgumentException.class, () -> user("u").workspaceRole("ws\u202e-prod", OWNER));
    assertThrows(
        IllegalArgumentException.class,
        () -> new WorkspaceDefaults(MATRIX).setDefaultRole("ws-prod\u2028", VIEWER));
    List<Decision> seen = new java.util.ArrayList<>();
    Decisions.setListener(seen::add);
    AccessDeniedException denial;
    try {
      denial =
          assertThrows(
              AccessDeniedException.class,
              () -> guarded(DELETE, fixed(VIEWER_P), "ws-prod\u2028x\u202e\u00a0"));
    } finally {
      Decisions.setListener(null);
    }
    assertTrue(
        denial.getMessage().contains("in workspace \"ws-prod\\u2028x\\u202e\\u00a0\""),
        denial.getMessage());
    // A listener that logs the decision's workspace gets it by the same rule.
    assertEquals("ws-prod\\u2028x\\u202e\\u00a0", seen.get(0).workspaceForLog());
    assertEquals(0, reached.get());
  }

  @Test
  void h106_unknownRoleNamesAreQuotedEscaped() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> user("u").workspaceRole("ws-prod", "ROOT\n<script>\u202e").build());
    assertTrue(
        e.getMessage().startsWith("workspace role \"ROOT\\n<script>\\u202e\" is unknown"),
        e.getMessage());
    IllegalArgumentException custom =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                user("u")
                    .customRoles(new CustomRoles(MATRIX))
                    .workspaceRole("ws-prod", "X\u2029")
                    .build());
    assertTrue(
        custom.getMessage().startsWith("workspace role \"X\\u2029\" is neither"),
        custom.getMessage());
  }

  // --- internals an application cannot subclass or forge ---

  @Test
  void h107_theBindingTypesAreFinalAndCannotBeMadeOutsideTheRuntime() {
    for (Class<?> type : List.of(Binding.class, Bindings.class, Requirement.class, Secrets.class)) {
      assertTrue(Modifier.isFinal(type.getModifiers()), type + " is not final");
      for (Constructor<?> constructor : type.getDeclaredConstructors()) {
        assertFalse(
            Modifier.isPublic(constructor.getModifiers())
                || Modifier.isProtected(constructor.getModifiers()),
            constructor.toString());
      }
    }
    assertThrows(
        ClassNotFoundException.class,
        () -> Class.forName("dev.rolegate.runtime.internal.BindingSource"));
  }

  @Test
  void h108_anotherAccessCannotBeRegistered() {
    RuntimeAccess forged =
        new RuntimeAccess() {
          @Override
          public long firstWord(Role role) {
            return -1L;
          }

          @Override
          public long firstWordMask(Permission permission) {
            return -1L;
          }

          @Override
          public Role assignedRoleIn(Principal principal, String workspace, String account) {
            return role(OWNER);
          }

          @Override
          public Role roleIn(Principal principal, Object workspace, String account) {
            return role(OWNER);
          }

          @Override
          public boolean holdableIn(Principal principal, Role role, String account) {
            return true;
          }
        };
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> Secrets.setRuntimeAccess(forged));
    assertTrue(e.getMessage().contains("registered already"), e.getMessage());
    // Decisions still read the principal's own roles.
    assertThrows(AccessDeniedException.class, () -> guarded(DELETE, fixed(VIEWER_P), "ws-prod"));
    try (PrincipalScope scope = CurrentPrincipal.bind(VIEWER_P, "ws-prod")) {
      assertThrows(
          AccessDeniedException.class, () -> guarded(DELETE, CurrentPrincipal.source(), "ws-prod"));
    }
    assertEquals(0, reached.get());
  }

  @Test
  void h109_anApplicationSourceIsReadThroughItsPrincipalOnly() {
    // A source that is not the runtime's own, whatever it is: its principal's roles decide.
    PrincipalSource imitation =
        new PrincipalSource() {
          @Override
          public Principal current() {
            return VIEWER_P;
          }

          @Override
          public String currentWorkspace() {
            return "ws-prod";
          }
        };
    List<Decision> seen = new java.util.ArrayList<>();
    Decisions.setListener(seen::add);
    try {
      assertThrows(AccessDeniedException.class, () -> DELETE.check(imitation, OP));
      Requirement.allOf(permission(VIEW_X)).check(imitation, OP);
    } finally {
      Decisions.setListener(null);
    }
    assertEquals(2, seen.size());
    assertFalse(seen.get(0).allowed());
    assertEquals("VIEWER in ws-prod", seen.get(1).grantedBy());
    assertFalse(Decisions.explain(VIEWER_P, "ws-prod", DELETE_X).allowed());
  }

  @Test
  void h110_bitAccessorsAreNotApi() {
    assertThrows(NoSuchMethodException.class, () -> Role.class.getMethod("firstWord"));
    assertThrows(NoSuchMethodException.class, () -> Permission.class.getMethod("firstWordMask"));
    assertFalse(Modifier.isPublic(InternalAccess.class.getModifiers()));
  }

  // --- which matrix ---

  @Test
  void h111_aMatrixTitledLikeAnother_isNamedByItsLocation() {
    Principal stranger =
        Principal.user("eve")
            .directory(TestMatrix.SINGLE)
            .matrix(TestMatrix.build(NAME, "com.acme", "test-matrix.md"))
            .workspaceRole("ws-prod", OWNER)
            .accountRole(ADMIN)
            .build();
    AccessDeniedException e =
        assertThrows(
            AccessDeniedException.class, () -> guarded(DELETE, fixed(stranger), "ws-prod"));
    assertTrue(
        e.getMessage()
            .endsWith(
                "eve's roles come from matrix Test Matrix"
                    + " (com/acme/test-matrix.md), but this guard checks matrix Test Matrix (test-matrix.md)"),
        e.getMessage());
    assertEquals(0, reached.get());
  }

  @Test
  void h112_anotherCopyOfTheSameMatrix_isSaidToBeOne() {
    Principal twin =
        Principal.user("tom")
            .directory(TestMatrix.SINGLE)
            .matrix(TestMatrix.build(NAME))
            .workspaceRole("ws-prod", OWNER)
            .build();
    AccessDeniedException e =
        assertThrows(AccessDeniedException.class, () -> guarded(DELETE, fixed(twin), "ws-prod"));
    assertTrue(
        e.getMessage()
            .contains(
                "tom's roles come from another copy of matrix Test Matrix"
                    + " (test-matrix.md) (the same file loaded twice"),
        e.getMessage());
    assertEquals(0, reached.get());
  }
}
