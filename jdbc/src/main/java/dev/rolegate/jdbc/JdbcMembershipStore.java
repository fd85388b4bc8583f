package dev.rolegate.jdbc;

import dev.rolegate.jdbc.MembershipException.Reason;
import dev.rolegate.runtime.AccountDirectory;
import dev.rolegate.runtime.CustomRoles;
import dev.rolegate.runtime.Level;
import dev.rolegate.runtime.Matrix;
import dev.rolegate.runtime.Principal;
import dev.rolegate.runtime.PrincipalKind;
import dev.rolegate.runtime.Role;
import dev.rolegate.runtime.WorkspaceDefaults;
import dev.rolegate.runtime.internal.Names;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Resolves principals from the memberships in a database with {@link RolegateSchema}'s tables. A
 * request resolves what it acts on and nothing more: {@link #principalIn} reads the caller's
 * account role and workspace role in one workspace (one query, whatever else the caller holds),
 * {@link #principalInAccount} its role in one account. {@link #principal} reads everything the
 * caller holds, for tools and tests.
 *
 * <p>Nothing is cached: every call reads the committed rows, so a role revoked in the database is
 * gone from the next principal resolved, on every node sharing the database. A resolved principal
 * is an immutable snapshot: a request keeps the principal it started with.
 *
 * <p>Rows are checked against the matrix as they are read: a role name the matrix (or the account's
 * custom roles) does not have fails with {@link MembershipException} ({@link Reason#UNKNOWN_ROLE}),
 * never a weaker or stronger principal.
 */
public final class JdbcMembershipStore {
  private static final String IN_WORKSPACE =
      "select w.account_id, w.default_role, am.role, wm.role, p.kind, p.account_id"
          + " from rolegate_workspace w"
          + " left join rolegate_account_member am"
          + " on am.account_id = w.account_id and am.principal_id = ?"
          + " left join rolegate_workspace_member wm"
          + " on wm.workspace_id = w.id and wm.principal_id = ?"
          + " left join rolegate_principal p on p.id = ?"
          + " where w.id = ?";
  private static final String IN_ACCOUNT =
      "select am.role, p.kind, p.account_id"
          + " from rolegate_account a"
          + " left join rolegate_account_member am"
          + " on am.account_id = a.id and am.principal_id = ?"
          + " left join rolegate_principal p on p.id = ?"
          + " where a.id = ?";
  private static final String ACCOUNT_ROLE =
      "select role from rolegate_account_member where account_id = ? and principal_id = ?";

  private final DataSource dataSource;
  private final Matrix matrix;
  private final JdbcAccountDirectory directory;

  /** Creates a store over {@code dataSource}, reading role names against {@code matrix}. */
  public JdbcMembershipStore(DataSource dataSource, Matrix matrix) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.matrix = Objects.requireNonNull(matrix, "matrix");
    this.directory = new JdbcAccountDirectory(dataSource);
  }

  /** Returns the database. */
  public DataSource dataSource() {
    return dataSource;
  }

  /** Returns the matrix role names are read against. */
  public Matrix matrix() {
    return matrix;
  }

  /** Returns the account of each workspace, read from the database at each question. */
  public AccountDirectory directory() {
    return directory;
  }

  /**
   * Returns {@code principalId} as it stands in {@code workspace}: its account role in the
   * workspace's account, its explicit role there, and the workspace's default role (a service
   * account also keeps its membership of its own account). One query, plus one per custom role
   * named. A workspace that does not exist (or an id that could never be stored) gives a principal
   * that holds nothing there. A principal the database does not know is a user who holds nothing.
   *
   * @throws MembershipException {@link Reason#INVALID_NAME} for a principal id that could never be
   *     stored; {@link Reason#UNKNOWN_ROLE} for a stored role the matrix does not have
   */
  public Principal principalIn(String principalId, String workspace) {
    return scoped(
        principalId,
        workspace,
        IN_WORKSPACE,
        6,
        key -> new Object[] {principalId, principalId, principalId, key},
        (connection, key, row) -> {
          Assembly assembly = new Assembly(principalId, row[4], row[5]);
          String account = row[0];
          assembly.known.put(key, account);
          if (row[2] != null) {
            assembly.accountRoles.put(account, row[2]);
            if (row[3] != null) {
              assembly.workspaceRoles.put(key, row[3]);
            }
            if (row[1] != null) {
              assembly.defaults.put(key, row[1]);
            }
          }
          return assembly.build(connection);
        });
  }

  /**
   * Returns {@code principalId} as it stands in {@code account}: its account role there (none when
   * not a member, or the account does not exist), no workspace role.
   *
   * @throws MembershipException as {@link #principalIn}
   */
  public Principal principalInAccount(String principalId, String account) {
    return scoped(
        principalId,
        account,
        IN_ACCOUNT,
        3,
        key -> new Object[] {principalId, principalId, key},
        (connection, key, row) -> {
          Assembly assembly = new Assembly(principalId, row[1], row[2]);
          if (row[0] != null) {
            assembly.accountRoles.put(key, row[0]);
          }
          return assembly.build(connection);
        });
  }

  /**
   * Returns everything {@code principalId} holds: every account membership, every explicit
   * workspace role and the default role of every workspace of its accounts. Reads as many rows as
   * the principal has: for administration tools and tests, not for a request (use {@link
   * #principalIn}).
   *
   * @throws MembershipException as {@link #principalIn}
   */
  public Principal principal(String principalId) {
    StoredNames.requirePrincipalId(principalId);
    return Sql.read(
        dataSource,
        connection -> {
          Assembly assembly = identified(connection, principalId);
          for (String[] row :
              Sql.list(
                  connection,
                  "select account_id, role from rolegate_account_member where principal_id = ?"
                      + " order by account_id",
                  row -> new String[] {row.getString(1), row.getString(2)},
                  principalId)) {
            assembly.accountRoles.put(row[0], row[1]);
          }
          for (String[] row :
              Sql.list(
                  connection,
                  "select workspace_id, account_id, role from rolegate_workspace_member"
                      + " where principal_id = ? order by workspace_id",
                  row -> new String[] {row.getString(1), row.getString(2), row.getString(3)},
                  principalId)) {
            assembly.known.put(row[0], row[1]);
            assembly.workspaceRoles.put(row[0], row[2]);
          }
          for (String[] row :
              Sql.list(
                  connection,
                  "select w.id, w.account_id, w.default_role from rolegate_workspace w"
                      + " join rolegate_account_member am on am.account_id = w.account_id"
                      + " where am.principal_id = ? and w.default_role is not null"
                      + " order by w.id",
                  row -> new String[] {row.getString(1), row.getString(2), row.getString(3)},
                  principalId)) {
            assembly.known.put(row[0], row[1]);
            assembly.defaults.put(row[0], row[2]);
          }
          return assembly.build(connection);
        });
  }

  /**
   * Reads {@code principalId} in the workspace or account {@code id}: runs {@code query} with the
   * arguments {@code args} gives for {@code id}'s stored form, and has {@code assemble} make the
   * principal of its first row, read as {@code columns} strings. An id that could never be stored,
   * or a query without rows, gives the principal with its identity alone.
   */
  private Principal scoped(
      String principalId,
      String id,
      String query,
      int columns,
      Function<String, Object[]> args,
      FirstRow assemble) {
    StoredNames.requirePrincipalId(principalId);
    if (!StoredNames.isId(id)) {
      return Sql.read(dataSource, connection -> identityOnly(connection, principalId));
    }
    String key = StoredNames.canonical(id);
    return Sql.read(
        dataSource,
        connection -> {
          List<String[]> rows =
              Sql.list(connection, query, row -> strings(row, columns), args.apply(key));
          if (rows.isEmpty()) {
            return identityOnly(connection, principalId);
          }
          return assemble.principal(connection, key, rows.get(0));
        });
  }

  /** Makes a principal of the first row of a query in one workspace or account. */
  @FunctionalInterface
  private interface FirstRow {
    Principal principal(Connection connection, String key, String[] row) throws SQLException;
  }

  /** Returns the first {@code columns} columns of {@code row} as strings. */
  private static String[] strings(ResultSet row, int columns) throws SQLException {
    String[] values = new String[columns];
    for (int i = 0; i < columns; i++) {
      values[i] = row.getString(i + 1);
    }
    return values;
  }

  private Principal identityOnly(Connection connection, String principalId) throws SQLException {
    return identified(connection, principalId).build(connection);
  }

  /** Starts the assembly of {@code principalId} with its kind, as the database has it. */
  private Assembly identified(Connection connection, String principalId) throws SQLException {
    String[] identity = Rows.identity(connection, principalId);
    return identity == null
        ? new Assembly(principalId, null, null)
        : new Assembly(principalId, identity[0], identity[1]);
  }

  /**
   * Resolves {@code role}, read from a row of {@code account}, as a workspace role: a built-in role
   * of the matrix or a custom role of that account.
   */
  Role workspaceRole(Connection connection, String account, String role, CustomRolesCache cache)
      throws SQLException {
    Role builtIn = matrix.workspaceRole(role).orElse(null);
    if (builtIn != null) {
      return builtIn;
    }
    Role custom = cache.find(connection, account, role);
    if (custom == null) {
      throw new MembershipException(
          Reason.UNKNOWN_ROLE,
          "workspace role "
              + Names.quoted(role)
              + " is neither a role of matrix "
              + matrix.name()
              + " nor a custom role of account "
              + Names.quoted(account)
              + " (names are"
              + " case-sensitive); the known workspace roles are "
              + Rows.roleNames(matrix, Level.WORKSPACE));
    }
    return custom;
  }

  /** Returns a fresh cache of custom roles, loaded per account as names are asked for. */
  CustomRolesCache customRoles() {
    return new CustomRolesCache(matrix);
  }

  /** The rows read for one principal, turned into a {@link Principal}. */
  private final class Assembly {
    final String id;
    final PrincipalKind kind;
    final String serviceAccountOf;
    final Map<String, String> accountRoles = new LinkedHashMap<>();
    final Map<String, String> workspaceRoles = new LinkedHashMap<>();
    final Map<String, String> defaults = new LinkedHashMap<>();
    final Map<String, String> known = new HashMap<>();

    Assembly(String id, String kind, String serviceAccountOf) {
      this.id = id;
      this.kind =
          "SERVICE_ACCOUNT".equals(kind) ? PrincipalKind.SERVICE_ACCOUNT : PrincipalKind.USER;
      this.serviceAccountOf = serviceAccountOf;
    }

    Principal build(Connection connection) throws SQLException {
      if (kind == PrincipalKind.SERVICE_ACCOUNT && !accountRoles.containsKey(serviceAccountOf)) {
        String role = Sql.string(connection, ACCOUNT_ROLE, serviceAccountOf, id);
        if (role == null) {
          throw new MembershipException(
              Reason.NOT_FOUND,
              "service account "
                  + Names.quoted(id)
                  + " has no membership of its account "
                  + Names.quoted(serviceAccountOf)
                  + " in the database; every service account"
                  + " is a member of exactly its own account");
        }
        accountRoles.put(serviceAccountOf, role);
      }
      Principal.Builder builder =
          kind == PrincipalKind.SERVICE_ACCOUNT ? Principal.serviceAccount(id) : Principal.user(id);
      builder.matrix(matrix).directory(new KnownDirectory(known, directory));
      for (Map.Entry<String, String> entry : accountRoles.entrySet()) {
        if (matrix.accountRole(entry.getValue()).isEmpty()) {
          throw new MembershipException(
              Reason.UNKNOWN_ROLE,
              "the database gives "
                  + Names.quoted(id)
                  + " account role "
                  + Names.quoted(entry.getValue())
                  + " in account "
                  + Names.quoted(entry.getKey())
                  + ", which matrix "
                  + matrix.name()
                  + " does not have (names are"
                  + " case-sensitive); the account roles are "
                  + Rows.roleNames(matrix, Level.ACCOUNT));
        }
        builder.member(entry.getKey(), entry.getValue());
      }
      CustomRolesCache cache = customRoles();
      for (Map.Entry<String, String> entry : workspaceRoles.entrySet()) {
        String account = known.get(entry.getKey());
        builder.workspaceRole(
            entry.getKey(), workspaceRole(connection, account, entry.getValue(), cache));
      }
      if (!defaults.isEmpty()) {
        WorkspaceDefaults workspaceDefaults = new WorkspaceDefaults(matrix);
        for (Map.Entry<String, String> entry : defaults.entrySet()) {
          String account = known.get(entry.getKey());
          workspaceDefaults.setDefaultRole(
              entry.getKey(), workspaceRole(connection, account, entry.getValue(), cache));
        }
        builder.workspaceDefaults(workspaceDefaults);
      }
      try {
        return builder.build();
      } catch (IllegalArgumentException e) {
        throw new MembershipException(
            Reason.INVALID_ROWS,
            "the database's memberships of "
                + Names.quoted(id)
                + " do not form a valid"
                + " principal: "
                + e.getMessage(),
            e);
      }
    }
  }

  /** Custom roles read from the database, one query per role name asked for. */
  static final class CustomRolesCache {
    private final Matrix matrix;
    private final Map<String, CustomRoles> byAccount = new HashMap<>();

    CustomRolesCache(Matrix matrix) {
      this.matrix = matrix;
    }

    Role find(Connection connection, String account, String name) throws SQLException {
      CustomRoles roles = byAccount.computeIfAbsent(account, a -> new CustomRoles(matrix, a));
      Role found = roles.find(name).orElse(null);
      if (found != null) {
        return found;
      }
      List<String[]> rows =
          Sql.list(
              connection,
              "select r.base_role, p.permission from rolegate_custom_role r"
                  + " left join rolegate_custom_role_permission p"
                  + " on p.account_id = r.account_id and p.role_name = r.name"
                  + " where r.account_id = ? and r.name = ? order by p.permission",
              row -> new String[] {row.getString(1), row.getString(2)},
              account,
              name);
      if (rows.isEmpty()) {
        return null;
      }
      String base = rows.get(0)[0];
      List<String> permissions = new ArrayList<>();
      for (String[] row : rows) {
        if (row[1] != null) {
          permissions.add(row[1]);
        }
      }
      try {
        return base == null
            ? roles.defineStandalone(name, permissions)
            : roles.define(name, base, permissions);
      } catch (IllegalArgumentException e) {
        throw new MembershipException(
            Reason.UNKNOWN_ROLE,
            "custom role "
                + Names.quoted(name)
                + " of account "
                + Names.quoted(account)
                + " does not fit matrix "
                + matrix.name()
                + ": "
                + e.getMessage(),
            e);
      }
    }
  }
}
