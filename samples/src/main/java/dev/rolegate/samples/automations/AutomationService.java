package dev.rolegate.samples.automations;

import dev.rolegate.annotations.RequiresPermission;
import dev.rolegate.annotations.WorkspaceId;
import dev.rolegate.prefect.Permissions;
import java.util.List;

/** Automations of a workspace. */
public interface AutomationService {
  /** Lists the automations. */
  @RequiresPermission(Permissions.VIEW_AUTOMATIONS)
  List<Automation> list(@WorkspaceId String workspace);

  /** Creates an automation. */
  @RequiresPermission(Permissions.MANAGE_AUTOMATIONS)
  Automation create(@WorkspaceId String workspace, String name, String trigger, String action);

  /** Deletes an automation; returns whether it existed. */
  @RequiresPermission(Permissions.MANAGE_AUTOMATIONS)
  boolean delete(@WorkspaceId String workspace, String id);
}
