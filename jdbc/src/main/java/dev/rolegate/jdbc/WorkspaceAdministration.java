package dev.rolegate.jdbc;

import dev.rolegate.annotations.RequiresPermission;
import dev.rolegate.annotations.WorkspaceId;
import dev.rolegate.prefect.Permissions;
import java.util.List;

/**
 * A workspace's administration, as Prefect Cloud's workspace Owner holds it: members and their
 * workspace roles, and the workspace's default role. Every method acts in the workspace its first
 * argument names and is guarded by the bundled matrix's workspace permission; {@link
 * JdbcAdministration#workspaces} hands it out behind its generated guard only.
 *
 * <p>Beyond the permission: only members of the workspace's account get a workspace role; a role
 * granted (or made the default) is within the acting principal's own permissions in the workspace;
 * a member whose role exceeds them is not changed or removed by it. Each change is one transaction,
 * decided on the database's rows as they stand when it runs.
 */
public interface WorkspaceAdministration {
  /** Returns the workspace with its account and default role. */
  @RequiresPermission(Permissions.VIEW_WORKSPACE)
  Workspace workspace(@WorkspaceId String workspace);

  /** Lists the users with an explicit role in the workspace. */
  @RequiresPermission(Permissions.VIEW_WORKSPACE_USERS)
  List<Member> users(@WorkspaceId String workspace);

  /** Lists the service accounts with an explicit role in the workspace. */
  @RequiresPermission(Permissions.VIEW_WORKSPACE_SERVICE_ACCOUNTS)
  List<Member> serviceAccounts(@WorkspaceId String workspace);

  /**
   * Gives {@code principal} (a user or service account of the workspace's account) workspace role
   * {@code role} in the workspace, or changes the role it has.
   *
   * @throws MembershipException not a member of the workspace's account ({@code NOT_A_MEMBER}), a
   *     role that is neither built in nor a custom role of the workspace's account ({@code
   *     UNKNOWN_ROLE}), a role or member beyond the caller's own ({@code ESCALATION})
   */
  @RequiresPermission(Permissions.MANAGE_WORKSPACE_MEMBERS)
  Member setRole(@WorkspaceId String workspace, String principal, String role);

  /**
   * Removes {@code principal}'s explicit role in the workspace (it keeps the default role, if the
   * workspace has one).
   *
   * @throws MembershipException no explicit role there ({@code NOT_FOUND}), a member beyond the
   *     caller's own ({@code ESCALATION})
   */
  @RequiresPermission(Permissions.MANAGE_WORKSPACE_MEMBERS)
  void removeMember(@WorkspaceId String workspace, String principal);

  /**
   * Makes {@code role} the workspace's default role for every member of its account.
   *
   * @throws MembershipException an unknown role, a role beyond the caller's own ({@code
   *     ESCALATION})
   */
  @RequiresPermission(Permissions.SET_DEFAULT_WORKSPACE_ROLE)
  Workspace setDefaultRole(@WorkspaceId String workspace, String role);

  /** Makes "no access" the workspace's default: members without an explicit role hold nothing. */
  @RequiresPermission(Permissions.SET_DEFAULT_WORKSPACE_ROLE)
  Workspace setNoAccessDefault(@WorkspaceId String workspace);
}
