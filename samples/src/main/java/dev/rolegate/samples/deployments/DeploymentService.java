package dev.rolegate.samples.deployments;

import dev.rolegate.annotations.RequiresPermission;
import dev.rolegate.annotations.Unguarded;
import dev.rolegate.annotations.WorkspaceId;
import dev.rolegate.prefect.Permissions;
import java.util.List;

/**
 * Deployments of a workspace: read, run, create, edit and delete. The generated {@code
 * GuardedDeploymentService} checks each permission before the implementation runs.
 */
public interface DeploymentService {
  /** Answers "pong"; open to anyone, authenticated or not. */
  @Unguarded(reason = "liveness probe, reads nothing")
  String ping();

  /** Lists the workspace's deployments. */
  @RequiresPermission(Permissions.VIEW_DEPLOYMENTS)
  List<Deployment> list(@WorkspaceId String workspace);

  /** Reads one deployment. */
  @RequiresPermission(Permissions.VIEW_DEPLOYMENTS)
  Deployment read(@WorkspaceId String workspace, String id);

  /** Creates a flow run of the deployment on its own work pool. */
  @RequiresPermission(Permissions.RUN_DEPLOYMENTS)
  DeploymentRun run(@WorkspaceId String workspace, String id);

  /** Creates a flow run of the deployment on another work pool, which the caller must see. */
  @RequiresPermission({Permissions.RUN_DEPLOYMENTS, Permissions.VIEW_WORK_POOLS})
  DeploymentRun runOnPool(@WorkspaceId String workspace, String id, String workPool);

  /** Cancels a run: whoever may run deployments, or a worker giving the run up. */
  @RequiresPermission(anyOf = {Permissions.RUN_DEPLOYMENTS, Permissions.POLL_AND_SUBMIT_WORK})
  DeploymentRun cancelRun(@WorkspaceId String workspace, String runId);

  /** Creates a deployment; an existing id is an error. */
  @RequiresPermission(Permissions.CREATE_EDIT_DEPLOYMENTS)
  Deployment create(@WorkspaceId String workspace, Deployment deployment);

  /** Replaces an existing deployment. */
  @RequiresPermission(Permissions.CREATE_EDIT_DEPLOYMENTS)
  Deployment update(@WorkspaceId String workspace, Deployment deployment);

  /** Deletes a deployment; returns whether it existed. */
  @RequiresPermission(Permissions.DELETE_DEPLOYMENTS)
  boolean delete(@WorkspaceId String workspace, String id);
}
