package dev.rolegate.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolegate.jdbc.MembershipException.Reason;
import dev.rolegate.jdbc.testing.TestDatabase;
import dev.rolegate.prefect.PrefectCloudCapabilityTable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every change is one transaction (H2 and a real PostgreSQL server): a change whose second write
 * fails leaves nothing of its first, and two owners removing each other at the same moment leave
 * one OWNER, never none.
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
        db.refused(Reason.STORE_FAILURE, "the membership database failed (SQLState 08006);"
                + " nothing was written",
            () -> admin.createServiceAccount("acct-acme", "half-bot", "MEMBER"));
    assertTrue(e.getCause() instanceof SQLException);
    db.refused(Reason.STORE_FAILURE, "nothing was written",
        () -> admin.addMember("acct-acme", "newcomer", "MEMBER"));
    db.refused(Reason.STORE_FAILURE, "nothing was written",
        () -> new JdbcProvisioning(failing).createAccount("acct-half", "founder"));
  }

  @Test
  void twoOwnersRemovingEachOtherAtOnceLeaveOne() throws Exception {
    db.accounts("olivia").addMember("acct-acme", "oscar", "OWNER");
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (String[] pair : new String[][] {{"olivia", "oscar"}, {"oscar", "olivia"}}) {
        AccountAdministration actor = db.accounts(pair[0]);
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  try {
                    actor.removeMember("acct-acme", pair[1]);
                    return "removed";
                  } catch (MembershipException e) {
                    return e.reason().name();
                  } catch (dev.rolegate.runtime.AccessDeniedException e) {
                    return "denied";
                  }
                }));
      }
      start.countDown();
      List<String> outcomes = new ArrayList<>();
      for (Future<String> result : results) {
        outcomes.add(result.get());
      }
      assertTrue(outcomes.contains("removed"), outcomes.toString());
      assertEquals(1, outcomes.stream().filter("removed"::equals).count(), outcomes.toString());
      long owners =
          db.accounts("adam").members("acct-acme").stream()
              .filter(member -> member.role().equals("OWNER"))
              .count();
      assertEquals(1, owners, "one OWNER is left: " + outcomes);
    } finally {
      pool.shutdownNow();
    }
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
