package dev.rolegate.jdbc;

import dev.rolegate.jdbc.MembershipException.Reason;
import dev.rolegate.runtime.Level;
import dev.rolegate.runtime.Matrix;
import dev.rolegate.runtime.PrincipalKind;
import dev.rolegate.runtime.Role;
import dev.rolegate.runtime.internal.Names;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Reads the administration services share. */
final class Rows {
  private Rows() {}

  /** Returns the stored spelling of account id {@code account}, after the stored-name rule. */
  static String account(String account) {
    return StoredNames.canonical(StoredNames.requireId("an account id", account));
  }

  /** Returns the stored spelling of workspace id {@code workspace}, after the stored-name rule. */
  static String workspace(String workspace) {
    return StoredNames.canonical(StoredNames.requireId("a workspace id", workspace));
  }

  /**
   * Returns {@code rows} sorted by {@code key} in {@link String} order: the same on every database
   * (ids are ASCII, so this is byte order), whatever the database's collation.
   */
  static <T> List<T> sorted(List<T> rows, java.util.function.Function<T, String> key) {
    return rows.stream().sorted(java.util.Comparator.comparing(key)).toList();
  }

  /** Returns the names of {@code matrix}'s roles at {@code level}, for a message. */
  static String roleNames(Matrix matrix, Level level) {
    return String.join(", ", matrix.roles(level).stream().map(Role::name).toList());
  }

  static PrincipalKind kind(String kind) {
    return "SERVICE_ACCOUNT".equals(kind) ? PrincipalKind.SERVICE_ACCOUNT : PrincipalKind.USER;
  }

  static Workspace workspace(ResultSet row) throws SQLException {
    return new Workspace(row.getString(1), row.getString(2), row.getString(3));
  }

  /** Returns {kind, account} of principal {@code id}, or null when the database has none. */
  static String[] identity(Connection connection, String id) throws SQLException {
    List<String[]> rows =
        Sql.list(
            connection,
            "select kind, account_id from rolegate_principal where id = ?",
            row -> new String[] {row.getString(1), row.getString(2)},
            id);
    return rows.isEmpty() ? null : rows.get(0);
  }

  /** Returns {@code principal}'s account role name in {@code account}, or null. */
  static String accountRole(Connection connection, String account, String principal)
      throws SQLException {
    return Sql.string(
        connection,
        "select role from rolegate_account_member where account_id = ? and principal_id = ?",
        account,
        principal);
  }

  /**
   * Locks the account's row until the transaction ends, so that changes to one account run one at a
   * time (the last-OWNER count stays true).
   */
  static void lockAccount(Connection connection, String account) throws SQLException {
    if (!Sql.exists(
        connection, "select id from rolegate_account where id = ? for update", account)) {
      throw new MembershipException(
          Reason.NOT_FOUND, "account " + Names.quoted(account) + " does not exist");
    }
  }
}
