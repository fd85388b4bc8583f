package dev.rolegate.benchmarks;

import dev.rolegate.runtime.AccessDeniedException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A denied call, {@code delete("ws-prod", 1)} by a RUNNER of ws-prod, through each plain-Java
 * variant. Each throws its own exception with a message and a filled stack trace; the benchmark
 * catches it and returns it, so the cost of building it is measured. The frameworks' denied calls
 * are in {@link FrameworkBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DeniedPathBenchmark {
  @Benchmark
  public Object handWritten(GuardsState s) {
    try {
      return s.handWritten.delete(s.workspace, s.deploymentId);
    } catch (HandWrittenDeniedException denied) {
      return denied;
    }
  }

  @Benchmark
  public Object handWrittenEnumSet(GuardsState s) {
    try {
      return s.enumSet.delete(s.workspace, s.deploymentId);
    } catch (HandWrittenDeniedException denied) {
      return denied;
    }
  }

  @Benchmark
  public Object reflectionProxy(GuardsState s) {
    try {
      return s.reflectionProxy.delete(s.workspace, s.deploymentId);
    } catch (HandWrittenDeniedException denied) {
      return denied;
    }
  }

  @Benchmark
  public Object rolegate(GuardsState s) {
    try {
      return s.rolegate.delete(s.workspace, s.deploymentId);
    } catch (AccessDeniedException denied) {
      return denied;
    }
  }

  @Benchmark
  public Object rolegateClassGuard(GuardsState s) {
    try {
      return s.rolegateClass.delete(s.workspace, s.deploymentId);
    } catch (AccessDeniedException denied) {
      return denied;
    }
  }

  @Benchmark
  public Object rolegateWithListener(ListenerState s) {
    try {
      return s.rolegate.delete(s.workspace, s.deploymentId);
    } catch (AccessDeniedException denied) {
      return denied;
    }
  }

  @Benchmark
  public Object rolegateCustomRole(CustomRoleState s) {
    try {
      return s.rolegate.delete(s.workspace, s.deploymentId);
    } catch (AccessDeniedException denied) {
      return denied;
    }
  }
}
