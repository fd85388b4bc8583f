package dev.rolegate.spring.sample;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Rows that rolegate-jdbc's operations never write, written as another tool (a hand-run script, a
 * migration gone wrong) might: the store must refuse them when it reads them, never let them
 * through. Each insert is skipped when its row exists, so a shared database takes them twice.
 */
final class ForeignRows {
  private ForeignRows() {}

  /**
   * {@code typo}: a MEMBER of acct-acme holding workspace role {@code Developer} in ws-acme-prod, a
   * name the matrix lacks (names are case-sensitive).
   */
  static void typo(DataSource dataSource) {
    user(dataSource, "typo");
    accountMember(dataSource, Accounts.ACME, "typo", "MEMBER");
    workspaceMember(dataSource, "ws-acme-prod", Accounts.ACME, "typo", "Developer");
  }

  /**
   * {@code contractor}: a MEMBER of both accounts holding acme's custom role {@code acme-deployer}
   * in globex's workspace, where no such role exists.
   */
  static void contractor(DataSource dataSource) {
    user(dataSource, "contractor");
    accountMember(dataSource, Accounts.ACME, "contractor", "MEMBER");
    accountMember(dataSource, Accounts.GLOBEX, "contractor", "MEMBER");
    workspaceMember(dataSource, "ws-globex", Accounts.GLOBEX, "contractor", "acme-deployer");
  }

  /**
   * {@code ci-bot}: a service account of acme, made a member of globex too and DEVELOPER in its
   * workspace: a service account belongs to exactly its own account.
   */
  static void ciBot(DataSource dataSource) {
    insert(
        dataSource,
        "insert into rolegate_principal (id, kind, account_id)"
            + " select ?, 'SERVICE_ACCOUNT', ? from rolegate_account where id = ?"
            + " and not exists (select 1 from rolegate_principal where id = ?)",
        "acct-acme/ci-bot",
        Accounts.ACME,
        Accounts.ACME,
        "acct-acme/ci-bot");
    accountMember(dataSource, Accounts.ACME, "acct-acme/ci-bot", "MEMBER");
    accountMember(dataSource, Accounts.GLOBEX, "acct-acme/ci-bot", "MEMBER");
    workspaceMember(dataSource, "ws-globex", Accounts.GLOBEX, "acct-acme/ci-bot", "DEVELOPER");
  }

  private static void user(DataSource dataSource, String id) {
    insert(
        dataSource,
        "insert into rolegate_principal (id, kind) select ?, 'USER' from rolegate_account"
            + " where id = ? and not exists (select 1 from rolegate_principal where id = ?)",
        id,
        Accounts.ACME,
        id);
  }

  private static void accountMember(
      DataSource dataSource, String account, String principal, String role) {
    insert(
        dataSource,
        "insert into rolegate_account_member (account_id, principal_id, role)"
            + " select ?, ?, ? from rolegate_account where id = ? and not exists (select 1 from"
            + " rolegate_account_member where account_id = ? and principal_id = ?)",
        account,
        principal,
        role,
        account,
        account,
        principal);
  }

  private static void workspaceMember(
      DataSource dataSource, String workspace, String account, String principal, String role) {
    insert(
        dataSource,
        "insert into rolegate_workspace_member (workspace_id, account_id, principal_id, role)"
            + " select ?, ?, ?, ? from rolegate_workspace where id = ? and not exists (select 1"
            + " from rolegate_workspace_member where workspace_id = ? and principal_id = ?)",
        workspace,
        account,
        principal,
        role,
        workspace,
        workspace,
        principal);
  }

  private static void insert(DataSource dataSource, String sql, String... values) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        statement.setString(i + 1, values[i]);
      }
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
