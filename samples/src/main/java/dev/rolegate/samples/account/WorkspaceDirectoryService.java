package dev.rolegate.samples.account;

import dev.rolegate.annotations.RequiresPermission;
import dev.rolegate.prefect.Permissions;
import java.util.List;

/** The account's list of workspaces, and creating new ones: account-level, no workspace. */
public interface WorkspaceDirectoryService {
  /** Lists the workspace handles. */
  @RequiresPermission(Permissions.VIEW_WORKSPACES)
  List<String> list();

  /** Creates a workspace; returns its handle. */
  @RequiresPermission(Permissions.CREATE_WORKSPACES)
  String create(String handle);
}
