package dev.rolegate.samples.flows;

/** A saved flow-run search filter, e.g. {@code state:FAILED}. */
public record SavedSearch(String id, String name, String filter) {}
