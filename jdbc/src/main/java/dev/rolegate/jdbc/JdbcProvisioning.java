package dev.rolegate.jdbc;

import dev.rolegate.jdbc.MembershipException.Reason;
import dev.rolegate.runtime.CustomRoles;
import dev.rolegate.runtime.Matrix;
import dev.rolegate.runtime.Role;
import dev.rolegate.runtime.internal.Names;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * What no account's own roles can authorize, because it makes the account or its role catalogue:
 * creating an account with its first OWNER (a sign-up, an operator, a seed migration), and defining
 * the account's custom workspace roles. Not guarded: hand it only to code that runs as the
 * operator, never to a request path. Same rules for names and roles as the guarded services; each
 * call is one transaction.
 */
public final class JdbcProvisioning {
  private final JdbcMembershipStore store;

  /** Creates the provisioning operations on {@code store}'s database. */
  public JdbcProvisioning(JdbcMembershipStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /**
   * Creates account {@code account} with user {@code owner} as its first OWNER (an account never
   * has none). The user may already be a member of other accounts.
   *
   * @throws MembershipException an account id already taken ({@code DUPLICATE}), a service account
   *     as owner ({@code SERVICE_ACCOUNT}), a name breaking the stored-name rule
   */
  public void createAccount(String account, String owner) {
    String key = Rows.account(account);
    StoredNames.requireId("a user id", owner);
    Sql.change(
        store.dataSource(),
        connection -> {
          if (Sql.exists(connection, "select 1 from rolegate_account where id = ?", key)) {
            throw new MembershipException(
                Reason.DUPLICATE, "account id " + Names.quoted(key) + " is taken");
          }
          String[] identity = Rows.identity(connection, owner);
          if (identity != null && !"USER".equals(identity[0])) {
            throw new MembershipException(
                Reason.SERVICE_ACCOUNT,
                Names.quoted(owner)
                    + " is a service account of another account; an account's"
                    + " first OWNER is a user");
          }
          Sql.update(connection, "insert into rolegate_account (id) values (?)", key);
          if (identity == null) {
            Sql.update(
                connection,
                "insert into rolegate_principal (id, kind, account_id) values (?, 'USER', null)",
                owner);
          }
          Sql.update(
              connection,
              "insert into rolegate_account_member (account_id, principal_id, role)"
                  + " values (?, ?, ?)",
              key,
              owner,
              ownerRole());
          return null;
        });
  }

  /**
   * Defines custom workspace role {@code name} of {@code account}: built-in workspace role {@code
   * baseRole} plus {@code extras} (permission names or Prefect scope strings), validated against
   * the store's matrix as {@link CustomRoles#define} does.
   *
   * @throws MembershipException an unknown account ({@code NOT_FOUND}), a name taken ({@code
   *     DUPLICATE}), an unknown base role or permission ({@code UNKNOWN_ROLE})
   */
  public Role defineCustomRole(
      String account, String name, String baseRole, Collection<String> extras) {
    Objects.requireNonNull(baseRole, "base role");
    return define(account, name, baseRole, List.copyOf(extras));
  }

  /**
   * Defines custom workspace role {@code name} of {@code account} as exactly {@code permissions}
   * (and what they include).
   *
   * @throws MembershipException as {@link #defineCustomRole}, or for an empty list
   */
  public Role defineStandaloneRole(String account, String name, Collection<String> permissions) {
    return define(account, name, null, List.copyOf(permissions));
  }

  private Role define(String account, String name, String baseRole, List<String> permissions) {
    String key = Rows.account(account);
    StoredNames.requireRole(name);
    Matrix matrix = store.matrix();
    Role role;
    try {
      CustomRoles check = new CustomRoles(matrix, key);
      role =
          baseRole == null
              ? check.defineStandalone(name, permissions)
              : check.define(name, baseRole, permissions);
    } catch (IllegalArgumentException e) {
      throw new MembershipException(Reason.UNKNOWN_ROLE, e.getMessage(), e);
    }
    return Sql.change(
        store.dataSource(),
        connection -> {
          Rows.lockAccount(connection, key);
          for (String taken :
              Sql.list(
                  connection,
                  "select name from rolegate_custom_role where account_id = ?",
                  row -> row.getString(1),
                  key)) {
            // Names that differ only in letter case are one name (the runtime's rule for roles).
            if (taken.equalsIgnoreCase(name)) {
              throw new MembershipException(
                  Reason.DUPLICATE,
                  "account "
                      + Names.quoted(key)
                      + " already has custom role "
                      + Names.quoted(taken)
                      + (taken.equals(name)
                          ? ""
                          : ", which differs from " + Names.quoted(name) + " only in letter case"));
            }
          }
          Sql.update(
              connection,
              "insert into rolegate_custom_role (account_id, name, base_role) values (?, ?, ?)",
              key,
              name,
              role.base() == null ? null : role.base().name());
          for (String permission : role.extras().stream().map(p -> p.name()).distinct().toList()) {
            Sql.update(
                connection,
                "insert into rolegate_custom_role_permission (account_id, role_name, permission)"
                    + " values (?, ?, ?)",
                key,
                name,
                permission);
          }
          return role;
        });
  }

  private String ownerRole() {
    return store
        .matrix()
        .accountRole("OWNER")
        .map(Role::name)
        .orElseThrow(
            () ->
                new MembershipException(
                    Reason.UNKNOWN_ROLE,
                    "matrix " + store.matrix().name() + " has no account role OWNER"));
  }
}
