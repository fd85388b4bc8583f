package dev.rolegate.benchmarks;

import dev.rolegate.benchmarks.HandWritten.Rule;

/**
 * The hand-written guard: rolegate's work written by hand (caller from a {@code ThreadLocal}, role
 * in the target workspace from a map, one bit test), delegating like a generated guard.
 */
public final class HandWrittenGuard implements DeploymentApi {
  static final Rule COUNT =
      Rule.of(
          "DeploymentApi.count",
          HandPermission.VIEW_DEPLOYMENTS,
          "VIEWER, RUNNER, DEVELOPER, OWNER, WORKER");
  static final Rule DELETE =
      Rule.of("DeploymentApi.delete", HandPermission.DELETE_DEPLOYMENTS, "DEVELOPER, OWNER");

  private final DeploymentApi delegate;

  public HandWrittenGuard(DeploymentApi delegate) {
    this.delegate = delegate;
  }

  @Override
  public int count(String workspace) {
    HandWritten.checkMask(workspace, COUNT);
    return delegate.count(workspace);
  }

  @Override
  public int delete(String workspace, int id) {
    HandWritten.checkMask(workspace, DELETE);
    return delegate.delete(workspace, id);
  }
}
