package dev.rolegate.samples.concurrency;

/**
 * Hands out the concurrency-limit service, only ever behind its generated guard: the in-memory
 * implementation is package-private, so no caller outside this package can hold it unchecked (see
 * docs/SECURITY.md, and the samples' {@code GuardedImplementationsTest}).
 */
public final class ConcurrencyLimits {
  private ConcurrencyLimits() {}

  /**
   * Returns a new, empty in-memory concurrency-limit service behind {@link
   * GuardedConcurrencyLimitService}, which checks the principal bound to the calling thread.
   */
  public static ConcurrencyLimitService inMemory() {
    return GuardedConcurrencyLimitService.wrap(new InMemoryConcurrencyLimitService());
  }
}
