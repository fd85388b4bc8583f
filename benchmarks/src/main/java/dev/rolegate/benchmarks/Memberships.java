package dev.rolegate.benchmarks;

import dev.rolegate.prefect.AccountRoles;
import dev.rolegate.prefect.WorkspaceRoles;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The memberships the principal-resolving benchmarks read, written with batched plain-JDBC inserts
 * into rolegate-jdbc's schema: account {@value #ACCOUNT} with {@link Scale#members()} members and
 * {@link Scale#workspaces()} workspaces, every fifth with default role VIEWER; user {@value #WIDE},
 * a MEMBER of the account, holds an explicit role in every one of its workspaces (VIEWER, RUNNER,
 * DEVELOPER in turn); every other member holds {@link Scale#rolesPerMember()} explicit roles. A
 * second account, {@value #OTHER_ACCOUNT}, has workspaces and no members.
 */
final class Memberships {
  /** The account every benchmarked workspace belongs to. */
  static final String ACCOUNT = "acct-bench";

  /** The account with workspaces and no members. */
  static final String OTHER_ACCOUNT = "acct-other";

  /** The user with an explicit role in every workspace of {@link #ACCOUNT}. */
  static final String WIDE = "wide";

  /** The account's OWNER (the first of the other members). */
  static final String OWNER = member(1);

  private static final int OTHER_WORKSPACES = 100;
  private static final int BATCH = 1_000;
  private static final String[] WIDE_ROLES = {
    WorkspaceRoles.VIEWER, WorkspaceRoles.RUNNER, WorkspaceRoles.DEVELOPER
  };
  private static final String[] MEMBER_ROLES = {
    WorkspaceRoles.VIEWER, WorkspaceRoles.RUNNER, WorkspaceRoles.DEVELOPER, WorkspaceRoles.OWNER
  };

  /** How much to write: members of the account (with {@link #WIDE}), workspaces, roles each. */
  record Scale(int members, int workspaces, int rolesPerMember) {
    /** The scale of the requirement: 100,000 members, 10,000 workspaces. */
    static final Scale FULL = new Scale(100_000, 10_000, 3);

    Scale {
      if (members < 2 || workspaces < 3 || rolesPerMember < 1 || rolesPerMember > workspaces) {
        throw new IllegalArgumentException(
            "too small: "
                + members
                + " members, "
                + workspaces
                + " workspaces, "
                + rolesPerMember
                + " roles each");
      }
    }

    /** Workspace rows of both accounts. */
    int allWorkspaces() {
      return workspaces + OTHER_WORKSPACES;
    }

    /** Explicit workspace roles of every member together. */
    int workspaceRoles() {
      return workspaces + (members - 1) * rolesPerMember;
    }

    /** Workspaces of {@link #ACCOUNT} with a default role. */
    int defaults() {
      return (workspaces + 4) / 5;
    }
  }

  private Memberships() {}

  /** Returns the id of workspace {@code index} of {@link #ACCOUNT}. */
  static String workspace(int index) {
    return String.format(Locale.ROOT, "ws-%05d", index);
  }

  /** Returns the id of the {@code index}-th member other than {@link #WIDE} (from 1). */
  static String member(int index) {
    return String.format(Locale.ROOT, "user-%06d", index);
  }

  /** Returns {@link #WIDE}'s explicit role in workspace {@code index}. */
  static String wideRole(int index) {
    return WIDE_ROLES[index % WIDE_ROLES.length];
  }

  /** Returns the default role of workspace {@code index}, or null (no access) for most. */
  static String defaultRole(int index) {
    return index % 5 == 0 ? WorkspaceRoles.VIEWER : null;
  }

  /** Returns the {@code n}-th workspace (from 0) member {@code index} holds a role in. */
  static int memberWorkspace(Scale scale, int index, int n) {
    return (int)
        (((long) index * 7 + (long) n * (scale.workspaces() / scale.rolesPerMember()))
            % scale.workspaces());
  }

  /** Returns the role member {@code index} holds in its {@code n}-th workspace. */
  static String memberRole(int index, int n) {
    return MEMBER_ROLES[(index + n) % MEMBER_ROLES.length];
  }

  /** Returns the account role of member {@code index}: one OWNER, an ADMIN in a thousand. */
  static String accountRole(int index) {
    return index == 1
        ? AccountRoles.OWNER
        : index % 1_000 == 0 ? AccountRoles.ADMIN : AccountRoles.MEMBER;
  }

  /** Writes the memberships of {@code scale} into an empty, migrated database, then analyzes it. */
  static void seed(DataSource dataSource, Scale scale) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement account =
          connection.prepareStatement("insert into rolegate_account (id) values (?)")) {
        account.setString(1, ACCOUNT);
        account.addBatch();
        account.setString(1, OTHER_ACCOUNT);
        account.addBatch();
        account.executeBatch();
      }
      try (PreparedStatement principal =
              connection.prepareStatement(
                  "insert into rolegate_principal (id, kind, account_id) values (?, 'USER', null)");
          PreparedStatement member =
              connection.prepareStatement(
                  "insert into rolegate_account_member (account_id, principal_id, role)"
                      + " values (?, ?, ?)")) {
        Batch principals = new Batch(principal);
        Batch members = new Batch(member);
        principals.add(WIDE);
        members.add(ACCOUNT, WIDE, AccountRoles.MEMBER);
        for (int i = 1; i < scale.members(); i++) {
          principals.add(member(i));
          members.add(ACCOUNT, member(i), accountRole(i));
        }
        principals.flush();
        members.flush();
      }
      try (PreparedStatement workspace =
          connection.prepareStatement(
              "insert into rolegate_workspace (id, account_id, default_role) values (?, ?, ?)")) {
        Batch workspaces = new Batch(workspace);
        for (int i = 0; i < scale.workspaces(); i++) {
          workspaces.add(workspace(i), ACCOUNT, defaultRole(i));
        }
        for (int i = 0; i < OTHER_WORKSPACES; i++) {
          workspaces.add(
              String.format(Locale.ROOT, "other-ws-%03d", i), OTHER_ACCOUNT, WorkspaceRoles.VIEWER);
        }
        workspaces.flush();
      }
      try (PreparedStatement role =
          connection.prepareStatement(
              "insert into rolegate_workspace_member (workspace_id, account_id, principal_id, role)"
                  + " values (?, ?, ?, ?)")) {
        Batch roles = new Batch(role);
        for (int i = 0; i < scale.workspaces(); i++) {
          roles.add(workspace(i), ACCOUNT, WIDE, wideRole(i));
        }
        for (int i = 1; i < scale.members(); i++) {
          for (int n = 0; n < scale.rolesPerMember(); n++) {
            roles.add(
                workspace(memberWorkspace(scale, i, n)), ACCOUNT, member(i), memberRole(i, n));
          }
        }
        roles.flush();
      }
      connection.commit();
      connection.setAutoCommit(true);
      try (Statement statement = connection.createStatement()) {
        statement.execute("analyze");
      }
    }
  }

  /**
   * Fails unless the database holds what {@code scale} claims: the account's members and
   * workspaces, {@link #WIDE}'s explicit roles, the defaults, all explicit roles.
   */
  static void verifyCounts(DataSource dataSource, Scale scale) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      expectCount(
          connection,
          "members of " + ACCOUNT,
          scale.members(),
          "select count(*) from rolegate_account_member where account_id = '" + ACCOUNT + "'");
      expectCount(
          connection,
          "workspaces of " + ACCOUNT,
          scale.workspaces(),
          "select count(*) from rolegate_workspace where account_id = '" + ACCOUNT + "'");
      expectCount(
          connection,
          "workspaces",
          scale.allWorkspaces(),
          "select count(*) from rolegate_workspace");
      expectCount(
          connection,
          "explicit workspace roles of " + WIDE,
          scale.workspaces(),
          "select count(*) from rolegate_workspace_member where principal_id = '" + WIDE + "'");
      expectCount(
          connection,
          "workspaces of " + ACCOUNT + " with a default role",
          scale.defaults(),
          "select count(*) from rolegate_workspace where account_id = '"
              + ACCOUNT
              + "'"
              + " and default_role is not null");
      expectCount(
          connection,
          "explicit workspace roles",
          scale.workspaceRoles(),
          "select count(*) from rolegate_workspace_member");
    }
  }

  private static void expectCount(Connection connection, String what, long expected, String sql)
      throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      long actual = rows.getLong(1);
      if (actual != expected) {
        throw new IllegalStateException("seeded " + actual + " " + what + ", expected " + expected);
      }
    }
  }

  /** An insert run in batches of {@value #BATCH} rows. */
  private static final class Batch {
    private final PreparedStatement statement;
    private int pending;

    Batch(PreparedStatement statement) {
      this.statement = statement;
    }

    void add(String... values) throws SQLException {
      for (int i = 0; i < values.length; i++) {
        statement.setString(i + 1, values[i]);
      }
      statement.addBatch();
      if (++pending == BATCH) {
        flush();
      }
    }

    void flush() throws SQLException {
      if (pending > 0) {
        statement.executeBatch();
        pending = 0;
      }
    }
  }
}
