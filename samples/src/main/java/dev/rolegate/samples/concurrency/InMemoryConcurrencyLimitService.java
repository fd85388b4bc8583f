package dev.rolegate.samples.concurrency;

import dev.rolegate.samples.store.WorkspaceStore;
import java.util.List;

/** Concurrency limits held in memory; no access checks of its own. */
final class InMemoryConcurrencyLimitService implements ConcurrencyLimitService {
  private final WorkspaceStore<ConcurrencyLimit> limits = new WorkspaceStore<>("concurrency limit");

  @Override
  public List<ConcurrencyLimit> list(String workspace) {
    return limits.list(workspace);
  }

  @Override
  public ConcurrencyLimit set(String workspace, String tag, int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("a concurrency limit may not be negative: " + limit);
    }
    return limits.put(workspace, tag, new ConcurrencyLimit(tag, limit));
  }

  @Override
  public boolean remove(String workspace, String tag) {
    return limits.remove(workspace, tag);
  }
}
