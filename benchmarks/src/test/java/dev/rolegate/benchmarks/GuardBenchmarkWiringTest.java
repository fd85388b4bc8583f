package dev.rolegate.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rolegate.runtime.CurrentPrincipal;
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
}
