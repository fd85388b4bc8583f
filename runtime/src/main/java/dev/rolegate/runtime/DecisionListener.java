package dev.rolegate.runtime;

/**
 * Sees every decision a generated guard makes, allowed or denied: for audit logs and metrics.
 * Install one with {@link Decisions#setListener}. When none is installed a guard pays nothing for
 * this (no decision object is built).
 *
 * <p>A listener that throws changes nothing: a denial stays a denial (the listener's exception is
 * added to it as suppressed), and an allowed call still reaches the delegate and returns its result
 * (the failure is logged through {@link System.Logger} under {@code dev.rolegate}).
 */
@FunctionalInterface
public interface DecisionListener {
  /** Called on the calling thread, after the decision and before the delegate runs. */
  void onDecision(Decision decision);
}
