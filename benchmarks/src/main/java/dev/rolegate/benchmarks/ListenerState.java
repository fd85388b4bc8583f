package dev.rolegate.benchmarks;

import dev.rolegate.runtime.AccessDeniedException;
import dev.rolegate.runtime.CurrentPrincipal;
import dev.rolegate.runtime.Decision;
import dev.rolegate.runtime.Decisions;
import dev.rolegate.runtime.PrincipalScope;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * rolegate's guard while a decision listener is installed (a cheap audit listener keeping the last
 * decision); without one, the guard builds no decision at all. The listener is global: use this
 * state from one thread only.
 */
@State(Scope.Thread)
public class ListenerState {
  /** The last decision the listener saw. */
  static volatile Decision last;

  public String workspace;
  public int deploymentId;
  public DeploymentApi rolegate;

  private PrincipalScope scope;

  /** Installs the listener, binds the caller, and proves the listener sees both decisions. */
  @Setup(Level.Trial)
  public void setUp() {
    workspace = Callers.WORKSPACE;
    deploymentId = 1;
    rolegate = GuardedDeploymentApi.wrap(new CountingDeployments());
    Decisions.setListener(decision -> last = decision);
    scope = CurrentPrincipal.bind(Callers.rolegate());
    Expect.allowed("rolegate with listener", () -> rolegate.count(workspace));
    if (last == null || !last.allowed()) {
      throw new IllegalStateException("the listener saw no allowed decision");
    }
    Expect.denied(
        "rolegate with listener",
        AccessDeniedException.class,
        () -> rolegate.delete(workspace, deploymentId));
    if (last.allowed()) {
      throw new IllegalStateException("the listener saw no denial");
    }
  }

  /** Removes the listener and unbinds the caller. */
  @TearDown(Level.Trial)
  public void tearDown() {
    Decisions.setListener(null);
    scope.close();
  }
}
