package dev.rolegate.benchmarks;

import org.apache.shiro.authz.annotation.RequiresPermissions;

/**
 * The service guarded with Apache Shiro's {@code @RequiresPermissions}. Shiro's annotation cannot
 * name the workspace argument, so it checks the subject's permissions (those of its role RUNNER,
 * granted by the realm), not its role in the target workspace.
 */
class ShiroDeployments implements DeploymentApi {
  private final DeploymentApi delegate;

  ShiroDeployments(DeploymentApi delegate) {
    this.delegate = delegate;
  }

  @Override
  @RequiresPermissions("VIEW_DEPLOYMENTS")
  public int count(String workspace) {
    return delegate.count(workspace);
  }

  @Override
  @RequiresPermissions("DELETE_DEPLOYMENTS")
  public int delete(String workspace, int id) {
    return delegate.delete(workspace, id);
  }
}
