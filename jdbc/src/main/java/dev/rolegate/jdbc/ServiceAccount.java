package dev.rolegate.jdbc;

/** A service account: its id, the one account it belongs to, and its account role there. */
public record ServiceAccount(String id, String account, String role) {}
