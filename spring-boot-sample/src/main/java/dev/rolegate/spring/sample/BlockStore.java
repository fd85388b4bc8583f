package dev.rolegate.spring.sample;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.springframework.stereotype.Component;

/** Where {@link Blocks} keeps its data: an ordinary bean, injected through the constructor. */
@Component
public class BlockStore {
  private final Map<String, Map<String, String>> byWorkspace = new ConcurrentHashMap<>();

  /** Creates the store with one block in workspace {@code ws-acme-prod}. */
  public BlockStore() {
    workspace("ws-acme-prod").put("warehouse", "postgres://etl:hunter2@db/warehouse");
  }

  /** Returns a workspace's blocks, name to secret value. */
  Map<String, String> workspace(String workspace) {
    return byWorkspace.computeIfAbsent(workspace, ws -> new ConcurrentSkipListMap<>());
  }
}
