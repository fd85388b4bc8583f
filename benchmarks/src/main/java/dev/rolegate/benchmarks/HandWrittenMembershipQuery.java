package dev.rolegate.benchmarks;

import dev.rolegate.runtime.Matrix;
import dev.rolegate.runtime.Role;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The hand-written counterpart of {@code JdbcMembershipStore.principalIn}: one {@link
 * PreparedStatement} with the store's join (the workspace's account and default role, the caller's
 * account role in that account, its explicit role in the workspace, its kind), the role names
 * mapped to the matrix's {@link Role} objects. No rolegate store, no {@code Principal}.
 */
final class HandWrittenMembershipQuery {
  private static final String SQL =
      "select w.account_id, w.default_role, am.role, wm.role, p.kind, p.account_id"
          + " from rolegate_workspace w"
          + " left join rolegate_account_member am"
          + " on am.account_id = w.account_id and am.principal_id = ?"
          + " left join rolegate_workspace_member wm"
          + " on wm.workspace_id = w.id and wm.principal_id = ?"
          + " left join rolegate_principal p on p.id = ?"
          + " where w.id = ?";

  /**
   * What the caller holds in one workspace: the workspace's account (null for an unknown
   * workspace), the caller's account role there, its explicit role and the workspace's default
   * role, each null when absent; the roles only for a member of the account.
   */
  record Resolved(
      String principal,
      boolean serviceAccount,
      String account,
      Role accountRole,
      Role explicitRole,
      Role defaultRole) {
    /** The role held in the workspace: the explicit role, else the default. */
    Role workspaceRole() {
      return explicitRole != null ? explicitRole : defaultRole;
    }
  }

  private final DataSource dataSource;
  private final Matrix matrix;

  HandWrittenMembershipQuery(DataSource dataSource, Matrix matrix) {
    this.dataSource = dataSource;
    this.matrix = matrix;
  }

  /** Reads what {@code principal} holds in {@code workspace}. */
  Resolved resolve(String principal, String workspace) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(SQL)) {
      statement.setString(1, principal);
      statement.setString(2, principal);
      statement.setString(3, principal);
      statement.setString(4, workspace);
      try (ResultSet row = statement.executeQuery()) {
        if (!row.next()) {
          return new Resolved(principal, false, null, null, null, null);
        }
        String account = row.getString(1);
        String defaultRole = row.getString(2);
        String accountRole = row.getString(3);
        String explicitRole = row.getString(4);
        boolean serviceAccount = "SERVICE_ACCOUNT".equals(row.getString(5));
        if (accountRole == null) {
          return new Resolved(principal, serviceAccount, account, null, null, null);
        }
        return new Resolved(
            principal,
            serviceAccount,
            account,
            matrix.accountRole(accountRole).orElseThrow(() -> unknown(accountRole)),
            explicitRole == null
                ? null
                : matrix.workspaceRole(explicitRole).orElseThrow(() -> unknown(explicitRole)),
            defaultRole == null
                ? null
                : matrix.workspaceRole(defaultRole).orElseThrow(() -> unknown(defaultRole)));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("the membership query failed: " + e, e);
    }
  }

  private static IllegalStateException unknown(String role) {
    return new IllegalStateException("the database names role " + role + ", unknown");
  }
}
