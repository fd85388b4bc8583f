package dev.rolegate.samples.flows;

import dev.rolegate.annotations.RequiresPermission;
import dev.rolegate.annotations.WorkspaceId;
import dev.rolegate.prefect.Permissions;
import java.util.List;

/**
 * Flows, flow runs and saved flow-run searches of a workspace. People create runs with {@code
 * RUN_FLOWS}; a worker submits the runs of scheduled work it took from a pool, and reports their
 * state, with {@code POLL_AND_SUBMIT_WORK} alone.
 */
public interface FlowService {
  /** Lists the workspace's flows. */
  @RequiresPermission(Permissions.VIEW_FLOWS)
  List<Flow> listFlows(@WorkspaceId String workspace);

  /** Lists the runs of one flow. */
  @RequiresPermission(Permissions.VIEW_FLOWS)
  List<FlowRun> listRuns(@WorkspaceId String workspace, String flowId);

  /** Reads one flow. */
  @RequiresPermission(Permissions.VIEW_FLOWS)
  Flow readFlow(@WorkspaceId String workspace, String flowId);

  /** Creates or updates a flow. */
  @RequiresPermission(Permissions.RUN_FLOWS)
  Flow createFlow(@WorkspaceId String workspace, Flow flow);

  /** Creates (and starts) a run of a flow. */
  @RequiresPermission(Permissions.RUN_FLOWS)
  FlowRun createRun(@WorkspaceId String workspace, String flowId);

  /**
   * Submits a run of a flow for scheduled work a worker took from a work pool: the run starts
   * {@code PENDING} until the worker reports it running.
   */
  @RequiresPermission(Permissions.POLL_AND_SUBMIT_WORK)
  FlowRun submitRun(@WorkspaceId String workspace, String flowId);

  /**
   * Reports the state of a run a worker executes: {@code RUNNING}, {@code COMPLETED} or {@code
   * FAILED}.
   */
  @RequiresPermission(Permissions.POLL_AND_SUBMIT_WORK)
  FlowRun reportRunState(@WorkspaceId String workspace, String runId, String state);

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
