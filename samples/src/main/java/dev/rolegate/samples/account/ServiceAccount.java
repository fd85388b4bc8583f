package dev.rolegate.samples.account;

/** A service account (an API key's owner); the key itself is never kept here. */
public record ServiceAccount(String id, String name) {}
