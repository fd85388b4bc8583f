package dev.rolegate.benchmarks;

/** {@link HandWrittenGuard} with the permission test done on the role's {@code EnumSet}. */
public final class EnumSetGuard implements DeploymentApi {
  private final DeploymentApi delegate;

  public EnumSetGuard(DeploymentApi delegate) {
    this.delegate = delegate;
  }

  @Override
  public int count(String workspace) {
    HandWritten.checkEnumSet(workspace, HandWrittenGuard.COUNT);
    return delegate.count(workspace);
  }

  @Override
  public int delete(String workspace, int id) {
    HandWritten.checkEnumSet(workspace, HandWrittenGuard.DELETE);
    return delegate.delete(workspace, id);
  }
}
