package dev.rolegate.benchmarks;

import static dev.rolegate.prefect.Permissions.DELETE_DEPLOYMENTS;
import static dev.rolegate.prefect.Permissions.VIEW_DEPLOYMENTS;

import dev.rolegate.annotations.RequiresPermission;
import dev.rolegate.annotations.WorkspaceId;

/**
 * The benchmarked service written as a class, guarded the way a class is: the processor generates
 * {@code GuardedClassDeployments}, a subclass that checks before calling {@code super}.
 */
public class ClassDeployments implements DeploymentApi {
  private int count = Callers.COUNT;

  @Override
  @RequiresPermission(VIEW_DEPLOYMENTS)
  public int count(@WorkspaceId String workspace) {
    return count;
  }

  @Override
  @RequiresPermission(DELETE_DEPLOYMENTS)
  public int delete(@WorkspaceId String workspace, int id) {
    return count - 1;
  }
}
