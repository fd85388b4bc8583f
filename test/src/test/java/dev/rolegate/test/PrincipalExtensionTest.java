package dev.rolegate.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.rolegate.runtime.AccountDirectory;
import dev.rolegate.runtime.CurrentPrincipal;
import dev.rolegate.runtime.Principal;
import dev.rolegate.runtime.PrincipalKind;
import dev.rolegate.runtime.PrincipalScope;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * {@link WithPrincipal}, {@link WithServiceAccount} and {@link PrincipalExtension}, run through the
 * JUnit Platform EngineTestKit on fixture classes (static nested classes, which the build does not
 * run by themselves). The kit runs them on this thread, so what they leave bound is visible here.
 */
class PrincipalExtensionTest {
  @BeforeEach
  @AfterEach
  void nothingBound() {
    Recorded.SEEN.clear();
    assertTrue(CurrentPrincipal.get().isEmpty(), "a principal is bound on the test thread");
  }

  private static Events run(Class<?> fixture) {
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(fixture))
        .execute()
        .testEvents();
  }

  /** Returns each failed test's display name with its exception's message. */
  private static Map<String, String> failures(Events events) {
    Map<String, String> failures = new TreeMap<>();
    for (Event event : events.failed().list()) {
      Throwable thrown =
          event.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
      failures.put(event.getTestDescriptor().getDisplayName(), thrown.getMessage());
    }
    return failures;
  }

  @WithPrincipal(workspace = "ws-1", role = "VIEWER")
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class PerTest {
    @BeforeEach
    void before() {
      Recorded.see("beforeEach");
    }

    @Test
    @Order(1)
    void classLevel() {
      Recorded.see("classLevel");
    }

    @Test
    @Order(2)
    @WithPrincipal(
        id = "dev",
        workspace = "ws-2",
        role = "DEVELOPER",
        accountRole = "ADMIN",
        workspaceRoles = @WorkspaceRole(workspace = "ws-1", role = "RUNNER"))
    void methodLevelReplacesClassLevel() {
      Recorded.see("methodLevel");
    }

    @Test
    @Order(3)
    @WithServiceAccount(id = "ci-bot", workspace = "ws-1", role = "WORKER")
    void serviceAccount() {
      Recorded.see("serviceAccount");
      assertEquals(PrincipalKind.SERVICE_ACCOUNT, CurrentPrincipal.get().orElseThrow().kind());
    }

    @Test
    @Order(4)
    @WithPrincipal
    void defaults() {
      Recorded.see("defaults");
    }
  }

  @Test
  void bindsThePrincipalOfEachTest_beforeUsersBeforeEach_andUnbindsAfter() {
    run(PerTest.class).assertStatistics(stats -> stats.started(4).succeeded(4).failed(0));
    assertEquals(
        List.of(
            "beforeEach: user test-user, account MEMBER, ws-1=VIEWER ws-2=null, bound ws-1",
            "classLevel: user test-user, account MEMBER, ws-1=VIEWER ws-2=null, bound ws-1",
            "beforeEach: user dev, account ADMIN, ws-1=RUNNER ws-2=DEVELOPER, bound ws-2",
            "methodLevel: user dev, account ADMIN, ws-1=RUNNER ws-2=DEVELOPER, bound ws-2",
            "beforeEach: service account ci-bot, account MEMBER, ws-1=WORKER ws-2=null, bound ws-1",
            "serviceAccount: service account ci-bot, account MEMBER, ws-1=WORKER ws-2=null, bound ws-1",
            "beforeEach: user test-user, account MEMBER, ws-1=null ws-2=null, bound -",
            "defaults: user test-user, account MEMBER, ws-1=null ws-2=null, bound -"),
        Recorded.SEEN);
  }

  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class Failing {
    @Test
    @Order(1)
    @WithPrincipal(workspace = "ws-1", role = "OWNER")
    void fails() {
      Recorded.see("fails");
      fail("the test's own failure");
    }

    @Test
    @Order(2)
    @WithPrincipal(workspace = "ws-1", role = "OWNER")
    void throwsAnError() {
      throw new StackOverflowError("simulated");
    }

    @Test
    @Order(3)
    void afterwards() {
      Recorded.see("afterwards");
    }

    @AfterEach
    void userAfterEachStillSeesThePrincipal() {
      Recorded.see("afterEach");
    }
  }

  @Test
  void failingTest_isUnboundAfterwards() {
    Events events = run(Failing.class);
    events.assertStatistics(stats -> stats.started(3).succeeded(1).failed(2));
    assertEquals(
        Map.of("fails()", "the test's own failure", "throwsAnError()", "simulated"),
        failures(events));
    assertEquals(
        List.of(
            "fails: user test-user, account MEMBER, ws-1=OWNER ws-2=null, bound ws-1",
            "afterEach: user test-user, account MEMBER, ws-1=OWNER ws-2=null, bound ws-1",
            "afterEach: user test-user, account MEMBER, ws-1=OWNER ws-2=null, bound ws-1",
            "afterwards: none",
            "afterEach: none"),
        Recorded.SEEN);
    assertTrue(CurrentPrincipal.get().isEmpty());
  }

  @WithPrincipal(workspace = "ws-1", role = "VIEWER")
  static class Outer {
    @Test
    void outer() {
      Recorded.see("outer");
    }

    @Nested
    class Inherits {
      @Test
      void inner() {
        Recorded.see("inner");
      }

      @Test
      @WithPrincipal(workspace = "ws-1", role = "OWNER")
      void innerMethod() {
        Recorded.see("innerMethod");
      }

      @Nested
      @WithServiceAccount(id = "bot", workspace = "ws-2", role = "RUNNER")
      class Replaces {
        @Test
        void deepest() {
          Recorded.see("deepest");
        }
      }
    }
  }

  @Test
  void nestedClasses_inheritTheEnclosingClassesAnnotation_theNearestWins() {
    run(Outer.class).assertStatistics(stats -> stats.started(4).succeeded(4));
    assertEquals(
        List.of(
            "deepest: service account bot, account MEMBER, ws-1=null ws-2=RUNNER, bound ws-2",
            "inner: user test-user, account MEMBER, ws-1=VIEWER ws-2=null, bound ws-1",
            "innerMethod: user test-user, account MEMBER, ws-1=OWNER ws-2=null, bound ws-1",
            "outer: user test-user, account MEMBER, ws-1=VIEWER ws-2=null, bound ws-1"),
        Recorded.SEEN.stream().sorted().toList());
  }

  @WithPrincipal(workspace = "ws-1", role = "DEVELOPER")
  static class Invocations {
    static final AtomicInteger FACTORY_RUNS = new AtomicInteger();

    @ParameterizedTest
    @ValueSource(strings = {"a", "b", "c"})
    void parameterized(String value) {
      Recorded.see("parameterized " + value);
      // Each invocation is bound afresh: a scope the previous one left would fail it.
      CurrentPrincipal.bind(CurrentPrincipal.get().orElseThrow()).close();
    }

    @RepeatedTest(2)
    @WithPrincipal(workspace = "ws-2", role = "VIEWER")
    void repeated() {
      Recorded.see("repeated");
    }

    @TestFactory
    Stream<DynamicTest> factory() {
      FACTORY_RUNS.incrementAndGet();
      return Stream.of("x", "y")
          .map(name -> DynamicTest.dynamicTest(name, () -> Recorded.see("dynamic " + name)));
    }
  }

  @Test
  void parameterizedRepeatedAndDynamicTests_runBound() {
    run(Invocations.class).assertStatistics(stats -> stats.succeeded(7).failed(0));
    String developer = "user test-user, account MEMBER, ws-1=DEVELOPER ws-2=null, bound ws-1";
    String viewer = "user test-user, account MEMBER, ws-1=null ws-2=VIEWER, bound ws-2";
    assertEquals(
        List.of(
            "dynamic x: " + developer,
            "dynamic y: " + developer,
            "parameterized a: " + developer,
            "parameterized b: " + developer,
            "parameterized c: " + developer,
            "repeated: " + viewer,
            "repeated: " + viewer),
        Recorded.SEEN.stream().sorted().toList());
  }

  static class BadRoles {
    static final AtomicInteger BODIES_RUN = new AtomicInteger();

    @Test
    @WithPrincipal(workspace = "ws-1", role = "owner")
    void unknownRole() {
      BODIES_RUN.incrementAndGet();
    }

    @Test
    @WithPrincipal(workspace = "ws-1", role = "ADMIN")
    void accountRoleAsWorkspaceRole() {
      BODIES_RUN.incrementAndGet();
    }

    @Test
    @WithPrincipal(accountRole = "VIEWER")
    void workspaceRoleAsAccountRole() {
      BODIES_RUN.incrementAndGet();
    }

    @Test
    @WithPrincipal(role = "VIEWER")
    void roleWithoutWorkspace() {
      BODIES_RUN.incrementAndGet();
    }

    @Test
    @WithPrincipal
    @WithServiceAccount
    void both() {
      BODIES_RUN.incrementAndGet();
    }
  }

  @Test
  void badRoleNames_failTheTest_withoutRunningIt() {
    BadRoles.BODIES_RUN.set(0);
    Events events = run(BadRoles.class);
    events.assertStatistics(stats -> stats.started(5).failed(5).succeeded(0));
    assertEquals(0, BadRoles.BODIES_RUN.get(), "a test body ran with a bad principal");
    Map<String, String> failures = failures(events);
    assertEquals(
        "@WithPrincipal on method unknownRole: workspace role \"owner\" is unknown in"
            + " matrix Prefect Cloud; known workspace roles (case-sensitive): VIEWER, RUNNER,"
            + " DEVELOPER, OWNER, WORKER",
        failures.get("unknownRole()"));
    assertTrue(
        failures
            .get("accountRoleAsWorkspaceRole()")
            .startsWith(
                "@WithPrincipal on method"
                    + " accountRoleAsWorkspaceRole: workspace role \"ADMIN\" is an account role, not a workspace"
                    + " role in matrix Prefect Cloud"),
        failures.get("accountRoleAsWorkspaceRole()"));
    assertTrue(
        failures
            .get("workspaceRoleAsAccountRole()")
            .startsWith(
                "@WithPrincipal on method"
                    + " workspaceRoleAsAccountRole: account role \"VIEWER\" is a workspace role, not an account"
                    + " role"),
        failures.get("workspaceRoleAsAccountRole()"));
    assertEquals(
        "@WithPrincipal on method roleWithoutWorkspace: role \"VIEWER\" is given without"
            + " a workspace; set workspace = \"<id>\" too",
        failures.get("roleWithoutWorkspace()"));
    assertEquals(
        "@WithPrincipal and @WithServiceAccount on method both: a test runs as one"
            + " principal; keep one of them",
        failures.get("both()"));
  }

  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  @ExtendWith(PrincipalExtension.class)
  static class Leaks {
    static PrincipalScope leakedWithoutAnnotation;

    @Test
    @Order(1)
    @WithPrincipal(workspace = "ws-1", role = "VIEWER")
    void leaksAScopeInsideItsBinding() {
      CurrentPrincipal.bind(
          Principal.user("mallory")
              .directory(AccountDirectory.singleAccount("acme"))
              .accountRole("OWNER")
              .build());
    }

    @Test
    @Order(2)
    void startsClean() {
      Recorded.see("startsClean");
    }

    @Test
    @Order(3)
    void leaksWithNoAnnotation() {
      leakedWithoutAnnotation =
          CurrentPrincipal.bind(
              Principal.user("eve").directory(AccountDirectory.singleAccount("acme")).build());
    }

    @Test
    @Order(4)
    @WithPrincipal(workspace = "ws-1", role = "OWNER")
    void refusesToStartOnALeak() {
      Recorded.see("refusesToStartOnALeak");
    }
  }

  @Test
  void leakedScopes_failTheTestThatLeftThem_andTheNextOneDoesNotRunAsThem() {
    Events events;
    try {
      events = run(Leaks.class);
    } finally {
      if (Leaks.leakedWithoutAnnotation != null) {
        Leaks.leakedWithoutAnnotation.close();
      }
    }
    events.assertStatistics(stats -> stats.started(4).succeeded(1).failed(3));
    Map<String, String> failures = failures(events);
    assertEquals(
        "leaksAScopeInsideItsBinding() left user mallory bound where @WithPrincipal on"
            + " method leaksAScopeInsideItsBinding had bound user test-user: a CurrentPrincipal scope"
            + " opened in the test was not closed",
        failures.get("leaksAScopeInsideItsBinding()"));
    assertEquals(
        "leaksWithNoAnnotation() leaves user eve bound on this thread after it ended: a"
            + " CurrentPrincipal scope opened in the test (or a fixture) was not closed",
        failures.get("leaksWithNoAnnotation()"));
    assertTrue(
        failures
            .get("refusesToStartOnALeak()")
            .startsWith(
                "user eve is still bound on this"
                    + " thread before refusesToStartOnALeak() starts"),
        failures.get("refusesToStartOnALeak()"));
    // The leak inside a binding was closed with it; the one outside could not be, and stopped
    // the next test from running at all rather than letting it run on top of eve.
    assertEquals(List.of("startsClean: none"), Recorded.SEEN);
    assertFalse(CurrentPrincipal.get().isPresent());
  }
}
