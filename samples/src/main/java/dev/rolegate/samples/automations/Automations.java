package dev.rolegate.samples.automations;

/**
 * Hands out the automation service, only ever behind its generated guard: the in-memory
 * implementation is package-private, so no caller outside this package can hold it unchecked (see
 * docs/SECURITY.md, and the samples' {@code GuardedImplementationsTest}).
 */
public final class Automations {
  private Automations() {}

  /**
   * Returns a new, empty in-memory automation service behind {@link GuardedAutomationService},
   * which checks the principal bound to the calling thread.
   */
  public static AutomationService inMemory() {
    return GuardedAutomationService.wrap(new InMemoryAutomationService());
  }
}
