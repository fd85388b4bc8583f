package dev.rolegate.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolegate.jdbc.MembershipException.Reason;
import dev.rolegate.jdbc.testing.TestDatabase;
import dev.rolegate.prefect.PrefectCloudCapabilityTable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every change is one transaction (H2 and a real PostgreSQL server): a change whose second write
 * fails leaves nothing of its first, and two OWNERs demoting themselves at the same moment leave
 * one OWNER, never none, whatever isolation the pool's connections start at.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class TransactionTest {
  @Parameter TestDatabase database;

  private Fixture db;

  @BeforeEach
  void seed() {
    db = new Fixture(database, "tx").seeded();
  }

  @Test
  void aChangeThatFailsHalfWayWritesNothing() {
    JdbcMembershipStore failing =
        new JdbcMembershipStore(
            failingOn(db.dataSource, "insert into rolegate_account_member"),
            PrefectCloudCapabilityTable.matrix());
    AccountAdministration admin = JdbcAdministration.accounts(failing, db.as("olivia"));
    MembershipException e =
        db.refused(
            Reason.STORE_FAILURE,
            "the membership database failed (SQLState 08006);" + " nothing was written",
            () -> admin.createServiceAccount("acct-acme", "half-bot", "MEMBER"));
    assertTrue(e.getCause() instanceof SQLException);
    db.refused(
        Reason.STORE_FAILURE,
        "nothing was written",
        () -> admin.addMember("acct-acme", "newcomer", "MEMBER"));
    db.refused(
        Reason.STORE_FAILURE,
        "nothing was written",
        () -> new JdbcProvisioning(failing).createAccount("acct-half", "founder"));
  }

  @Test
  void twoOwnersDemotingThemselvesAtOnceLeaveOneEvenUnderRepeatableRead() throws Exception {
    db.accounts("olivia").addMember("acct-acme", "oscar", "OWNER");
    // A pool whose connections default to REPEATABLE READ: changes must not take that default.
    JdbcMembershipStore repeatable =
        new JdbcMembershipStore(
            repeatableRead(db.dataSource), PrefectCloudCapabilityTable.matrix());
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try (Connection blocker = db.dataSource.getConnection()) {
      // Hold the account's row so that both changes are under way before either may go on.
      blocker.setAutoCommit(false);
      try (Statement lock = blocker.createStatement()) {
        lock.executeQuery("select id from rolegate_account where id = 'acct-acme' for update")
            .close();
      }
      List<Future<String>> results = new ArrayList<>();
      for (String owner : List.of("olivia", "oscar")) {
        AccountAdministration actor = JdbcAdministration.accounts(repeatable, db.as(owner));
        results.add(
            pool.submit(
                () -> {
                  try {
                    actor.setAccountRole("acct-acme", owner, "ADMIN");
                    return "demoted";
                  } catch (MembershipException e) {
                    return e.reason().name();
                  }
                }));
      }
      awaitBlocked(2);
      blocker.commit();
      List<String> outcomes = new ArrayList<>();
      for (Future<String> result : results) {
        outcomes.add(result.get(30, TimeUnit.SECONDS));
      }
      assertEquals(
          List.of("LAST_OWNER", "demoted"), outcomes.stream().sorted().toList(), "one of them");
      assertEquals(
          1,
          db.accounts("adam").members("acct-acme").stream()
              .filter(member -> member.role().equals("OWNER"))
              .count(),
          "one OWNER is left");
    } finally {
      pool.shutdownNow();
    }
  }

  /** Waits (at most ten seconds) until {@code count} sessions wait for a lock. */
  private void awaitBlocked(int count) throws Exception {
    String sql =
        database == TestDatabase.H2
            ? "select count(*) from information_schema.sessions where blocker_id is not null"
            : "select count(*) from pg_locks where not granted";
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    try (Connection connection = db.dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      while (true) {
        try (ResultSet rows = statement.executeQuery(sql)) {
          rows.next();
          if (rows.getInt(1) >= count) {
            return;
          }
        }
        if (System.nanoTime() > deadline) {
          throw new AssertionError("the two changes never both waited for the account's lock");
        }
        Thread.sleep(20);
      }
    }
  }

  /** Wraps {@code dataSource} so that its connections start at REPEATABLE READ. */
  private static DataSource repeatableRead(DataSource dataSource) {
    return (DataSource)
        Proxy.newProxyInstance(
            TransactionTest.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              Object result = invoke(method, dataSource, args);
              if (result instanceof Connection connection) {
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
              }
              return result;
            });
  }

  /** Wraps {@code dataSource} so that preparing a statement starting with {@code sql} fails. */
  private static DataSource failingOn(DataSource dataSource, String sql) {
    return (DataSource)
        Proxy.newProxyInstance(
            TransactionTest.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              Object result = invoke(method, dataSource, args);
              if (!(result instanceof Connection connection)) {
                return result;
              }
              return Proxy.newProxyInstance(
                  TransactionTest.class.getClassLoader(),
                  new Class<?>[] {Connection.class},
                  (p, m, a) -> {
                    if (m.getName().equals("prepareStatement") && ((String) a[0]).startsWith(sql)) {
                      throw new SQLException("connection lost", "08006");
                    }
                    return invoke(m, connection, a);
                  });
            });
  }

  private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args)
      throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
