package dev.rolegate.benchmarks;

import static dev.rolegate.prefect.Permissions.DELETE_DEPLOYMENTS;
import static dev.rolegate.prefect.Permissions.VIEW_DEPLOYMENTS;

import dev.rolegate.annotations.RequiresPermission;
import dev.rolegate.annotations.WorkspaceId;

/** The benchmarked service: one cheap read and one write, guarded as a user would guard them. */
public interface DeploymentApi {
  /** Returns how many deployments the workspace has. */
  @RequiresPermission(VIEW_DEPLOYMENTS)
  int count(@WorkspaceId String workspace);

  /** Deletes a deployment; returns how many are left. */
  @RequiresPermission(DELETE_DEPLOYMENTS)
  int delete(@WorkspaceId String workspace, int id);
}
