package dev.rolegate.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.rolegate.runtime.CurrentPrincipal;
import dev.rolegate.runtime.GuardIndex;
import dev.rolegate.runtime.Level;
import dev.rolegate.runtime.Matrix;
import dev.rolegate.runtime.Principal;
import dev.rolegate.test.fixtures.Gadgets;
import dev.rolegate.test.fixtures.GuardedGadgets;
import dev.rolegate.test.fixtures.GuardedLedger;
import dev.rolegate.test.fixtures.Ledger;
import dev.rolegate.test.fixtures.PlainGadgets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * {@link AuthorizationMatrix} over the {@link Gadgets} fixture: it passes a correctly wired guard,
 * and fails a guard wired wrongly, a missing call, and calls that name no method or several.
 */
class AuthorizationMatrixTest {
  private static final String WS = AuthorizationMatrix.WORKSPACE;

  static AuthorizationMatrix<Gadgets> allCalls(AuthorizationMatrix<Gadgets> matrix) {
    return matrix
        .call("ping", Gadgets::ping)
        .call("read(java.lang.String,java.lang.String)", g -> g.read(WS, "g-1"))
        .call("read(java.lang.String,int)", g -> g.read(WS, 7))
        .call("run", g -> g.run(WS, "g-1"))
        .call("cancel", g -> g.cancel(WS, "r-1"))
        .call("purge", Gadgets::purge)
        .call("rotateKeys", Gadgets::rotateKeys);
  }

  /** The helper used as users use it: a correct guard passes every case. */
  @TestFactory
  Stream<DynamicTest> gadgetsFollowTheMatrix() {
    PlainGadgets impl = new PlainGadgets();
    return allCalls(
            AuthorizationMatrix.of(Gadgets.class)
                .guard(source -> GuardedGadgets.wrap(impl, source)))
        .tests();
  }

  /** A guarded class, whose guard subclass reads the thread's binding. */
  @TestFactory
  Stream<DynamicTest> classGuardFollowsTheMatrix() {
    return AuthorizationMatrix.of(Ledger.class)
        .guard(source -> new GuardedLedger())
        .call("count", l -> l.count(WS))
        .call("clear", l -> l.clear(WS))
        .call("members", Ledger::members)
        .tests();
  }

  /** The same, with a guard that reads the thread's binding. */
  @TestFactory
  Stream<DynamicTest> threadBoundGuardFollowsTheMatrix() {
    return allCalls(
            AuthorizationMatrix.of(Gadgets.class)
                .guard(source -> GuardedGadgets.wrap(new PlainGadgets())))
        .tests();
  }

  static class Correct {
    @TestFactory
    Stream<DynamicTest> cases() {
      return new AuthorizationMatrixTest().gadgetsFollowTheMatrix();
    }
  }

  static class AllowsEverything {
    @TestFactory
    Stream<DynamicTest> cases() {
      return allCalls(
              AuthorizationMatrix.of(Gadgets.class)
                  .implementation(new PlainGadgets())
                  .guard((delegate, source) -> delegate))
          .tests();
    }
  }

  static class RunsAsOwnerWhateverTheCaller {
    @TestFactory
    Stream<DynamicTest> cases() {
      Principal owner =
          Principal.user("owner")
              .directory(workspace -> AuthorizationMatrix.ACCOUNT)
              .member(AuthorizationMatrix.ACCOUNT)
              .workspaceRole(WS, "OWNER")
              .build();
      return allCalls(
              AuthorizationMatrix.of(Gadgets.class)
                  .guard(source -> GuardedGadgets.wrap(new PlainGadgets(), () -> owner)))
          .tests();
    }
  }

  static class MissingCall {
    @TestFactory
    Stream<DynamicTest> cases() {
      return AuthorizationMatrix.of(Gadgets.class)
          .guard(source -> GuardedGadgets.wrap(new PlainGadgets(), source))
          .call("ping", Gadgets::ping)
          .call("read(java.lang.String,java.lang.String)", g -> g.read(WS, "g-1"))
          .call("run", g -> g.run(WS, "g-1"))
          .call("cancel", g -> g.cancel(WS, "r-1"))
          .call("purge", Gadgets::purge)
          .tests();
    }
  }

  /** An implementation whose read calls another guarded service, which denies most roles. */
  static class CallsAnotherGuard {
    @TestFactory
    Stream<DynamicTest> cases() {
      Gadgets inner = GuardedGadgets.wrap(new PlainGadgets());
      PlainGadgets impl =
          new PlainGadgets() {
            @Override
            public String read(String workspace, String id) {
              inner.rotateKeys();
              return id;
            }
          };
      return allCalls(
              AuthorizationMatrix.of(Gadgets.class)
                  .guard(source -> GuardedGadgets.wrap(impl, source)))
          .tests();
    }
  }

