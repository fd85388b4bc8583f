package dev.rolegate.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * An allowed call, {@code count("ws-prod")} by a RUNNER of ws-prod (see {@link Callers}), through
 * each plain-Java variant: no check, the hand-written check (mask and {@code EnumSet}), a JDK proxy
 * doing that check, and rolegate's generated guard (alone, with a decision listener, with a custom
 * role, and on two threads). The frameworks' allowed calls are in {@link FrameworkBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AllowedPathBenchmark {
  @Benchmark
  public int directCall(GuardsState s) {
    return s.direct.count(s.workspace);
  }

  @Benchmark
  public int handWritten(GuardsState s) {
    return s.handWritten.count(s.workspace);
  }

  @Benchmark
  public int handWrittenEnumSet(GuardsState s) {
    return s.enumSet.count(s.workspace);
  }

  @Benchmark
  public int reflectionProxy(GuardsState s) {
    return s.reflectionProxy.count(s.workspace);
  }

  @Benchmark
  public int rolegate(GuardsState s) {
    return s.rolegate.count(s.workspace);
  }

  /** rolegate's class guard: a generated subclass that checks, then calls {@code super}. */
  @Benchmark
  public int rolegateClassGuard(GuardsState s) {
    return s.rolegateClass.count(s.workspace);
  }

  @Benchmark
  public int rolegateWithListener(ListenerState s) {
    return s.rolegate.count(s.workspace);
  }

  @Benchmark
  public int rolegateCustomRole(CustomRoleState s) {
    return s.rolegate.count(s.workspace);
  }

  /**
   * The hand-written check with the caller bound to its request's workspace (role found when
   * bound), on a call that names that workspace.
   */
  @Benchmark
  public int handWrittenBound(BoundState s) {
    return s.handWritten.count(s.workspace);
  }

  /** rolegate's guard with the caller bound to the workspace the call names. */
  @Benchmark
  public int rolegateBound(BoundState s) {
    return s.rolegate.count(s.workspace);
  }

  /** rolegate's class guard with the caller bound to the workspace the call names. */
  @Benchmark
  public int rolegateClassGuardBound(BoundState s) {
    return s.rolegateClass.count(s.workspace);
  }

  /** The hand-written check on two threads at once, each with its own caller bound. */
  @Benchmark
  @Threads(2)
  public int handWrittenTwoThreads(GuardsState s) {
    return s.handWritten.count(s.workspace);
  }

  /** rolegate's guard on two threads at once, each with its own caller bound. */
  @Benchmark
  @Threads(2)
  public int rolegateTwoThreads(GuardsState s) {
    return s.rolegate.count(s.workspace);
  }
}
