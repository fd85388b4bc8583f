package dev.rolegate.samples.workpools;

/**
 * Hands out the work-pool service, only ever behind its generated guard: the in-memory
 * implementation is package-private, so no caller outside this package can hold it unchecked (see
 * docs/SECURITY.md, and the samples' {@code GuardedImplementationsTest}).
 */
public final class WorkPools {
  private WorkPools() {}

  /**
   * Returns a new, empty in-memory work-pool service behind {@link GuardedWorkPoolService}, which
   * checks the principal bound to the calling thread.
   */
  public static WorkPoolService inMemory() {
    return GuardedWorkPoolService.wrap(new InMemoryWorkPoolService());
  }
}
