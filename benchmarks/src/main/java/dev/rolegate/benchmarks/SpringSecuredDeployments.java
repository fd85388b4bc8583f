package dev.rolegate.benchmarks;

import org.springframework.security.access.annotation.Secured;

/**
 * The service guarded with Spring Security's {@code @Secured}: the roles that hold the permission
 * in the matrix. {@code @Secured} cannot name the workspace argument, so it checks the role
 * authorities of the {@code Authentication} ({@code ROLE_RUNNER}: the caller's role in the target
 * workspace, as if granted at sign-in): less work than rolegate's per-workspace lookup.
 */
class SpringSecuredDeployments implements DeploymentApi {
  private final DeploymentApi delegate;

  SpringSecuredDeployments(DeploymentApi delegate) {
    this.delegate = delegate;
  }

  @Override
  @Secured({"ROLE_VIEWER", "ROLE_RUNNER", "ROLE_DEVELOPER", "ROLE_OWNER", "ROLE_WORKER"})
  public int count(String workspace) {
    return delegate.count(workspace);
  }

  @Override
  @Secured({"ROLE_DEVELOPER", "ROLE_OWNER"})
  public int delete(String workspace, int id) {
    return delegate.delete(workspace, id);
  }
}
