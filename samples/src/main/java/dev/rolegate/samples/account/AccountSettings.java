package dev.rolegate.samples.account;

/** The account's profile settings. */
public record AccountSettings(String name, boolean ssoRequired) {}
