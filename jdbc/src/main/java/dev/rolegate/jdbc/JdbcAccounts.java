package dev.rolegate.jdbc;

import dev.rolegate.jdbc.MembershipException.Reason;
import dev.rolegate.prefect.AccountRoles;
import dev.rolegate.prefect.PrefectCloudCapabilityTable;
import dev.rolegate.runtime.Level;
import dev.rolegate.runtime.Matrix;
import dev.rolegate.runtime.Permission;
import dev.rolegate.runtime.PrincipalKind;
import dev.rolegate.runtime.PrincipalSource;
import dev.rolegate.runtime.Role;
import dev.rolegate.runtime.internal.Names;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;

/**
 * {@link AccountAdministration} on the database. Reached only through its generated guard ({@link
 * JdbcAdministration#accounts}); each change locks the account's row, reads the acting principal's
 * account role as it stands, and writes in one transaction.
 */
final class JdbcAccounts implements AccountAdministration {
  private final JdbcMembershipStore store;
  private final Matrix matrix;
  private final PrincipalSource source;

  JdbcAccounts(JdbcMembershipStore store, PrincipalSource source) {
    this.store = store;
    this.matrix = store.matrix();
    this.source = source;
  }

  @Override
  public List<Member> members(String account) {
    String key = Rows.account(account);
    return sortedRows(
        "select am.principal_id, p.kind, am.role from rolegate_account_member am"
            + " join rolegate_principal p on p.id = am.principal_id"
            + " where am.account_id = ?",
        row -> new Member(row.getString(1), Rows.kind(row.getString(2)), row.getString(3)),
        Member::principal,
        key);
  }

  @Override
  public Member addMember(String account, String user, String role) {
    String key = Rows.account(account);
    requireUser(user, "create a service account in " + Names.quoted(key) + " instead");
    Role granted = accountRole(role);
    return Sql.change(
        store.dataSource(),
        connection -> {
          Role actor =
              actorRole(connection, key, PrefectCloudCapabilityTable.MANAGE_ACCOUNT_MEMBERS);
          requireCovers(actor, granted, key, "grant account role " + granted.name());
          String[] identity = Rows.identity(connection, user);
          if (identity != null && Rows.kind(identity[0]) == PrincipalKind.SERVICE_ACCOUNT) {
            throw new MembershipException(
                Reason.SERVICE_ACCOUNT,
                Names.quoted(user)
                    + " is a service account, which belongs to its own account"
                    + " only; create a service account in "
                    + Names.quoted(key)
                    + " instead");
          }
          if (identity == null) {
            Sql.update(
                connection,
                "insert into rolegate_principal (id, kind, account_id) values (?, 'USER', null)",
                user);
          } else if (Rows.accountRole(connection, key, user) != null) {
            throw new MembershipException(
                Reason.DUPLICATE,
                Names.quoted(user)
                    + " is already a member of account "
                    + Names.quoted(key)
                    + "; change its role with setAccountRole");
          }
          Sql.update(
              connection,
              "insert into rolegate_account_member (account_id, principal_id, role)"
                  + " values (?, ?, ?)",
              key,
              user,
              granted.name());
          return new Member(user, PrincipalKind.USER, granted.name());
        });
  }

  @Override
  public Member setAccountRole(String account, String member, String role) {
    String key = Rows.account(account);
    StoredNames.requirePrincipalId(member);
    Role granted = accountRole(role);
    return Sql.change(
        store.dataSource(),
        connection -> {
          Role actor =
              actorRole(connection, key, PrefectCloudCapabilityTable.MANAGE_ACCOUNT_MEMBERS);
          Role current = currentRole(connection, key, member);
          requireCovers(
              actor,
              current,
              key,
              "change the role of " + Names.quoted(member) + ", who holds " + current.name() + ",");
          requireCovers(actor, granted, key, "grant account role " + granted.name());
          if (!granted.name().equals(AccountRoles.OWNER)) {
            requireAnotherOwner(connection, key, member, current);
          }
          Sql.update(
              connection,
              "update rolegate_account_member set role = ? where account_id = ?"
                  + " and principal_id = ?",
              granted.name(),
              key,
              member);
          String[] identity = Rows.identity(connection, member);
          return new Member(member, Rows.kind(identity[0]), granted.name());
        });
  }

