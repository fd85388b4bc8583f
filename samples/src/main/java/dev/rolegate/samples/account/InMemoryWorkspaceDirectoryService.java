package dev.rolegate.samples.account;

import java.util.ArrayList;
import java.util.List;

/** Workspace handles held in memory; no access checks of its own. */
final class InMemoryWorkspaceDirectoryService implements WorkspaceDirectoryService {
  private final List<String> handles = new ArrayList<>();

  @Override
  public synchronized List<String> list() {
    return List.copyOf(handles);
  }

  @Override
  public synchronized String create(String handle) {
    if (handle == null || handle.isBlank() || handles.contains(handle)) {
      throw new IllegalArgumentException("workspace handle missing or taken: " + handle);
    }
    handles.add(handle);
    return handle;
  }
}
