package dev.rolegate.samples.concurrency;

/** At most {@code limit} task runs tagged {@code tag} at once. */
public record ConcurrencyLimit(String tag, int limit) {}