  @Override
  public void removeMember(String account, String user) {
    String key = Rows.account(account);
    requireUser(user, "delete the service account instead");
    Sql.change(
        store.dataSource(),
        connection -> {
          Role actor =
              actorRole(connection, key, PrefectCloudCapabilityTable.MANAGE_ACCOUNT_MEMBERS);
          Role current = currentRole(connection, key, user);
          String[] identity = Rows.identity(connection, user);
          if (Rows.kind(identity[0]) == PrincipalKind.SERVICE_ACCOUNT) {
            throw new MembershipException(
                Reason.SERVICE_ACCOUNT,
                Names.quoted(user)
                    + " is a service account of "
                    + Names.quoted(key)
                    + ": its"
                    + " membership is its existence; delete the service account instead");
          }
          requireCovers(
              actor,
              current,
              key,
              "remove " + Names.quoted(user) + ", who holds " + current.name() + ",");
          requireAnotherOwner(connection, key, user, current);
          // The workspace roles go with the membership (the schema's cascading foreign key).
          Sql.update(
              connection,
              "delete from rolegate_account_member where account_id = ? and principal_id = ?",
              key,
              user);
          return null;
        });
  }

  @Override
  public List<ServiceAccount> serviceAccounts(String account) {
    String key = Rows.account(account);
    return sortedRows(
        "select p.id, am.role from rolegate_principal p"
            + " join rolegate_account_member am"
            + " on am.principal_id = p.id and am.account_id = p.account_id"
            + " where p.account_id = ? and p.kind = 'SERVICE_ACCOUNT'",
        row -> new ServiceAccount(row.getString(1), key, row.getString(2)),
        ServiceAccount::id,
        key);
  }

  /**
   * Reads the rows {@code sql} selects for the account {@code key}, mapped, sorted by {@code
   * sortKey} ({@link Rows#sorted}).
   */
  private <T> List<T> sortedRows(
      String sql, Sql.Row<T> mapper, Function<T, String> sortKey, String key) {
    return Sql.read(
        store.dataSource(),
        connection -> Rows.sorted(Sql.list(connection, sql, mapper, key), sortKey));
  }

  @Override
  public ServiceAccount createServiceAccount(String account, String name, String role) {
    String key = Rows.account(account);
    String id =
        StoredNames.serviceAccountId(key, StoredNames.requireId("a service account name", name));
    Role granted = accountRole(role);
    return Sql.change(
        store.dataSource(),
        connection -> {
          Role actor =
              actorRole(connection, key, PrefectCloudCapabilityTable.MANAGE_SERVICE_ACCOUNTS);
          requireCovers(
              actor, granted, key, "create a service account with account role " + granted.name());
          if (Rows.identity(connection, id) != null) {
            throw new MembershipException(
                Reason.DUPLICATE,
                "account "
                    + Names.quoted(key)
                    + " already has service account "
                    + Names.quoted(name)
                    + "; choose another name");
          }
          Sql.update(
              connection,
              "insert into rolegate_principal (id, kind, account_id)"
                  + " values (?, 'SERVICE_ACCOUNT', ?)",
              id,
              key);
          Sql.update(
              connection,
              "insert into rolegate_account_member (account_id, principal_id, role)"
                  + " values (?, ?, ?)",
              key,
              id,
              granted.name());
          return new ServiceAccount(id, key, granted.name());
        });
  }

  @Override
  public void deleteServiceAccount(String account, String name) {
    String key = Rows.account(account);
    String id =
        StoredNames.serviceAccountId(key, StoredNames.requireId("a service account name", name));
    Sql.change(
        store.dataSource(),
        connection -> {
          Role actor =
              actorRole(connection, key, PrefectCloudCapabilityTable.MANAGE_SERVICE_ACCOUNTS);
          String[] identity = Rows.identity(connection, id);
          if (identity == null
              || Rows.kind(identity[0]) != PrincipalKind.SERVICE_ACCOUNT
              || !key.equals(identity[1])) {
            throw new MembershipException(
                Reason.NOT_FOUND,
                "account " + Names.quoted(key) + " has no service account " + Names.quoted(name));
          }
          Role current = currentRole(connection, key, id);
          requireCovers(
              actor,
              current,
              key,
              "delete service account "
                  + Names.quoted(id)
                  + ", which holds "
                  + current.name()
                  + ",");
          requireAnotherOwner(connection, key, id, current);
          // Its membership and workspace roles go with it (the schema's cascading foreign keys).
          Sql.update(connection, "delete from rolegate_principal where id = ?", id);
          return null;
        });
  }

  @Override
  public List<Workspace> workspaces(String account) {
    String key = Rows.account(account);
    String actor = Authority.actor(source);
    return Sql.read(
        store.dataSource(),
        connection -> {
          String name = Rows.accountRole(connection, key, actor);
          Role role = name == null ? null : matrix.accountRole(name).orElse(null);
          if (role != null && role.everywhere() != null) {
            return Rows.sorted(
                Sql.list(
                    connection,
                    "select id, account_id, default_role from rolegate_workspace"
                        + " where account_id = ?",
                    Rows::workspace,
                    key),
                Workspace::id);
          }
          if (role == null) {
            return List.of();
          }
          return Rows.sorted(
              Sql.list(
                  connection,
                  "select w.id, w.account_id, w.default_role from rolegate_workspace w"
                      + " where w.account_id = ? and (w.default_role is not null or exists ("
                      + "select 1 from rolegate_workspace_member wm where wm.workspace_id = w.id"
                      + " and wm.principal_id = ?))",
                  Rows::workspace,
                  key,
                  actor),
              Workspace::id);
        });
  }

