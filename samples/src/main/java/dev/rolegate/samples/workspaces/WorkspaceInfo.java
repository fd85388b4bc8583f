package dev.rolegate.samples.workspaces;

/** What a Viewer sees of a workspace: its handle and description. */
public record WorkspaceInfo(String handle, String description) {}
