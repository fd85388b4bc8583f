package dev.rolegate.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolegate.jdbc.testing.TestDatabase;
import dev.rolegate.prefect.PrefectCloudCapabilityTable;
import dev.rolegate.runtime.AccessDeniedException;
import dev.rolegate.runtime.CurrentPrincipal;
import dev.rolegate.runtime.Principal;
import dev.rolegate.runtime.PrincipalKind;
import dev.rolegate.runtime.PrincipalScope;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * What a request's principal is, read from the database (H2 and a real PostgreSQL server): one
 * workspace's rows in one query, whatever else the caller holds; a revoked role gone from the next
 * principal, through another connection pool as well; stored rows the matrix does not know fail,
 * never resolve to something else.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class StoreResolutionTest {
  @Parameter TestDatabase database;

  private Fixture db;

  @BeforeEach
  void seed() {
    db = new Fixture(database, "resolve").seeded();
  }

  @Test
  void aRequestResolvesTheAccountRoleTheExplicitRoleAndTheDefault() {
    db.workspaces("olivia").setRole("ws-prod", "mia", "RUNNER");
    db.workspaces("olivia").setDefaultRole("ws-staging", "VIEWER");
    Principal inProd = db.store.principalIn("mia", "ws-prod");
    assertEquals(PrincipalKind.USER, inProd.kind());
    assertEquals(Map.of("acct-acme", inProd.accountRole("acct-acme")), inProd.accounts());
    assertEquals("MEMBER", inProd.accountRole("acct-acme").name());
    assertEquals("RUNNER", inProd.workspaceRole("ws-prod").name());
    Principal inStaging = db.store.principalIn("mia", "ws-staging");
    assertEquals("VIEWER", inStaging.workspaceRole("ws-staging").name());
    assertEquals(Map.of(), inStaging.explicitWorkspaceRoles());
    Principal admin = db.store.principalIn("adam", "ws-prod");
    assertEquals("ADMIN", admin.accountRole("acct-acme").name());
    assertEquals(
        "OWNER",
        admin.accountRole("acct-acme").everywhere().name(),
        "an account ADMIN holds OWNER in every workspace of its account");
    assertNull(admin.workspaceRole("ws-prod"), "no explicit role and no default");
  }

  @Test
  void whatTheCallerHoldsElsewhereIsNotRead() {
    db.workspaces("olivia").setRole("ws-prod", "mia", "RUNNER");
    db.workspaces("olivia").setRole("ws-staging", "mia", "DEVELOPER");
    Principal inProd = db.store.principalIn("mia", "ws-prod");
    assertEquals(List.of("ws-prod"), List.copyOf(inProd.explicitWorkspaceRoles().keySet()));
    assertNull(inProd.workspaceRole("ws-staging"), "resolved for ws-prod only");
    Principal everything = db.store.principal("mia");
    assertEquals(2, everything.explicitWorkspaceRoles().size());
  }

  @Test
  void oneWorkspaceIsOneQueryWhateverTheCallerHoldsElsewhere() throws SQLException {
    try (Connection connection = db.dataSource.getConnection();
        PreparedStatement workspace =
            connection.prepareStatement(
                "insert into rolegate_workspace (id, account_id) values (?, 'acct-acme')");
        PreparedStatement role =
            connection.prepareStatement(
                "insert into rolegate_workspace_member values (?, 'acct-acme', 'mia', ?)")) {
      for (int i = 0; i < 2_000; i++) {
        workspace.setString(1, "ws-" + i);
        workspace.addBatch();
        role.setString(1, "ws-" + i);
        role.setString(2, i % 2 == 0 ? "VIEWER" : "RUNNER");
        role.addBatch();
      }
      workspace.executeBatch();
      role.executeBatch();
    }
    assertEquals(2_000, db.store.principal("mia").explicitWorkspaceRoles().size());
    AtomicInteger statements = new AtomicInteger();
    JdbcMembershipStore counted =
        new JdbcMembershipStore(
            counting(db.dataSource, statements), PrefectCloudCapabilityTable.matrix());
    Principal mia = counted.principalIn("mia", "ws-151");
    assertEquals(1, statements.get(), "one statement for one workspace");
    assertEquals(Map.of("ws-151", mia.workspaceRole("ws-151")), mia.explicitWorkspaceRoles());
    assertEquals("RUNNER", mia.workspaceRole("ws-151").name());
    statements.set(0);
    try (PrincipalScope scope = CurrentPrincipal.bind(mia, "acct-acme", "ws-151")) {
      assertEquals(0, statements.get(), "binding asks the database nothing more");
    }
  }

  @Test
  void aServiceAccountKeepsItsOwnAccountWherever() {
    Principal bot = db.store.principalIn("acct-acme/acme-bot", "ws-globex");
    assertEquals(PrincipalKind.SERVICE_ACCOUNT, bot.kind());
    assertEquals(List.of("acct-acme"), List.copyOf(bot.accounts().keySet()));
    assertNull(bot.workspaceRole("ws-globex"));
    assertEquals(
        PrincipalKind.SERVICE_ACCOUNT,
        db.store.principalIn("acct-acme/acme-bot", "no-such").kind());
  }

  @Test
  void unknownPrincipalsAndWorkspacesHoldNothing() {
    Principal stranger = db.store.principalIn("stranger", "ws-prod");
    assertEquals(PrincipalKind.USER, stranger.kind());
    assertTrue(stranger.accounts().isEmpty());
    Principal nowhere = db.store.principalIn("mia", "ws-gone");
    assertTrue(nowhere.accounts().isEmpty());
    assertNull(db.store.directory().accountOf("ws-gone"));
    assertNull(db.store.directory().accountOf("x'; drop table rolegate_workspace; --"));
    assertTrue(db.store.principalIn("mia", "bad id").accounts().isEmpty());
    assertTrue(db.store.principalInAccount("mia", "acct-none").accounts().isEmpty());
    MembershipException e =
        assertThrows(MembershipException.class, () -> db.store.principalIn("a b", "ws-prod"));
    assertEquals(MembershipException.Reason.INVALID_NAME, e.reason());
  }

  @Test
  void anAccountRequestResolvesTheAccountRoleOnly() {
    db.workspaces("olivia").setRole("ws-prod", "mia", "RUNNER");
    Principal mia = db.store.principalInAccount("mia", "acct-acme");
    assertEquals("MEMBER", mia.accountRole("acct-acme").name());
    assertEquals(Map.of(), mia.explicitWorkspaceRoles());
    assertFalse(db.store.principalInAccount("mia", "acct-globex").isMemberOf("acct-globex"));
  }

  @Test
  void customRolesOfTheWorkspacesAccountResolve() {
    db.provisioning.defineCustomRole(
        "acct-acme", "acme-deployer", "RUNNER", List.of("CREATE_EDIT_DEPLOYMENTS"));
    db.workspaces("olivia").setRole("ws-prod", "mia", "acme-deployer");
    Principal mia = db.store.principalIn("mia", "ws-prod");
    assertEquals("acme-deployer", mia.workspaceRole("ws-prod").name());
    assertTrue(
        mia.workspaceRole("ws-prod").holds(PrefectCloudCapabilityTable.CREATE_EDIT_DEPLOYMENTS));
    assertEquals(java.util.Optional.of("acct-acme"), mia.workspaceRole("ws-prod").account());
  }

  @Test
  void aStoredRoleTheMatrixLacksFailsInsteadOfResolving() throws SQLException {
    try (Connection connection = db.dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "insert into rolegate_workspace_member values ('ws-prod', 'acct-acme', 'mia', ?)")) {
      insert.setString(1, "Developer");
      insert.executeUpdate();
    }
    MembershipException e =
        assertThrows(MembershipException.class, () -> db.store.principalIn("mia", "ws-prod"));
    assertEquals(MembershipException.Reason.UNKNOWN_ROLE, e.reason());
    assertTrue(
        e.getMessage()
            .startsWith(
                "workspace role \"Developer\" is neither a role of matrix"
                    + " Prefect Cloud nor a custom role of account \"acct-acme\""),
        e.getMessage());
    try (Connection connection = db.dataSource.getConnection();
        PreparedStatement update =
            connection.prepareStatement(
                "update rolegate_account_member set role = 'Owner' where principal_id = 'adam'")) {
      update.executeUpdate();
    }
    MembershipException account =
        assertThrows(
            MembershipException.class, () -> db.store.principalInAccount("adam", "acct-acme"));
    assertTrue(
        account
            .getMessage()
            .contains(
                "account role \"Owner\" in account \"acct-acme\","
                    + " which matrix Prefect Cloud does not have"),
        account.getMessage());
  }

  @Test
  void rowsThatFormNoValidPrincipalFailInsteadOfResolving() throws SQLException {
    try (Connection connection = db.dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "insert into rolegate_account_member values ('acct-globex', 'acct-acme/acme-bot', 'MEMBER')")) {
      insert.executeUpdate();
    }
    MembershipException e =
        assertThrows(
            MembershipException.class,
            () -> db.store.principalIn("acct-acme/acme-bot", "ws-globex"));
    assertEquals(MembershipException.Reason.INVALID_ROWS, e.reason());
    assertTrue(
        e.getMessage()
            .startsWith(
                "the database's memberships of \"acct-acme/acme-bot\" do not form a"
                    + " valid principal: "),
        e.getMessage());
    assertTrue(e.getMessage().contains("belongs to exactly one account"), e.getMessage());
  }

  @Test
  void aRevokedRoleIsDeniedAtTheNextCallOnThisNodeAndAnother() {
    db.workspaces("olivia").setRole("ws-prod", "mia", "OWNER");
    JdbcMembershipStore otherNode =
        new JdbcMembershipStore(secondPool(), PrefectCloudCapabilityTable.matrix());
    WorkspaceAdministration here = JdbcAdministration.workspaces(db.store);
    WorkspaceAdministration there = JdbcAdministration.workspaces(otherNode);
    try (PrincipalScope scope =
        CurrentPrincipal.bind(otherNode.principalIn("mia", "ws-prod"), "acct-acme", "ws-prod")) {
      assertEquals(1, there.users("ws-prod").size());
    }
    db.workspaces("adam").setRole("ws-prod", "mia", "VIEWER");
    try (PrincipalScope scope =
        CurrentPrincipal.bind(db.store.principalIn("mia", "ws-prod"), "acct-acme", "ws-prod")) {
      assertThrows(AccessDeniedException.class, () -> here.users("ws-prod"));
    }
    try (PrincipalScope scope =
        CurrentPrincipal.bind(otherNode.principalIn("mia", "ws-prod"), "acct-acme", "ws-prod")) {
      assertThrows(AccessDeniedException.class, () -> there.users("ws-prod"));
      assertEquals("ws-prod", there.workspace("ws-prod").id(), "VIEWER still views it");
    }
  }

  private DataSource secondPool() {
    String url = database.jdbcUrl(db.dataSource);
    if (database == TestDatabase.H2) {
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL(url);
      return h2;
    }
    PGSimpleDataSource postgres = new PGSimpleDataSource();
    postgres.setURL(url);
    return postgres;
  }

  /** Counts the statements prepared on {@code dataSource}'s connections. */
  static DataSource counting(DataSource dataSource, AtomicInteger statements) {
    return (DataSource)
        Proxy.newProxyInstance(
            StoreResolutionTest.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              Object result = method.invoke(dataSource, args);
              if (!(result instanceof Connection connection)) {
                return result;
              }
              return Proxy.newProxyInstance(
                  StoreResolutionTest.class.getClassLoader(),
                  new Class<?>[] {Connection.class},
                  (p, m, a) -> {
                    if (m.getName().equals("prepareStatement")) {
                      statements.incrementAndGet();
                    }
                    return m.invoke(connection, a);
                  });
            });
  }
}
