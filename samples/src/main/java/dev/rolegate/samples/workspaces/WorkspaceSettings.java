package dev.rolegate.samples.workspaces;

/** A workspace's settings: how long flow runs are kept and whether public links are allowed. */
public record WorkspaceSettings(int runRetentionDays, boolean publicLinks) {}
