package dev.rolegate.samples.workspaces;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/** Workspaces held in memory; no access checks of its own. */
final class InMemoryWorkspaceService implements WorkspaceService {
  private static final WorkspaceSettings DEFAULTS = new WorkspaceSettings(30, false);

  private final Map<String, WorkspaceInfo> workspaces = new LinkedHashMap<>();
  private final Map<String, WorkspaceSettings> settings = new LinkedHashMap<>();

  /** Adds a workspace with default settings (set-up; not part of the guarded interface). */
  synchronized WorkspaceInfo add(WorkspaceInfo info) {
    workspaces.put(info.handle(), info);
    settings.put(info.handle(), DEFAULTS);
    return info;
  }

  @Override
  public synchronized WorkspaceInfo describe(String workspace) {
    return require(workspace);
  }

  @Override
  public synchronized WorkspaceSettings settings(String workspace) {
    require(workspace);
    return settings.get(workspace);
  }

  @Override
  public synchronized WorkspaceSettings editSettings(
      String workspace, WorkspaceSettings newSettings) {
    require(workspace);
    settings.put(workspace, newSettings);
    return newSettings;
  }

  @Override
  public synchronized boolean delete(String workspace) {
    settings.remove(workspace);
    return workspaces.remove(workspace) != null;
  }

  private WorkspaceInfo require(String workspace) {
    WorkspaceInfo info = workspaces.get(workspace);
    if (info == null) {
      throw new NoSuchElementException("no workspace " + workspace);
    }
    return info;
  }
}
