package dev.rolegate.samples.concurrency;

import dev.rolegate.annotations.RequiresPermission;
import dev.rolegate.annotations.WorkspaceId;
import dev.rolegate.prefect.Permissions;
import java.util.List;

/** Task-run concurrency limits of a workspace. */
public interface ConcurrencyLimitService {
  /** Lists the limits. */
  @RequiresPermission(Permissions.VIEW_CONCURRENCY_LIMITS)
  List<ConcurrencyLimit> list(@WorkspaceId String workspace);

  /** Creates or changes the limit of a tag. */
  @RequiresPermission(Permissions.MANAGE_CONCURRENCY_LIMITS)
  ConcurrencyLimit set(@WorkspaceId String workspace, String tag, int limit);

  /** Removes the limit of a tag; returns whether there was one. */
  @RequiresPermission(Permissions.MANAGE_CONCURRENCY_LIMITS)
  boolean remove(@WorkspaceId String workspace, String tag);
}
