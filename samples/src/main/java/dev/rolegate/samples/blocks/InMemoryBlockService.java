package dev.rolegate.samples.blocks;

import dev.rolegate.samples.store.WorkspaceStore;
import java.util.List;

/** Blocks held in memory; no access checks of its own. */
final class InMemoryBlockService implements BlockService {
  private final WorkspaceStore<Block> blocks = new WorkspaceStore<>("block");

  @Override
  public List<BlockSummary> list(String workspace) {
    return blocks.list(workspace).stream().map(Block::summary).toList();
  }

  @Override
  public Secret readSecret(String workspace, String blockId) {
    return blocks.get(workspace, blockId).data();
  }

  @Override
  public BlockSummary create(String workspace, String type, String name, Secret data) {
    String id = blocks.nextId(workspace, "block-");
    return blocks.put(workspace, id, new Block(id, type, name, data)).summary();
  }

  @Override
  public BlockSummary update(String workspace, String blockId, Secret data) {
    Block old = blocks.get(workspace, blockId);
    return blocks
        .put(workspace, blockId, new Block(blockId, old.type(), old.name(), data))
        .summary();
  }

  @Override
  public boolean delete(String workspace, String blockId) {
    return blocks.remove(workspace, blockId);
  }
}
