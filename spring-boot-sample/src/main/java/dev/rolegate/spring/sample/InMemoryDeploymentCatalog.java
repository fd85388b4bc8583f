package dev.rolegate.spring.sample;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deployments, in memory. Written without a single check: the starter wraps this bean in its
 * guard, outside the transaction proxy that {@code @Transactional} asks for, so a denied call never
 * starts a transaction.
 */
@Service
@Transactional
public class InMemoryDeploymentCatalog implements DeploymentCatalog {
  private final Map<String, Map<String, Deployment>> byWorkspace = new ConcurrentHashMap<>();
  private final AtomicInteger runs = new AtomicInteger();

  /**
   * Creates the catalogue with two deployments in workspace {@code ws-acme-prod}, one in {@code
   * ws-acme-dev} and one in {@code ws-globex}.
   */
  public InMemoryDeploymentCatalog() {
    Map<String, Deployment> prod = workspace("ws-acme-prod");
    prod.put("d-etl", new Deployment("d-etl", "nightly ETL"));
    prod.put("d-report", new Deployment("d-report", "weekly report"));
    workspace("ws-acme-dev").put("d-try", new Deployment("d-try", "experiment"));
    workspace("ws-globex").put("d-globex", new Deployment("d-globex", "globex sync"));
  }

  private Map<String, Deployment> workspace(String workspace) {
    return byWorkspace.computeIfAbsent(workspace, ws -> new ConcurrentSkipListMap<>());
  }

  @Override
  public String ping() {
    return "pong";
  }

  @Override
  @Transactional(readOnly = true)
  public List<Deployment> list(String workspace) {
    return List.copyOf(workspace(workspace).values());
  }

  @Override
  public String run(String workspace, String id) {
    return "run-" + runs.incrementAndGet();
  }

  @Override
  public Deployment save(String workspace, Deployment deployment) {
    workspace(workspace).put(deployment.id(), deployment);
    return deployment;
  }

  @Override
  public boolean delete(String workspace, String id) {
    return workspace(workspace).remove(id) != null;
  }
}
