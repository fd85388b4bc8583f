package dev.rolegate.samples.account;

/** A member of the account with its account role. */
public record AccountMember(String id, String role) {}
