package dev.rolegate.spring.sample;

import dev.rolegate.annotations.RequiresPermission;
import dev.rolegate.annotations.Unguarded;
import dev.rolegate.annotations.WorkspaceId;
import dev.rolegate.prefect.Permissions;
import java.util.List;

/**
 * Deployments per workspace. A guarded interface: the starter wraps its implementation bean in the
 * generated {@code GuardedDeploymentCatalog}.
 */
public interface DeploymentCatalog {
  /** Answers "pong"; open to anyone. */
  @Unguarded(reason = "liveness probe, reads nothing")
  String ping();

  /** Lists the workspace's deployments. */
  @RequiresPermission(Permissions.VIEW_DEPLOYMENTS)
  List<Deployment> list(@WorkspaceId String workspace);

  /** Starts a flow run of a deployment; returns the run's id. */
  @RequiresPermission(Permissions.RUN_DEPLOYMENTS)
  String run(@WorkspaceId String workspace, String id);

  /** Creates or replaces a deployment. */
  @RequiresPermission(Permissions.CREATE_EDIT_DEPLOYMENTS)
  Deployment save(@WorkspaceId String workspace, Deployment deployment);

  /** Deletes a deployment; returns whether it existed. */
  @RequiresPermission(Permissions.DELETE_DEPLOYMENTS)
  boolean delete(@WorkspaceId String workspace, String id);
}
