package dev.rolegate.samples.workpools;

import dev.rolegate.samples.store.WorkspaceStore;
import java.util.List;

/** Work pools and their queued work held in memory; no access checks of its own. */
final class InMemoryWorkPoolService implements WorkPoolService {
  private final WorkspaceStore<WorkPool> pools = new WorkspaceStore<>("work pool");
  private final WorkspaceStore<WorkItem> queue = new WorkspaceStore<>("work item");

  @Override
  public List<WorkPool> list(String workspace) {
    return pools.list(workspace);
  }

  @Override
  public WorkPool create(String workspace, String name, String type) {
    if (pools.find(workspace, name).isPresent()) {
      throw new IllegalArgumentException(
          "work pool " + name + " already exists in workspace " + workspace);
    }
    return pools.put(workspace, name, new WorkPool(name, type, false));
  }

  @Override
  public WorkPool pause(String workspace, String name) {
    WorkPool pool = pools.get(workspace, name);
    return pools.put(workspace, name, new WorkPool(name, pool.type(), true));
  }

  @Override
  public boolean delete(String workspace, String name) {
    return pools.remove(workspace, name);
  }

  @Override
  public WorkItem submit(String workspace, String pool, String deploymentId) {
    pools.get(workspace, pool);
    String id = queue.nextId(workspace, "work-");
    return queue.put(workspace, id, new WorkItem(id, pool, deploymentId));
  }

  @Override
  public List<WorkItem> poll(String workspace, String pool) {
    if (pools.get(workspace, pool).paused()) {
      return List.of();
    }
    List<WorkItem> taken =
        queue.list(workspace).stream().filter(w -> w.pool().equals(pool)).toList();
    taken.forEach(w -> queue.remove(workspace, w.id()));
    return taken;
  }
}
