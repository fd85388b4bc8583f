package dev.rolegate.benchmarks;

/** A delegate whose work is a field read, so the check dominates what is measured. */
public final class CountingDeployments implements DeploymentApi {
  private int count = 42;

  @Override
  public int count(String workspace) {
    return count;
  }

  @Override
  public int delete(String workspace, int id) {
    return count - 1;
  }
}