  private static EngineExecutionResults run(Class<?> fixture) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture)).execute();
  }

  private static String message(Event event) {
    return event
        .getPayload(TestExecutionResult.class)
        .orElseThrow()
        .getThrowable()
        .orElseThrow()
        .getMessage();
  }

  private static int cases() {
    Matrix matrix = Matrix.load();
    // Each workspace role in four placements, and as the workspace's default role; the default
    // "no access"; each account role, in the account and in another one; no principal.
    int workspaceRoles = matrix.roles(Level.WORKSPACE).size();
    int perMethod =
        4 * workspaceRoles + workspaceRoles + 1 + 2 * matrix.roles(Level.ACCOUNT).size() + 1;
    return 7 * perMethod;
  }

  @Test
  void correctGuard_passesOneCasePerMethodAndRole() {
    EngineExecutionResults events = run(Correct.class);
    int cases = cases();
    events.allEvents().dynamicallyRegistered().assertThatEvents().hasSize(cases);
    events.testEvents().assertStatistics(stats -> stats.started(cases).succeeded(cases).failed(0));
    List<String> names =
        events.allEvents().dynamicallyRegistered().stream()
            .map(event -> event.getTestDescriptor().getDisplayName())
            .toList();
    // Spot checks against MATRIX.md: a Runner may not delete, a Developer may; a Worker may
    // cancel (anyOf through POLL_AND_SUBMIT_WORK) but not run (needs RUN_DEPLOYMENTS too).
    assertTrue(names.contains("purge() as workspace RUNNER: denied"), names.toString());
    assertTrue(names.contains("purge() as workspace DEVELOPER: allowed"), names.toString());
    assertTrue(
        names.contains("cancel(java.lang.String,java.lang.String) as workspace WORKER: allowed"));
    assertTrue(
        names.contains("run(java.lang.String,java.lang.String) as workspace WORKER: denied"));
    assertTrue(names.contains("rotateKeys() as account ADMIN (no workspace role): allowed"));
    assertTrue(names.contains("rotateKeys() as workspace OWNER: denied"));
    assertTrue(
        names.contains(
            "read(java.lang.String,java.lang.String) as account ADMIN (no workspace"
                + " role): allowed"));
    assertTrue(names.contains("ping() with no principal: allowed"));
    assertTrue(names.contains("rotateKeys() as account ADMIN of another account: denied"));
    assertTrue(
        names.contains(
            "read(java.lang.String,java.lang.String) as account OWNER of another"
                + " account: denied"));
    assertTrue(names.contains("ping() as account OWNER of another account: allowed"));
    assertTrue(names.contains("purge() with no principal: unauthenticated"));
    assertTrue(CurrentPrincipal.get().isEmpty());
  }

  @Test
  void guardThatAllowsEverything_failsEveryDeniedCase() {
    EngineExecutionResults events = run(AllowsEverything.class);
    List<Event> failed = events.testEvents().failed().list();
    List<Event> succeeded = events.testEvents().succeeded().list();
    assertEquals(cases(), failed.size() + succeeded.size());
    assertFalse(failed.isEmpty());
    for (Event event : failed) {
      String name = event.getTestDescriptor().getDisplayName();
      assertTrue(name.endsWith(": denied") || name.endsWith(": unauthenticated"), name);
      assertTrue(
          message(event).contains(" was allowed, but matrix Prefect Cloud says "), message(event));
    }
    for (Event event : succeeded) {
      assertTrue(event.getTestDescriptor().getDisplayName().endsWith(": allowed"));
    }
    Event purge =
        failed.stream()
            .filter(
                e ->
                    e.getTestDescriptor()
                        .getDisplayName()
                        .equals("purge() as workspace VIEWER: denied"))
            .findFirst()
            .orElseThrow();
    assertEquals(
        "Gadgets.purge() as workspace VIEWER was allowed, but matrix Prefect Cloud says"
            + " denied (requires DELETE_DEPLOYMENTS)",
        message(purge));
  }

  @Test
  void guardReadingTheWrongPrincipal_failsTheCasesWhereItMatters() {
    EngineExecutionResults events = run(RunsAsOwnerWhateverTheCaller.class);
    List<String> failed =
        events.testEvents().failed().stream()
            .map(event -> event.getTestDescriptor().getDisplayName())
            .toList();
    String run = "run(java.lang.String,java.lang.String)";
    assertTrue(failed.contains(run + " as workspace VIEWER: denied"), failed.toString());
    assertTrue(failed.contains(run + " with no principal: unauthenticated"), failed.toString());
    assertFalse(failed.contains(run + " as workspace OWNER: allowed"), failed.toString());
    // Its source binds no workspace, so even the owner it claims to be may not purge the bound one.
    assertTrue(failed.contains("purge() as workspace OWNER: allowed"), failed.toString());
  }

  @Test
  void denialByAnotherGuardInsideTheImplementation_isReportedAsSuch_notCountedAsDenied() {
    EngineExecutionResults events = run(CallsAnotherGuard.class);
    Event viewer =
        events.testEvents().failed().stream()
            .filter(
                e ->
                    e.getTestDescriptor()
                        .getDisplayName()
                        .equals(
                            "read(java.lang.String,java.lang.String) as workspace VIEWER: allowed"))
            .findFirst()
            .orElseThrow();
    assertEquals(
        "calling Gadgets.read(java.lang.String,java.lang.String) was denied by another"
            + " guarded call (Gadgets.rotateKeys) inside it; give an implementation that calls no other"
            + " guarded service",
        message(viewer));
    // Account ADMIN passes both checks, so its case stands.
    assertTrue(
        events.testEvents().succeeded().stream()
            .anyMatch(
                e ->
                    e.getTestDescriptor()
                        .getDisplayName()
                        .equals(
                            "read(java.lang.String,java.lang.String) as account ADMIN (no"
                                + " workspace role): allowed")));
  }

  @Test
  void indexOfAnotherMatrix_orAPermissionTheMatrixLacks_isRejected() {
    String type =
        "type dev.rolegate.test.fixtures.Gadgets dev.rolegate.test.fixtures.GuardedGadgets"
            + " interface ";
    GuardIndex other =
        GuardIndex.parse(
            "other-index",
            "rolegate-guard-index 1\n" + type + "Acme\nmethod ping - unguarded - none\n");
    IllegalStateException wrongMatrix =
        assertThrows(
            IllegalStateException.class,
            () ->
                AuthorizationMatrix.of(Gadgets.class)
                    .index(other)
                    .guard(source -> GuardedGadgets.wrap(new PlainGadgets(), source))
                    .call("ping", Gadgets::ping)
                    .tests());
    assertEquals(
        "dev.rolegate.test.fixtures.Gadgets was checked against matrix Acme (other-index),"
            + " but the matrix in use is Prefect Cloud; pass the matching one with .matrix(...)",
        wrongMatrix.getMessage());
    GuardIndex unknownPermission =
        GuardIndex.parse(
            "stale-index",
            "rolegate-guard-index 1\n"
                + type
                + "Prefect Cloud\nmethod purge - allOf PURGE_EVERYTHING bound\n");
    IllegalStateException unknown =
        assertThrows(
            IllegalStateException.class,
            () ->
                AuthorizationMatrix.of(Gadgets.class)
                    .index(unknownPermission)
                    .guard(source -> GuardedGadgets.wrap(new PlainGadgets(), source))
                    .call("purge", Gadgets::purge)
                    .tests());
    assertEquals(
        "dev.rolegate.test.fixtures.Gadgets.purge() requires PURGE_EVERYTHING, which matrix"
            + " Prefect Cloud does not have (stale-index)",
        unknown.getMessage());
  }

  @Test
  void missingCall_failsTheFactory_namingTheMethods() {
    EngineExecutionResults events = run(MissingCall.class);
    List<Event> failed = events.allEvents().failed().list();
    assertEquals(1, failed.size());
    assertEquals(
        "dev.rolegate.test.fixtures.Gadgets has 2 method(s) with no call:"
            + " read(java.lang.String,int), rotateKeys(); give each a .call(...), so that no guarded"
            + " method goes unchecked",
        message(failed.get(0)));
    events.allEvents().dynamicallyRegistered().assertThatEvents().isEmpty();
  }

  @Test
  void callsNamingNoMethodOrSeveral_areRejected() {
    AuthorizationMatrix<Gadgets> base =
        AuthorizationMatrix.of(Gadgets.class)
            .guard(source -> GuardedGadgets.wrap(new PlainGadgets(), source));
    IllegalStateException ambiguous =
        assertThrows(
            IllegalStateException.class,
            () ->
                allCalls(
                        AuthorizationMatrix.of(Gadgets.class)
                            .guard(source -> GuardedGadgets.wrap(new PlainGadgets(), source)))
                    .call("read", g -> g.read(WS, "x"))
                    .tests());
    assertEquals(
        "call(\"read\") is ambiguous in dev.rolegate.test.fixtures.Gadgets: give the"
            + " signature of one of read(java.lang.String,java.lang.String), read(java.lang.String,int)",
        ambiguous.getMessage());
    IllegalStateException unknown =
        assertThrows(
            IllegalStateException.class, () -> base.call("remove", Gadgets::purge).tests());
    assertTrue(
        unknown
            .getMessage()
            .startsWith(
                "call(\"remove\") matches no guarded method of"
                    + " dev.rolegate.test.fixtures.Gadgets; its methods: ping(), "),
        unknown.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> base.call("ping", Gadgets::ping).call("ping", Gadgets::ping));
    IllegalStateException noGuard =
        assertThrows(
            IllegalStateException.class,
            () -> allCalls(AuthorizationMatrix.of(Gadgets.class)).tests());
    assertEquals(
        "no guard for dev.rolegate.test.fixtures.Gadgets: give .guard(source ->"
            + " GuardedGadgets.wrap(impl, source))",
        noGuard.getMessage());
    IllegalStateException notGuarded =
        assertThrows(
            IllegalStateException.class,
            () -> AuthorizationMatrix.of(Runnable.class).guard(source -> () -> {}).tests());
    assertTrue(
        notGuarded.getMessage().startsWith("java.lang.Runnable is in no guard index"),
        notGuarded.getMessage());
  }
}
