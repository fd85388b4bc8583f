package dev.rolegate.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rolegate.runtime.CurrentPrincipal;
import dev.rolegate.runtime.Decisions;
import dev.rolegate.runtime.UnauthenticatedException;
import org.junit.jupiter.api.Test;

/** Checks that each benchmark variant is wired as claimed; no timings. */
class GuardBenchmarkWiringTest {
  @Test
  void setUp_verifiesEachVariant_andBenchmarksReturnTheDelegatesValue() {
    GuardBenchmark benchmark = new GuardBenchmark();
    benchmark.setUp();
    try {
      assertEquals(42, benchmark.directCall());
      assertEquals(42, benchmark.handWrittenCheck());
      assertEquals(42, benchmark.rolegateGuard());
    } finally {
      benchmark.tearDown();
    }
    assertFalse(CurrentPrincipal.get().isPresent());
    assertThrows(UnauthenticatedException.class, benchmark::rolegateGuard);
  }

  @Test
  void listenerState_seesTheAllowedCall_andIsRemoved() {
    GuardBenchmark benchmark = new GuardBenchmark();
    GuardBenchmark.ListenerInstalled listener = new GuardBenchmark.ListenerInstalled();
    benchmark.setUp();
    listener.install();
    try {
      assertEquals(42, benchmark.rolegateGuardWithListener(listener));
      assertEquals("DeploymentApi.count", GuardBenchmark.ListenerInstalled.last.operation());
    } finally {
      listener.remove();
      benchmark.tearDown();
    }
    assertNull(Decisions.listener());
  }

  @Test
  void customRoleSetUp_allowsTheReadAndDeniesTheDelete() {
    CustomRoleBenchmark benchmark = new CustomRoleBenchmark();
    benchmark.setUp();
    try {
      assertEquals(42, benchmark.rolegateGuardCustomRole());
    } finally {
      benchmark.tearDown();
    }
    assertFalse(CurrentPrincipal.get().isPresent());
  }
}