  @Override
  public Workspace createWorkspace(String account, String workspace) {
    String key = Rows.account(account);
    String id = StoredNames.canonical(StoredNames.requireId("a workspace id", workspace));
    return Sql.change(
        store.dataSource(),
        connection -> {
          actorRole(connection, key, PrefectCloudCapabilityTable.CREATE_WORKSPACES);
          if (Sql.exists(connection, "select 1 from rolegate_workspace where id = ?", id)) {
            throw new MembershipException(
                Reason.DUPLICATE, "workspace id " + Names.quoted(id) + " is taken; choose another");
          }
          Sql.update(
              connection,
              "insert into rolegate_workspace (id, account_id, default_role) values (?, ?, null)",
              id,
              key);
          return new Workspace(id, key, null);
        });
  }

  /**
   * Checks that {@code user} is a user id; a service account id ({@code <account>/<name>}) is
   * refused with {@code instead}, the way to do what was meant.
   */
  private static void requireUser(String user, String instead) {
    if (user != null && user.indexOf('/') >= 0) {
      StoredNames.requirePrincipalId(user);
      throw new MembershipException(
          Reason.SERVICE_ACCOUNT,
          Names.quoted(user)
              + " is a service account, which belongs to its own account only and"
              + " is a member there from its creation; "
              + instead);
    }
    StoredNames.requireId("a user id", user);
  }

  private Role accountRole(String role) {
    StoredNames.requireRole(role);
    return matrix
        .accountRole(role)
        .orElseThrow(
            () ->
                new MembershipException(
                    Reason.UNKNOWN_ROLE,
                    "account role "
                        + Names.quoted(role)
                        + " is not a role of matrix "
                        + matrix.name()
                        + " (names are case-sensitive); the account roles are "
                        + Rows.roleNames(matrix, Level.ACCOUNT)));
  }

  /**
   * Locks the account's row (every change to an account runs one at a time) and returns the acting
   * principal's account role there, which must hold {@code permission}.
   */
  private Role actorRole(Connection connection, String account, Permission permission)
      throws SQLException {
    Rows.lockAccount(connection, account);
    String actor = Authority.actor(source);
    String name = Rows.accountRole(connection, account, actor);
    Role role = name == null ? null : matrix.accountRole(name).orElse(null);
    if (role == null || !role.holds(permission)) {
      throw new MembershipException(
          Reason.NOT_PERMITTED,
          Names.quoted(actor)
              + " does not hold "
              + permission.name()
              + " in account "
              + Names.quoted(account)
              + " as the database stands"
              + (name == null ? " (no member)" : " (account role " + Names.quoted(name) + ")")
              + "; nothing was changed");
    }
    return role;
  }

  private Role currentRole(Connection connection, String account, String member)
      throws SQLException {
    String name = Rows.accountRole(connection, account, member);
    if (name == null) {
      throw new MembershipException(
          Reason.NOT_FOUND,
          Names.quoted(member) + " is no member of account " + Names.quoted(account));
    }
    return matrix
        .accountRole(name)
        .orElseThrow(
            () ->
                new MembershipException(
                    Reason.UNKNOWN_ROLE,
                    "the database gives "
                        + Names.quoted(member)
                        + " account role "
                        + Names.quoted(name)
                        + ", which matrix "
                        + matrix.name()
                        + " does not have; fix the row before changing it"));
  }

  private static void requireCovers(Role actor, Role role, String account, String what) {
    if (!Authority.covers(Authority.of(actor), role)) {
      throw new MembershipException(
          Reason.ESCALATION,
          "an account "
              + actor.name()
              + " may not "
              + what
              + " in account "
              + Names.quoted(account)
              + ": "
              + role.name()
              + " holds permissions "
              + actor.name()
              + " lacks; no one grants or changes a role stronger than their own");
    }
  }

  private static void requireAnotherOwner(
      Connection connection, String account, String member, Role current) throws SQLException {
    if (!current.name().equals(AccountRoles.OWNER)) {
      return;
    }
    String others =
        Sql.string(
            connection,
            "select count(*) from rolegate_account_member where account_id = ? and role = ?"
                + " and principal_id <> ?",
            account,
            AccountRoles.OWNER,
            member);
    if (Integer.parseInt(others) == 0) {
      throw new MembershipException(
          Reason.LAST_OWNER,
          Names.quoted(member)
              + " is the last OWNER of account "
              + Names.quoted(account)
              + "; make another member OWNER first");
    }
  }
}
