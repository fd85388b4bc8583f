package dev.rolegate.samples.notifications;

import dev.rolegate.samples.store.WorkspaceStore;
import java.util.List;

/** Notification policies held in memory; no access checks of its own. */
final class InMemoryNotificationPolicyService implements NotificationPolicyService {
  private final WorkspaceStore<NotificationPolicy> policies =
      new WorkspaceStore<>("notification policy");

  @Override
  public List<NotificationPolicy> list(String workspace) {
    return policies.list(workspace);
  }

  @Override
  public NotificationPolicy create(String workspace, String state, String channel) {
    String id = policies.nextId(workspace, "policy-");
    return policies.put(workspace, id, new NotificationPolicy(id, state, channel));
  }

  @Override
  public NotificationPolicy edit(String workspace, String id, String channel) {
    NotificationPolicy old = policies.get(workspace, id);
    return policies.put(workspace, id, new NotificationPolicy(id, old.state(), channel));
  }

  @Override
  public boolean delete(String workspace, String id) {
    return policies.remove(workspace, id);
  }
}
