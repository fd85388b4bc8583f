package dev.rolegate.benchmarks;

import dev.rolegate.runtime.AccessDeniedException;
import dev.rolegate.runtime.CurrentPrincipal;
import dev.rolegate.runtime.PrincipalScope;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The caller bound together with the workspace its request acts on (as a web filter binds the
 * workspace of {@code /workspaces/{id}/...}), for rolegate ({@code CurrentPrincipal.bind(caller,
 * "ws-prod")}) and the hand-written check ({@link HandWritten#BOUND}). Both find the caller's role
 * in that workspace once, when bound; the calls name that same workspace.
 */
@State(Scope.Thread)
public class BoundState {
  public String workspace;
  public int deploymentId;

  public DeploymentApi handWritten;
  public DeploymentApi rolegate;
  public DeploymentApi rolegateClass;

  private PrincipalScope scope;

  /**
   * Builds the variants, binds the caller and workspace, proves each allows the read and denies the
   * delete.
   */
  @Setup(Level.Trial)
  public void setUp() {
    workspace = Callers.WORKSPACE;
    deploymentId = 1;
    CountingDeployments impl = new CountingDeployments();
    handWritten = new HandWrittenBoundGuard(impl);
    rolegate = GuardedDeploymentApi.wrap(impl);
    rolegateClass = new GuardedClassDeployments();
    HandWritten.BOUND.set(HandWritten.BoundCaller.of(Callers.handWritten(), Callers.WORKSPACE));
    scope = CurrentPrincipal.bind(Callers.rolegate(), Callers.WORKSPACE);
    verify("hand-written, bound", handWritten, HandWrittenDeniedException.class);
    verify("rolegate, bound", rolegate, AccessDeniedException.class);
    verify("rolegate class guard, bound", rolegateClass, AccessDeniedException.class);
  }

  private void verify(String name, DeploymentApi api, Class<? extends RuntimeException> denial) {
    Expect.allowed(name, () -> api.count(workspace));
    Expect.denied(name, denial, () -> api.delete(workspace, deploymentId));
  }

  /** Unbinds the caller. */
  @TearDown(Level.Trial)
  public void tearDown() {
    scope.close();
    HandWritten.BOUND.remove();
  }
}
