package dev.rolegate.samples.deployments;

import dev.rolegate.samples.store.WorkspaceStore;
import java.util.List;

/** Deployments and their runs held in memory; no access checks of its own. */
final class InMemoryDeploymentService implements DeploymentService {
  private final WorkspaceStore<Deployment> deployments = new WorkspaceStore<>("deployment");
  private final WorkspaceStore<DeploymentRun> runs = new WorkspaceStore<>("deployment run");

  @Override
  public String ping() {
    return "pong";
  }

  @Override
  public List<Deployment> list(String workspace) {
    return deployments.list(workspace);
  }

  @Override
  public Deployment read(String workspace, String id) {
    return deployments.get(workspace, id);
  }

  @Override
  public DeploymentRun run(String workspace, String id) {
    return runOnPool(workspace, id, deployments.get(workspace, id).workPool());
  }

  @Override
  public DeploymentRun runOnPool(String workspace, String id, String workPool) {
    Deployment deployment = deployments.get(workspace, id);
    String runId = runs.nextId(workspace, "run-");
    return runs.put(
        workspace, runId, new DeploymentRun(runId, deployment.id(), workPool, "SCHEDULED"));
  }

  @Override
  public DeploymentRun cancelRun(String workspace, String runId) {
    DeploymentRun run = runs.get(workspace, runId);
    DeploymentRun cancelled =
        new DeploymentRun(run.id(), run.deploymentId(), run.workPool(), "CANCELLED");
    return runs.put(workspace, runId, cancelled);
  }

  @Override
  public Deployment create(String workspace, Deployment deployment) {
    if (deployments.find(workspace, deployment.id()).isPresent()) {
      throw new IllegalArgumentException(
          "deployment " + deployment.id() + " already exists in workspace " + workspace);
    }
    return deployments.put(workspace, deployment.id(), deployment);
  }

  @Override
  public Deployment update(String workspace, Deployment deployment) {
    deployments.get(workspace, deployment.id());
    return deployments.put(workspace, deployment.id(), deployment);
  }

  @Override
  public boolean delete(String workspace, String id) {
    return deployments.remove(workspace, id);
  }
}
