package dev.rolegate.samples.workspaces;

import dev.rolegate.runtime.AccountDirectory;
import dev.rolegate.runtime.CustomRoles;
import dev.rolegate.runtime.WorkspaceDefaults;
import java.util.List;

/**
 * Hands out the workspace and workspace-member services, only ever behind their generated guards:
 * the in-memory implementations are package-private, so no caller outside this package can hold
 * them unchecked (see docs/SECURITY.md, and the samples' {@code GuardedImplementationsTest}).
 */
public final class Workspaces {
  private Workspaces() {}

  /**
   * Returns an in-memory workspace service holding {@code workspaces} (with default settings),
   * behind {@link GuardedWorkspaceService}, which checks the principal bound to the calling thread.
   */
  public static WorkspaceService inMemory(List<WorkspaceInfo> workspaces) {
    InMemoryWorkspaceService service = new InMemoryWorkspaceService();
    workspaces.forEach(service::add);
    return GuardedWorkspaceService.wrap(service);
  }

  /**
   * Returns an empty in-memory member service writing default roles to {@code defaults} and
   * checking role names against {@code roles} (custom roles only in their account's workspaces, as
   * {@code accounts} places them), behind {@link GuardedWorkspaceMemberService}.
   */
  public static WorkspaceMemberService members(
      WorkspaceDefaults defaults, CustomRoles roles, AccountDirectory accounts) {
    return GuardedWorkspaceMemberService.wrap(
        new InMemoryWorkspaceMemberService(defaults, roles, accounts));
  }
}
