package dev.rolegate.samples.account;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Workspace handles held in memory, per account; no access checks of its own. A handle names one
 * workspace of one account: a handle taken in any account is refused.
 */
final class InMemoryWorkspaceDirectoryService implements WorkspaceDirectoryService {
  private final Map<String, List<String>> handles = new HashMap<>();

  @Override
  public synchronized List<String> list(String account) {
    return List.copyOf(handles.getOrDefault(account, List.of()));
  }

  @Override
  public synchronized String create(String account, String handle) {
    if (handle == null
        || handle.isBlank()
        || handles.values().stream().anyMatch(taken -> taken.contains(handle))) {
      throw new IllegalArgumentException("workspace handle missing or taken: " + handle);
    }
    handles.computeIfAbsent(account, a -> new ArrayList<>()).add(handle);
    return handle;
  }
}
