package dev.rolegate.samples.workspaces;

import dev.rolegate.runtime.AccountDirectory;
import dev.rolegate.runtime.CustomRoles;
import dev.rolegate.runtime.Role;
import dev.rolegate.runtime.WorkspaceDefaults;
import dev.rolegate.samples.store.WorkspaceStore;
import java.util.List;
import java.util.Objects;

/**
 * Workspace members held in memory; no access checks of its own. Role names are checked against the
 * compiled matrix and the account's custom roles, so a typo such as {@code "owner"} is rejected.
 * Default roles are written to a shared {@link WorkspaceDefaults}: principals built with {@code
 * Principal.Builder.workspaceDefaults} on the same instance hold them at once.
 */
final class InMemoryWorkspaceMemberService implements WorkspaceMemberService {
  private final WorkspaceStore<Member> members = new WorkspaceStore<>("member");
  private final WorkspaceDefaults defaults;
  private final CustomRoles roles;
  private final AccountDirectory accounts;

  /** Creates an empty member list writing default roles to {@code defaults}. */
  InMemoryWorkspaceMemberService(
      WorkspaceDefaults defaults, CustomRoles roles, AccountDirectory accounts) {
    this.defaults = Objects.requireNonNull(defaults, "workspace defaults");
    this.roles = Objects.requireNonNull(roles, "custom roles");
    this.accounts = Objects.requireNonNull(accounts, "account directory");
    if (roles.matrix() != defaults.matrix()) {
      throw new IllegalArgumentException(
          "custom roles and workspace defaults of different matrices");
    }
  }

  @Override
  public List<Member> listUsers(String workspace) {
    return members.list(workspace).stream().filter(m -> !m.serviceAccount()).toList();
  }

  @Override
  public List<Member> listServiceAccounts(String workspace) {
    return members.list(workspace).stream().filter(Member::serviceAccount).toList();
  }

  @Override
  public Member add(String workspace, String memberId, boolean serviceAccount, String role) {
    return members.put(
        workspace, memberId, new Member(memberId, serviceAccount, checked(workspace, role).name()));
  }

  @Override
  public boolean remove(String workspace, String memberId) {
    return members.remove(workspace, memberId);
  }

  @Override
  public Member setRole(String workspace, String memberId, String role) {
    Member old = members.get(workspace, memberId);
    return members.put(
        workspace,
        memberId,
        new Member(memberId, old.serviceAccount(), checked(workspace, role).name()));
  }

  @Override
  public void setDefaultRole(String workspace, String role) {
    defaults.setDefaultRole(workspace, checked(workspace, role));
  }

  @Override
  public void setDefaultNoAccess(String workspace) {
    defaults.setNoAccess(workspace);
  }

  /**
   * Returns the role of this name, refusing a custom role of another account than the workspace's.
   */
  private Role checked(String workspace, String role) {
    Role found = roles.workspaceRole(Objects.requireNonNull(role, "role"));
    String account = accounts.accountOf(workspace);
    if (found.account().isPresent() && !found.account().get().equals(account)) {
      throw new IllegalArgumentException(
          "custom role "
              + found.name()
              + " belongs to account "
              + found.account().get()
              + ", and workspace "
              + workspace
              + " is not one of its"
              + " workspaces; a custom role is held only in its own account's workspaces");
    }
    return found;
  }
}
