package dev.rolegate.spring.sample;

import dev.rolegate.annotations.BoundWorkspace;
import dev.rolegate.annotations.RequiresPermission;
import dev.rolegate.prefect.Permissions;
import dev.rolegate.runtime.CurrentPrincipal;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Blocks of the workspace the request's path names. A guarded class: the starter creates this bean
 * as the generated {@code GuardedBlocks} subclass, with the same constructor, so {@link #store} is
 * injected as usual, and acts on the workspace bound for the request ({@code @BoundWorkspace}).
 */
@Service
@BoundWorkspace
public class Blocks {
  private final BlockStore store;

  /** Creates the service over {@code store}. */
  public Blocks(BlockStore store) {
    this.store = store;
  }

  /** Lists the block names. */
  @RequiresPermission(Permissions.VIEW_BLOCKS)
  public List<String> names() {
    return List.copyOf(store.workspace(here()).keySet());
  }

  /** Reads a block's secret value. */
  @RequiresPermission(Permissions.VIEW_SECRET_BLOCK_DATA)
  public String secret(String name) {
    return store.workspace(here()).get(name);
  }

  /** Creates or replaces a block. */
  @RequiresPermission(Permissions.MANAGE_BLOCKS)
  public void put(String name, String value) {
    store.workspace(here()).put(name, value);
  }

  private static String here() {
    // The guard has checked that a workspace is bound before any method above runs.
    return CurrentPrincipal.workspace().orElseThrow();
  }
}
