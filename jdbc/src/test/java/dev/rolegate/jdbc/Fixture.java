package dev.rolegate.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rolegate.jdbc.testing.TestDatabase;
import dev.rolegate.prefect.PrefectCloudCapabilityTable;
import dev.rolegate.runtime.Principal;
import dev.rolegate.runtime.PrincipalSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.function.Executable;

/**
 * A migrated database with two accounts: {@code acct-acme} (OWNER olivia, ADMIN adam, MEMBER mia;
 * workspaces ws-prod and ws-staging; service account acme-bot) and {@code acct-globex} (OWNER gary;
 * workspace ws-globex). Actors are resolved from the database at each call, as a request resolves
 * them.
 */
final class Fixture {
  final DataSource dataSource;
  final JdbcMembershipStore store;
  final JdbcProvisioning provisioning;

  Fixture(TestDatabase database, String name) {
    this.dataSource = database.fresh(name);
    RolegateSchema.migrate(dataSource);
    this.store = new JdbcMembershipStore(dataSource, PrefectCloudCapabilityTable.matrix());
    this.provisioning = new JdbcProvisioning(store);
  }

  /** Seeds the two accounts. */
  Fixture seeded() {
    provisioning.createAccount("acct-acme", "olivia");
    provisioning.createAccount("acct-globex", "gary");
    AccountAdministration acme = accounts("olivia");
    acme.addMember("acct-acme", "adam", "ADMIN");
    acme.addMember("acct-acme", "mia", "MEMBER");
    acme.createWorkspace("acct-acme", "ws-prod");
    acme.createWorkspace("acct-acme", "ws-staging");
    acme.createServiceAccount("acct-acme", "acme-bot", "MEMBER");
    accounts("gary").createWorkspace("acct-globex", "ws-globex");
    return this;
  }

  /** Returns a source that resolves {@code actor} from the database, everything it holds. */
  PrincipalSource as(String actor) {
    return () -> store.principal(actor);
  }

  AccountAdministration accounts(String actor) {
    return JdbcAdministration.accounts(store, as(actor));
  }

  WorkspaceAdministration workspaces(String actor) {
    return JdbcAdministration.workspaces(store, as(actor));
  }

  /** Returns a source that always answers with this snapshot (a request's principal). */
  static PrincipalSource snapshot(Principal principal) {
    return () -> principal;
  }

  /** Returns every row of the membership tables, in a stable order: the database's state. */
  List<String> rows() {
    List<String> out = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      for (String table :
          List.of(
              "rolegate_account order by id",
              "rolegate_principal order by id",
              "rolegate_account_member order by account_id, principal_id",
              "rolegate_workspace order by id",
              "rolegate_workspace_member order by workspace_id, principal_id",
              "rolegate_custom_role order by account_id, name",
              "rolegate_custom_role_permission order by account_id, role_name, permission")) {
        try (ResultSet rows = statement.executeQuery("select * from " + table)) {
          int columns = rows.getMetaData().getColumnCount();
          while (rows.next()) {
            StringBuilder row = new StringBuilder(table.substring(0, table.indexOf(' ')));
            for (int i = 1; i <= columns; i++) {
              row.append('|').append(rows.getString(i));
            }
            out.add(row.toString());
          }
        }
      }
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
    return out;
  }

  /**
   * Asserts that {@code change} is refused with {@code reason}, its message containing {@code
   * fragment}, and that the database is exactly as it was.
   */
  MembershipException refused(
      MembershipException.Reason reason, String fragment, Executable change) {
    List<String> before = rows();
    MembershipException e = assertThrows(MembershipException.class, change);
    assertEquals(reason, e.reason(), e.getMessage());
    if (!e.getMessage().contains(fragment)) {
      throw new AssertionError("message lacks \"" + fragment + "\": " + e.getMessage());
    }
    assertEquals(before, rows(), "a refused change wrote nothing");
    return e;
  }
}
