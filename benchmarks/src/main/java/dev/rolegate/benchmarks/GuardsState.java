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
 * The plain-Java variants on one delegate, with the caller bound on the benchmark thread for both
 * rolegate ({@code CurrentPrincipal}) and the hand-written checks ({@link HandWritten#CURRENT}).
 * Per thread, so a two-thread benchmark binds the caller on each thread.
 */
@State(Scope.Thread)
public class GuardsState {
  /** The arguments of every call: the workspace, and the deployment the denied call deletes. */
  public String workspace;

  public int deploymentId;

  public DeploymentApi direct;
  public DeploymentApi handWritten;
  public DeploymentApi enumSet;
  public DeploymentApi reflectionProxy;
  public DeploymentApi rolegate;
  public DeploymentApi rolegateClass;

  private PrincipalScope scope;

  /** Builds the variants, binds the caller, proves each allows the read and denies the delete. */
  @Setup(Level.Trial)
  public void setUp() {
    workspace = Callers.WORKSPACE;
    deploymentId = 1;
    CountingDeployments impl = new CountingDeployments();
    direct = impl;
    handWritten = new HandWrittenGuard(impl);
    enumSet = new EnumSetGuard(impl);
    reflectionProxy = ReflectionProxyGuard.wrap(impl);
    rolegate = GuardedDeploymentApi.wrap(impl);
    rolegateClass = new GuardedClassDeployments();
    HandWritten.CURRENT.set(Callers.handWritten());
    scope = CurrentPrincipal.bind(Callers.rolegate());
    Expect.allowed("direct call", () -> direct.count(workspace));
    verify("hand-written", handWritten, HandWrittenDeniedException.class);
    verify("hand-written EnumSet", enumSet, HandWrittenDeniedException.class);
    verify("reflection proxy", reflectionProxy, HandWrittenDeniedException.class);
    verify("rolegate", rolegate, AccessDeniedException.class);
    verify("rolegate class guard", rolegateClass, AccessDeniedException.class);
  }

  private void verify(String name, DeploymentApi api, Class<? extends RuntimeException> denial) {
    Expect.allowed(name, () -> api.count(workspace));
    Expect.denied(name, denial, () -> api.delete(workspace, deploymentId));
  }

  /** Unbinds the caller. */
  @TearDown(Level.Trial)
  public void tearDown() {
    scope.close();
    HandWritten.CURRENT.remove();
  }
}
