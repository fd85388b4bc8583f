package dev.rolegate.samples.automations;

import dev.rolegate.samples.store.WorkspaceStore;
import java.util.List;

/** Automations held in memory; no access checks of its own. */
final class InMemoryAutomationService implements AutomationService {
  private final WorkspaceStore<Automation> automations = new WorkspaceStore<>("automation");

  @Override
  public List<Automation> list(String workspace) {
    return automations.list(workspace);
  }

  @Override
  public Automation create(String workspace, String name, String trigger, String action) {
    String id = automations.nextId(workspace, "automation-");
    return automations.put(workspace, id, new Automation(id, name, trigger, action));
  }

  @Override
  public boolean delete(String workspace, String id) {
    return automations.remove(workspace, id);
  }
}
