package dev.rolegate.benchmarks;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * The service guarded with Spring Security's {@code @PreAuthorize}, doing rolegate's work: {@code
 * hasPermission} on the workspace argument, answered by {@link WorkspacePermissionEvaluator} from
 * the caller's role in that workspace.
 */
class SpringPreAuthorizeDeployments implements DeploymentApi {
  private final DeploymentApi delegate;

  SpringPreAuthorizeDeployments(DeploymentApi delegate) {
    this.delegate = delegate;
  }

  @Override
  @PreAuthorize("hasPermission(#workspace, 'VIEW_DEPLOYMENTS')")
  public int count(String workspace) {
    return delegate.count(workspace);
  }

  @Override
  @PreAuthorize("hasPermission(#workspace, 'DELETE_DEPLOYMENTS')")
  public int delete(String workspace, int id) {
    return delegate.delete(workspace, id);
  }
}
