package dev.rolegate.samples.flows;

/**
 * Hands out the flow service, only ever behind its generated guard: the in-memory implementation is
 * package-private, so no caller outside this package can hold it unchecked (see docs/SECURITY.md,
 * and the samples' {@code GuardedImplementationsTest}).
 */
public final class Flows {
  private Flows() {}

  /**
   * Returns a new, empty in-memory flow service behind {@link GuardedFlowService}, which checks the
   * principal bound to the calling thread.
   */
  public static FlowService inMemory() {
    return GuardedFlowService.wrap(new InMemoryFlowService());
  }
}
