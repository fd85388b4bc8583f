package dev.rolegate.samples.deployments;

/**
 * Hands out the deployment service, only ever behind its generated guard: the in-memory
 * implementation is package-private, so no caller outside this package can hold it unchecked (see
 * docs/SECURITY.md, and the samples' {@code GuardedImplementationsTest}).
 */
public final class Deployments {
  private Deployments() {}

  /**
   * Returns a new, empty in-memory deployment service behind {@link GuardedDeploymentService},
   * which checks the principal bound to the calling thread.
   */
  public static DeploymentService inMemory() {
    return GuardedDeploymentService.wrap(new InMemoryDeploymentService());
  }
}
