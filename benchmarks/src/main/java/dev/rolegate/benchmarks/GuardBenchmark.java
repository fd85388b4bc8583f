package dev.rolegate.benchmarks;

import dev.rolegate.prefect.AccountRoles;
import dev.rolegate.prefect.WorkspaceRoles;
import dev.rolegate.runtime.AccessDeniedException;
import dev.rolegate.runtime.CurrentPrincipal;
import dev.rolegate.runtime.Decision;
import dev.rolegate.runtime.Decisions;
import dev.rolegate.runtime.Principal;
import dev.rolegate.runtime.PrincipalScope;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * An allowed call through the generated guard against the same call through {@link
 * HandWrittenGuard} and a direct call, in one run; and the guard while a decision listener is
 * installed (without one, the guard builds no decision at all). The caller is a RUNNER of {@code ws-prod} among
 * 20 workspaces, reading deployments. Setup proves each variant allows the read and denies the
 * delete, so no variant measures a misconfigured no-op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GuardBenchmark {
  static final String WORKSPACE = "ws-prod";

  DeploymentApi direct;
  DeploymentApi handWritten;
  DeploymentApi rolegate;
  String workspace;
  private PrincipalScope scope;

  /** Builds the three variants and binds the caller on the benchmark thread. */
  @Setup(Level.Trial)
  public void setUp() {
    workspace = WORKSPACE;
    CountingDeployments impl = new CountingDeployments();
    direct = impl;
    handWritten = new HandWrittenGuard(impl);
    rolegate = GuardedDeploymentApi.wrap(impl);
    Principal.Builder rolegateCaller = Principal.user("bench").accountRole(AccountRoles.MEMBER);
    Map<String, Long> masks = new HashMap<>();
    for (int i = 0; i < 20; i++) {
      rolegateCaller.workspaceRole("ws-" + i, WorkspaceRoles.VIEWER);
      masks.put("ws-" + i, HandWrittenGuard.VIEW_DEPLOYMENTS);
    }
    rolegateCaller.workspaceRole(WORKSPACE, WorkspaceRoles.RUNNER);
    masks.put(WORKSPACE, HandWrittenGuard.VIEW_DEPLOYMENTS);
    HandWrittenGuard.CURRENT.set(new HandWrittenGuard.Caller("bench", masks));
    scope = CurrentPrincipal.bind(rolegateCaller.build());
    verify(handWritten);
    verify(rolegate);
  }

  private static void verify(DeploymentApi api) {
    if (api.count(WORKSPACE) != 42) {
      throw new IllegalStateException("allowed call did not reach the delegate: " + api);
    }
    try {
      api.delete(WORKSPACE, 1);
      throw new IllegalStateException("denied call was allowed: " + api);
    } catch (AccessDeniedException expected) {
      // The variant really checks.
    }
  }

  /** Unbinds the caller. */
  @TearDown(Level.Trial)
  public void tearDown() {
    scope.close();
    HandWrittenGuard.CURRENT.remove();
  }

  @Benchmark
  public int directCall() {
    return direct.count(workspace);
  }

  @Benchmark
  public int handWrittenCheck() {
    return handWritten.count(workspace);
  }

  @Benchmark
  public int rolegateGuard() {
    return rolegate.count(workspace);
  }

  /** The same guard while a decision listener is installed (it keeps the last decision). */
  @Benchmark
  public int rolegateGuardWithListener(ListenerInstalled listener) {
    return rolegate.count(workspace);
  }

  /** Installs a cheap audit listener for the benchmark that takes this state, then removes it. */
  @State(Scope.Thread)
  public static class ListenerInstalled {
    static volatile Decision last;

    @Setup(Level.Trial)
    public void install() {
      Decisions.setListener(decision -> last = decision);
    }

    @TearDown(Level.Trial)
    public void remove() {
      Decisions.setListener(null);
      if (last == null || !last.allowed()) {
        throw new IllegalStateException("the listener saw no allowed decision");
      }
    }
  }
}
