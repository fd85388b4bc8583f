package dev.rolegate.samples.flows;

import dev.rolegate.samples.store.WorkspaceStore;
import java.util.List;
import java.util.Set;

/** Flows, runs and saved searches held in memory; no access checks of its own. */
final class InMemoryFlowService implements FlowService {
  private static final Set<String> REPORTED_STATES = Set.of("RUNNING", "COMPLETED", "FAILED");

  private final WorkspaceStore<Flow> flows = new WorkspaceStore<>("flow");
  private final WorkspaceStore<FlowRun> runs = new WorkspaceStore<>("flow run");
  private final WorkspaceStore<SavedSearch> searches = new WorkspaceStore<>("saved search");

  @Override
  public List<Flow> listFlows(String workspace) {
    return flows.list(workspace);
  }

  @Override
  public List<FlowRun> listRuns(String workspace, String flowId) {
    return runs.list(workspace).stream().filter(r -> r.flowId().equals(flowId)).toList();
  }

  @Override
  public Flow readFlow(String workspace, String flowId) {
    return flows.get(workspace, flowId);
  }

  @Override
  public Flow createFlow(String workspace, Flow flow) {
    return flows.put(workspace, flow.id(), flow);
  }

  @Override
  public FlowRun createRun(String workspace, String flowId) {
    return newRun(workspace, flowId, "RUNNING");
  }

  @Override
  public FlowRun submitRun(String workspace, String flowId) {
    return newRun(workspace, flowId, "PENDING");
  }

  @Override
  public FlowRun reportRunState(String workspace, String runId, String state) {
    if (!REPORTED_STATES.contains(state)) {
      throw new IllegalArgumentException(
          "a worker reports RUNNING, COMPLETED or FAILED, not " + state);
    }
    FlowRun run = runs.get(workspace, runId);
    return runs.put(workspace, runId, new FlowRun(runId, run.flowId(), state));
  }

  private FlowRun newRun(String workspace, String flowId, String state) {
    flows.get(workspace, flowId);
    String id = runs.nextId(workspace, "flow-run-");
    return runs.put(workspace, id, new FlowRun(id, flowId, state));
  }

  @Override
  public boolean deleteFlow(String workspace, String flowId) {
    listRuns(workspace, flowId).forEach(r -> runs.remove(workspace, r.id()));
    return flows.remove(workspace, flowId);
  }

  @Override
  public boolean deleteRun(String workspace, String runId) {
    return runs.remove(workspace, runId);
  }

  @Override
  public List<SavedSearch> savedSearches(String workspace) {
    return searches.list(workspace);
  }

  @Override
  public SavedSearch saveSearch(String workspace, String name, String filter) {
    String id = searches.nextId(workspace, "search-");
    return searches.put(workspace, id, new SavedSearch(id, name, filter));
  }

  @Override
  public boolean deleteSearch(String workspace, String searchId) {
    return searches.remove(workspace, searchId);
  }
}
