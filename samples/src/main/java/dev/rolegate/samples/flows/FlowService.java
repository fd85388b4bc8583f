package dev.rolegate.samples.flows;

import dev.rolegate.annotations.RequiresPermission;
import dev.rolegate.annotations.WorkspaceId;
import dev.rolegate.prefect.Permissions;
import java.util.List;

/** Flows, flow runs and saved flow-run searches of a workspace. */
public interface FlowService {
  /** Lists the workspace's flows. */
  @RequiresPermission(Permissions.VIEW_FLOWS)
  List<Flow> listFlows(@WorkspaceId String workspace);

  /** Lists the runs of one flow. */
  @RequiresPermission(Permissions.VIEW_FLOWS)
  List<FlowRun> listRuns(@WorkspaceId String workspace, String flowId);

  /** Creates or updates a flow. */
  @RequiresPermission(Permissions.RUN_FLOWS)
  Flow createFlow(@WorkspaceId String workspace, Flow flow);

  /** Creates (and starts) a run of a flow. */
  @RequiresPermission(Permissions.RUN_FLOWS)
  FlowRun createRun(@WorkspaceId String workspace, String flowId);

  /** Deletes a flow and its runs; returns whether it existed. */
  @RequiresPermission(Permissions.DELETE_FLOWS)
  boolean deleteFlow(@WorkspaceId String workspace, String flowId);

  /** Deletes one flow run; returns whether it existed. */
  @RequiresPermission(Permissions.DELETE_FLOWS)
  boolean deleteRun(@WorkspaceId String workspace, String runId);

  /** Lists the saved searches. */
  @RequiresPermission(Permissions.VIEW_FLOWS)
  List<SavedSearch> savedSearches(@WorkspaceId String workspace);

  /** Saves a search filter under {@code name}. */
  @RequiresPermission(Permissions.MANAGE_SAVED_SEARCH_FILTERS)
  SavedSearch saveSearch(@WorkspaceId String workspace, String name, String filter);

  /** Deletes a saved search; returns whether it existed. */
  @RequiresPermission(Permissions.MANAGE_SAVED_SEARCH_FILTERS)
  boolean deleteSearch(@WorkspaceId String workspace, String searchId);
}
