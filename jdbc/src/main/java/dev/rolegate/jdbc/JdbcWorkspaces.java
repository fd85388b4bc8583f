package dev.rolegate.jdbc;

import dev.rolegate.jdbc.JdbcMembershipStore.CustomRolesCache;
import dev.rolegate.jdbc.MembershipException.Reason;
import dev.rolegate.prefect.PrefectCloudCapabilityTable;
import dev.rolegate.runtime.Permission;
import dev.rolegate.runtime.PrincipalKind;
import dev.rolegate.runtime.PrincipalSource;
import dev.rolegate.runtime.Role;
import dev.rolegate.runtime.internal.Names;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@link WorkspaceAdministration} on the database. Reached only through its generated guard ({@link
 * JdbcAdministration#workspaces}); each change locks the workspace's account row, reads the acting
 * principal's permissions in the workspace as the database stands, and writes in one transaction.
 */
final class JdbcWorkspaces implements WorkspaceAdministration {
  private final JdbcMembershipStore store;
  private final PrincipalSource source;

  JdbcWorkspaces(JdbcMembershipStore store, PrincipalSource source) {
    this.store = store;
    this.source = source;
  }

  @Override
  public Workspace workspace(String workspace) {
    String id = Rows.workspace(workspace);
    return Sql.read(store.dataSource(), connection -> find(connection, id));
  }

  @Override
  public List<Member> users(String workspace) {
    return members(workspace, PrincipalKind.USER);
  }

  @Override
  public List<Member> serviceAccounts(String workspace) {
    return members(workspace, PrincipalKind.SERVICE_ACCOUNT);
  }

  private List<Member> members(String workspace, PrincipalKind kind) {
    String id = Rows.workspace(workspace);
    return Sql.read(
        store.dataSource(),
        connection -> {
          find(connection, id);
          return Rows.sorted(
              Sql.list(
                  connection,
                  "select wm.principal_id, wm.role from rolegate_workspace_member wm"
                      + " join rolegate_principal p on p.id = wm.principal_id"
                      + " where wm.workspace_id = ? and p.kind = ?",
                  row -> new Member(row.getString(1), kind, row.getString(2)),
                  id,
                  kind.name()),
              Member::principal);
        });
  }

  @Override
  public Member setRole(String workspace, String principal, String role) {
    String id = Rows.workspace(workspace);
    StoredNames.requirePrincipalId(principal);
    StoredNames.requireRole(role);
    return Sql.change(
        store.dataSource(),
        connection -> {
          Change change =
              new Change(connection, id, PrefectCloudCapabilityTable.MANAGE_WORKSPACE_MEMBERS);
          String account = change.workspace.account();
          if (Rows.accountRole(connection, account, principal) == null) {
            throw new MembershipException(
                Reason.NOT_A_MEMBER,
                Names.quoted(principal)
                    + " is no member of account "
                    + Names.quoted(account)
                    + ", the account of workspace "
                    + Names.quoted(id)
                    + "; a workspace role is held only by members of the"
                    + " workspace's account: add it to the account first");
          }
          Role granted = change.role(role);
          String current = explicitRole(connection, id, principal);
          if (current != null) {
            change.requireCovers(
                change.role(current),
                "change the role of " + Names.quoted(principal) + ", who holds " + current + ",");
          }
          change.requireCovers(granted, "grant " + granted.name());
          if (current == null) {
            Sql.update(
                connection,
                "insert into rolegate_workspace_member (workspace_id, account_id, principal_id,"
                    + " role) values (?, ?, ?, ?)",
                id,
                account,
                principal,
                granted.name());
          } else {
            Sql.update(
                connection,
                "update rolegate_workspace_member set role = ? where workspace_id = ?"
                    + " and principal_id = ?",
                granted.name(),
                id,
                principal);
          }
          String[] identity = Rows.identity(connection, principal);
          return new Member(principal, Rows.kind(identity[0]), granted.name());
        });
  }

  @Override
  public void removeMember(String workspace, String principal) {
    String id = Rows.workspace(workspace);
    StoredNames.requirePrincipalId(principal);
    Sql.change(
        store.dataSource(),
        connection -> {
          Change change =
              new Change(connection, id, PrefectCloudCapabilityTable.MANAGE_WORKSPACE_MEMBERS);
          String current = explicitRole(connection, id, principal);
          if (current == null) {
            throw new MembershipException(
                Reason.NOT_FOUND,
                Names.quoted(principal)
                    + " has no role of its own in workspace "
                    + Names.quoted(id));
          }
          change.requireCovers(
              change.role(current),
              "remove " + Names.quoted(principal) + ", who holds " + current + ",");
          Sql.update(
              connection,
              "delete from rolegate_workspace_member where workspace_id = ? and principal_id = ?",
              id,
              principal);
          return null;
        });
  }

  @Override
  public Workspace setDefaultRole(String workspace, String role) {
    String id = Rows.workspace(workspace);
    StoredNames.requireRole(role);
    return Sql.change(
        store.dataSource(),
        connection -> {
          Change change =
              new Change(connection, id, PrefectCloudCapabilityTable.SET_DEFAULT_WORKSPACE_ROLE);
          Role granted = change.role(role);
          change.requireCoversDefault();
          change.requireCovers(granted, "make " + granted.name() + " the default role");
          Sql.update(
              connection,
              "update rolegate_workspace set default_role = ? where id = ?",
              granted.name(),
              id);
          return new Workspace(id, change.workspace.account(), granted.name());
        });
  }

  @Override
  public Workspace setNoAccessDefault(String workspace) {
    String id = Rows.workspace(workspace);
    return Sql.change(
        store.dataSource(),
        connection -> {
          Change change =
              new Change(connection, id, PrefectCloudCapabilityTable.SET_DEFAULT_WORKSPACE_ROLE);
          change.requireCoversDefault();
          Sql.update(
              connection, "update rolegate_workspace set default_role = null where id = ?", id);
          return new Workspace(id, change.workspace.account(), null);
        });
  }

  /**
   * One change to a workspace, inside its transaction: the workspace's row read after its account's
   * lock, what the acting principal holds there (which must include the permission), and the
   * account's custom roles as they are read.
   */
  private final class Change {
    final Connection connection;
    final Workspace workspace;
    final CustomRolesCache cache = store.customRoles();
    final Set<Permission> actor;

    Change(Connection connection, String id, Permission permission) throws SQLException {
      this.connection = connection;
      this.workspace = lockedWorkspace(connection, id);
      this.actor = actorPermissions(connection, workspace, permission, cache);
    }

    /** Resolves a role name of the workspace's account (built-in or custom). */
    Role role(String name) throws SQLException {
      return store.workspaceRole(connection, workspace.account(), name, cache);
    }

    /** Refuses unless the acting principal holds every permission {@code role} gives. */
    void requireCovers(Role role, String what) {
      if (!Authority.covers(actor, role)) {
        throw new MembershipException(
            Reason.ESCALATION,
            "the caller may not "
                + what
                + " in workspace "
                + Names.quoted(workspace.id())
                + ": "
                + role.name()
                + " holds permissions the caller lacks there; no one grants or"
                + " changes a role beyond their own");
      }
    }

    /**
     * A default is a role every member without one of its own holds: replacing it takes it from
     * them, so the caller must cover the default it replaces as it covers a role it changes.
     */
    void requireCoversDefault() throws SQLException {
      if (workspace.defaultRole() != null) {
        Role current = role(workspace.defaultRole());
        requireCovers(current, "replace the default role " + current.name());
      }
    }
  }

  private static Workspace find(Connection connection, String id) throws SQLException {
    List<Workspace> rows =
        Sql.list(
            connection,
            "select id, account_id, default_role from rolegate_workspace where id = ?",
            Rows::workspace,
            id);
    if (rows.isEmpty()) {
      throw new MembershipException(
          Reason.NOT_FOUND, "workspace " + Names.quoted(id) + " does not exist");
    }
    return rows.get(0);
  }

  /** Locks the workspace's account (changes to one account run one at a time), then reads it. */
  private static Workspace lockedWorkspace(Connection connection, String id) throws SQLException {
    Workspace unlocked = find(connection, id);
    Rows.lockAccount(connection, unlocked.account());
    return find(connection, id);
  }

  private static String explicitRole(Connection connection, String workspace, String principal)
      throws SQLException {
    return Sql.string(
        connection,
        "select role from rolegate_workspace_member where workspace_id = ? and principal_id = ?",
        workspace,
        principal);
  }

  /**
   * Returns what the acting principal holds in {@code workspace} as the database stands: its
   * account role's workspace role everywhere, and its explicit role there or else the default; it
   * must hold {@code permission}.
   */
  private Set<Permission> actorPermissions(
      Connection connection, Workspace workspace, Permission permission, CustomRolesCache cache)
      throws SQLException {
    String actor = Authority.actor(source);
    Set<Permission> held = new HashSet<>();
    String accountRole = Rows.accountRole(connection, workspace.account(), actor);
    if (accountRole != null) {
      Role role = store.matrix().accountRole(accountRole).orElse(null);
      if (role != null && role.everywhere() != null) {
        held.addAll(role.everywhere().permissions());
      }
      String explicit = explicitRole(connection, workspace.id(), actor);
      String effective = explicit != null ? explicit : workspace.defaultRole();
      if (effective != null) {
        held.addAll(
            store.workspaceRole(connection, workspace.account(), effective, cache).permissions());
      }
    }
    if (!held.contains(permission)) {
      throw new MembershipException(
          Reason.NOT_PERMITTED,
          Names.quoted(actor)
              + " does not hold "
              + permission.name()
              + " in workspace "
              + Names.quoted(workspace.id())
              + " as the database stands; nothing was changed");
    }
    return held;
  }
}
