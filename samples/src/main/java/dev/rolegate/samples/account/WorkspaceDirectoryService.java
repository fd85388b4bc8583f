package dev.rolegate.samples.account;

import dev.rolegate.annotations.AccountId;
import dev.rolegate.annotations.RequiresPermission;
import dev.rolegate.prefect.Permissions;
import java.util.List;

/**
 * An account's list of workspaces, and creating new ones: account-level, in the account the first
 * argument names.
 */
public interface WorkspaceDirectoryService {
  /** Lists the handles of the account's workspaces. */
  @RequiresPermission(Permissions.VIEW_WORKSPACES)
  List<String> list(@AccountId String account);

  /** Creates a workspace in the account; returns its handle. */
  @RequiresPermission(Permissions.CREATE_WORKSPACES)
  String create(@AccountId String account, String handle);
}
