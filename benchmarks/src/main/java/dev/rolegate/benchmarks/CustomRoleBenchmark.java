package dev.rolegate.benchmarks;

import dev.rolegate.prefect.AccountRoles;
import dev.rolegate.prefect.WorkspaceRoles;
import dev.rolegate.runtime.AccessDeniedException;
import dev.rolegate.runtime.CurrentPrincipal;
import dev.rolegate.runtime.CustomRoles;
import dev.rolegate.runtime.Matrix;
import dev.rolegate.runtime.Principal;
import dev.rolegate.runtime.PrincipalScope;
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
 * The generated guard's allowed call when the caller holds a custom role (Prefect Enterprise):
 * DEPLOYER, built at run time as RUNNER plus {@code write_deployments}. Compare with {@link
 * GuardBenchmark#rolegateGuard()} in the same run: a custom role is checked the same way.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CustomRoleBenchmark {
  DeploymentApi rolegate;
  String workspace;
  private PrincipalScope scope;

  /** Defines the custom role, binds a caller holding it in ws-prod, and proves the guard checks. */
  @Setup(Level.Trial)
  public void setUp() {
    workspace = GuardBenchmark.WORKSPACE;
    rolegate = GuardedDeploymentApi.wrap(new CountingDeployments());
    CustomRoles roles = new CustomRoles(Matrix.load());
    roles.define("DEPLOYER", WorkspaceRoles.RUNNER, "write_deployments");
    Principal.Builder caller = Principal.user("bench").accountRole(AccountRoles.MEMBER).customRoles(roles);
    for (int i = 0; i < 20; i++) {
      caller.workspaceRole("ws-" + i, WorkspaceRoles.VIEWER);
    }
    caller.workspaceRole(workspace, "DEPLOYER");
    scope = CurrentPrincipal.bind(caller.build());
    if (rolegate.count(workspace) != 42) {
      throw new IllegalStateException("the custom role was not allowed to read");
    }
    try {
      rolegate.delete(workspace, 1);
      throw new IllegalStateException("the custom role was allowed to delete");
    } catch (AccessDeniedException expected) {
      // DEPLOYER may create and edit deployments, not delete them.
    }
  }

  /** Unbinds the caller. */
  @TearDown(Level.Trial)
  public void tearDown() {
    scope.close();
  }

  @Benchmark
  public int rolegateGuardCustomRole() {
    return rolegate.count(workspace);
  }
}
