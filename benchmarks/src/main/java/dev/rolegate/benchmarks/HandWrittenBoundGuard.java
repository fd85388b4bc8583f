package dev.rolegate.benchmarks;

/**
 * The hand-written guard for a caller bound with its request's workspace: {@link
 * HandWritten#checkBound} uses the role found when bound for a call on that workspace, as a
 * rolegate binding with a workspace does.
 */
public final class HandWrittenBoundGuard implements DeploymentApi {
  private final DeploymentApi delegate;

  public HandWrittenBoundGuard(DeploymentApi delegate) {
    this.delegate = delegate;
  }

  @Override
  public int count(String workspace) {
    HandWritten.checkBound(workspace, HandWrittenGuard.COUNT);
    return delegate.count(workspace);
  }

  @Override
  public int delete(String workspace, int id) {
    HandWritten.checkBound(workspace, HandWrittenGuard.DELETE);
    return delegate.delete(workspace, id);
  }
}
