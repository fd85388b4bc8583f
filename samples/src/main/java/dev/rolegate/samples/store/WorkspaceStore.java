package dev.rolegate.samples.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * A small thread-safe in-memory store of objects by workspace and id, shared by the in-memory
 * services. It knows nothing about permissions: the generated guards check those before any service
 * method runs.
 *
 * @param <T> the stored object type
 */
public final class WorkspaceStore<T> {
  private final String kind;
  private final Map<String, Map<String, T>> byWorkspace = new LinkedHashMap<>();

  /** Creates an empty store; {@code kind} names the objects in error messages ("deployment"). */
  public WorkspaceStore(String kind) {
    this.kind = kind;
  }

  /** Returns the objects of {@code workspace} in insertion order. */
  public synchronized List<T> list(String workspace) {
    return List.copyOf(objects(workspace).values());
  }

  /** Returns the object, if present. */
  public synchronized Optional<T> find(String workspace, String id) {
    return Optional.ofNullable(objects(workspace).get(id));
  }

  /**
   * Returns the object.
   *
   * @throws NoSuchElementException naming the kind, id and workspace (never the object itself)
   */
  public synchronized T get(String workspace, String id) {
    T value = objects(workspace).get(id);
    if (value == null) {
      throw new NoSuchElementException("no " + kind + " " + id + " in workspace " + workspace);
    }
    return value;
  }

  /** Stores {@code value} under {@code id}, replacing any previous one; returns {@code value}. */
  public synchronized T put(String workspace, String id, T value) {
    byWorkspace.computeIfAbsent(workspace, w -> new LinkedHashMap<>()).put(id, value);
    return value;
  }

  /** Removes the object; returns whether it was there. */
  public synchronized boolean remove(String workspace, String id) {
    Map<String, T> objects = byWorkspace.get(workspace);
    return objects != null && objects.remove(id) != null;
  }

  /** Returns a fresh id: {@code prefix} and the next number of this workspace. */
  public synchronized String nextId(String workspace, String prefix) {
    int n = objects(workspace).size() + 1;
    while (objects(workspace).containsKey(prefix + n)) {
      n++;
    }
    return prefix + n;
  }

  private Map<String, T> objects(String workspace) {
    return byWorkspace.getOrDefault(workspace, Map.of());
  }
}
