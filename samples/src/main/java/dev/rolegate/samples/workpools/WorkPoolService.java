package dev.rolegate.samples.workpools;

import dev.rolegate.annotations.RequiresPermission;
import dev.rolegate.annotations.WorkspaceId;
import dev.rolegate.prefect.Permissions;
import java.util.List;

/** Work pools of a workspace, and the polling workers do against them. */
public interface WorkPoolService {
  /** Lists the work pools. */
  @RequiresPermission(Permissions.VIEW_WORK_POOLS)
  List<WorkPool> list(@WorkspaceId String workspace);

  /** Creates a work pool. */
  @RequiresPermission(Permissions.CREATE_EDIT_WORK_POOLS)
  WorkPool create(@WorkspaceId String workspace, String name, String type);

  /** Pauses a work pool: workers get nothing from it until it resumes. */
  @RequiresPermission(Permissions.CREATE_EDIT_WORK_POOLS)
  WorkPool pause(@WorkspaceId String workspace, String name);

  /** Deletes a work pool; returns whether it existed. */
  @RequiresPermission(Permissions.DELETE_WORK_POOLS)
  boolean delete(@WorkspaceId String workspace, String name);

  /** Queues a scheduled run for workers of the pool (what a worker submits back). */
  @RequiresPermission(Permissions.POLL_AND_SUBMIT_WORK)
  WorkItem submit(@WorkspaceId String workspace, String pool, String deploymentId);

  /** Takes the work waiting in a pool, as a worker does; a paused pool gives none. */
  @RequiresPermission(Permissions.POLL_AND_SUBMIT_WORK)
  List<WorkItem> poll(@WorkspaceId String workspace, String pool);
}
