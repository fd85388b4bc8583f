package dev.rolegate.samples.workspaces;

import dev.rolegate.annotations.RequiresPermission;
import dev.rolegate.annotations.WorkspaceId;
import dev.rolegate.prefect.Permissions;

/** One workspace itself: its handle and description, its settings, its deletion. */
public interface WorkspaceService {
  /** Returns the handle and description. */
  @RequiresPermission(Permissions.VIEW_WORKSPACE)
  WorkspaceInfo describe(@WorkspaceId String workspace);

  /** Returns the settings. */
  @RequiresPermission(Permissions.VIEW_WORKSPACE_SETTINGS)
  WorkspaceSettings settings(@WorkspaceId String workspace);

  /** Replaces the settings. */
  @RequiresPermission(Permissions.EDIT_WORKSPACE_SETTINGS)
  WorkspaceSettings editSettings(@WorkspaceId String workspace, WorkspaceSettings settings);

  /** Deletes the workspace; returns whether it existed. */
  @RequiresPermission(Permissions.DELETE_WORKSPACE)
  boolean delete(@WorkspaceId String workspace);
}
