package dev.rolegate.samples.blocks;

import dev.rolegate.annotations.RequiresPermission;
import dev.rolegate.annotations.WorkspaceId;
import dev.rolegate.prefect.Permissions;
import java.util.List;

/**
 * Blocks of a workspace: configuration with secret data. Listing shows no secrets; reading the
 * secret data needs {@code VIEW_SECRET_BLOCK_DATA}.
 */
public interface BlockService {
  /** Lists the blocks, without their secret data. */
  @RequiresPermission(Permissions.VIEW_BLOCKS)
  List<BlockSummary> list(@WorkspaceId String workspace);

  /** Reads a block's secret data. */
  @RequiresPermission(Permissions.VIEW_SECRET_BLOCK_DATA)
  Secret readSecret(@WorkspaceId String workspace, String blockId);

  /** Creates a block. */
  @RequiresPermission(Permissions.MANAGE_BLOCKS)
  BlockSummary create(@WorkspaceId String workspace, String type, String name, Secret data);

  /** Replaces a block's secret data. */
  @RequiresPermission(Permissions.MANAGE_BLOCKS)
  BlockSummary update(@WorkspaceId String workspace, String blockId, Secret data);

  /** Deletes a block; returns whether it existed. */
  @RequiresPermission(Permissions.MANAGE_BLOCKS)
  boolean delete(@WorkspaceId String workspace, String blockId);
}
