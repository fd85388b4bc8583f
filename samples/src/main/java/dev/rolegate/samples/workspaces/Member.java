package dev.rolegate.samples.workspaces;

/** A user or service account with its role in one workspace. */
public record Member(String id, boolean serviceAccount, String role) {}
