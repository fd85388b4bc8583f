package dev.rolegate.samples.workspaces;

import dev.rolegate.annotations.RequiresPermission;
import dev.rolegate.annotations.WorkspaceId;
import dev.rolegate.prefect.Permissions;
import java.util.List;

/** The members of a workspace (users and service accounts), their roles and the default role. */
public interface WorkspaceMemberService {
  /** Lists the users; whoever may manage members may list them too. */
  // MANAGE_WORKSPACE_MEMBERS includes VIEW_WORKSPACE_USERS, so it lets no one else in; it is
  // listed on purpose, to document on the method that workspace owners may list members.
  @SuppressWarnings("WeakenedAnyOf")
  @RequiresPermission(
      anyOf = {Permissions.VIEW_WORKSPACE_USERS, Permissions.MANAGE_WORKSPACE_MEMBERS})
  List<Member> listUsers(@WorkspaceId String workspace);

  /** Lists the service accounts with access to the workspace. */
  @RequiresPermission(Permissions.VIEW_WORKSPACE_SERVICE_ACCOUNTS)
  List<Member> listServiceAccounts(@WorkspaceId String workspace);

  /** Adds an account member (user or service account) with a workspace role. */
  @RequiresPermission(Permissions.MANAGE_WORKSPACE_MEMBERS)
  Member add(@WorkspaceId String workspace, String memberId, boolean serviceAccount, String role);

  /** Removes a member; returns whether it was one. */
  @RequiresPermission(Permissions.MANAGE_WORKSPACE_MEMBERS)
  boolean remove(@WorkspaceId String workspace, String memberId);

  /** Changes a member's role. */
  @RequiresPermission(Permissions.MANAGE_WORKSPACE_MEMBERS)
  Member setRole(@WorkspaceId String workspace, String memberId, String role);

  /**
   * Sets the role every account member without an explicit role here holds here (a built-in or
   * custom workspace role's name). An explicit role still wins; account ADMIN and OWNER stay OWNER.
   */
  @RequiresPermission(Permissions.SET_DEFAULT_WORKSPACE_ROLE)
  void setDefaultRole(@WorkspaceId String workspace, String role);

  /** Makes "no access" the default: account members without an explicit role here get nothing. */
  @RequiresPermission(Permissions.SET_DEFAULT_WORKSPACE_ROLE)
  void setDefaultNoAccess(@WorkspaceId String workspace);
}
