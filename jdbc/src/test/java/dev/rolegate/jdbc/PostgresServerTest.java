package dev.rolegate.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolegate.jdbc.testing.PostgresServer;
import dev.rolegate.jdbc.testing.TestDatabase;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/** The test infrastructure's PostgreSQL server and the databases {@link TestDatabase} gives. */
class PostgresServerTest {

  private final PostgresServer server = PostgresServer.get();

  @Test
  void answersSelectVersionAsPostgresql() throws SQLException {
    try (Connection connection = DriverManager.getConnection(server.jdbcUrl("postgres"))) {
      String version = single(connection, "select version()");
      assertTrue(version.startsWith("PostgreSQL "), version);
      assertEquals(version, server.version());
    }
  }

  @Test
  void listensOnLoopbackAtItsPort() throws Exception {
    try (Socket socket = new Socket()) {
      InetAddress loopback = InetAddress.getByName("127.0.0.1");
      socket.connect(new InetSocketAddress(loopback, server.port()), 5000);
      assertTrue(socket.isConnected());
    }
    try (Connection connection = DriverManager.getConnection(server.jdbcUrl("postgres"))) {
      assertEquals("127.0.0.1/32", single(connection, "select inet_server_addr()::text"));
      assertEquals(
          Integer.toString(server.port()), single(connection, "select inet_server_port()::text"));
      assertEquals("rolegate", single(connection, "select current_user"));
      assertEquals("UTF8", single(connection, "show server_encoding"));
    }
  }

  @Test
  void databasesFromNewDatabaseAreIndependent() throws SQLException {
    DataSource first = server.newDatabase("independent");
    DataSource second = server.newDatabase("independent");
    try (Connection one = first.getConnection();
        Connection other = second.getConnection()) {
      assertNotEquals(one.getCatalog(), other.getCatalog());
      assertTrue(one.getCatalog().startsWith("independent_"), one.getCatalog());
      try (Statement statement = one.createStatement()) {
        statement.execute("create table only_here (id int primary key)");
        statement.execute("insert into only_here values (1)");
      }
      assertEquals("only_here", single(one, "select to_regclass('only_here')::text"));
      assertEquals(null, single(other, "select to_regclass('only_here')::text"));
      assertEquals(List.of(), tables(other));
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void testDatabaseGivesAnEmptyDatabase(TestDatabase kind) throws SQLException {
    DataSource first = kind.fresh("empty");
    try (Connection connection = first.getConnection()) {
      assertEquals(List.of(), tables(connection));
      try (Statement statement = connection.createStatement()) {
        statement.execute("create table leftover (id int primary key)");
      }
      assertEquals(List.of("leftover"), tables(connection));
    }
    DataSource second = kind.fresh("empty");
    try (Connection connection = second.getConnection()) {
      assertEquals(List.of(), tables(connection));
    }
    String url = kind.jdbcUrl(first);
    try (Connection connection = DriverManager.getConnection(url)) {
      assertEquals(List.of("leftover"), tables(connection));
    }
  }

  @Test
  void deliversNotificationsBetweenConnections() throws SQLException {
    DataSource database = server.newDatabase("notify");
    try (Connection listener = database.getConnection();
        Connection sender = database.getConnection()) {
      try (Statement statement = listener.createStatement()) {
        statement.execute("listen rolegate_changes");
      }
      String senderPid = single(sender, "select pg_backend_pid()::text");
      try (Statement statement = sender.createStatement()) {
        statement.execute("notify rolegate_changes, 'acct-acme'");
      }
      PGNotification[] notifications = listener.unwrap(PGConnection.class).getNotifications(10_000);
      assertNotNull(notifications);
      assertEquals(1, notifications.length);
      assertEquals("rolegate_changes", notifications[0].getName());
      assertEquals("acct-acme", notifications[0].getParameter());
      assertEquals(senderPid, Integer.toString(notifications[0].getPID()));
      assertFalse(listener.isClosed());
    }
  }

  private static String single(Connection connection, String query) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(query)) {
      assertTrue(rows.next(), query);
      return rows.getString(1);
    }
  }

  /**
   * The tables of the connection's database outside the catalog schemas (H2's and PostgreSQL's),
   * lower-cased, in name order.
   */
  private static List<String> tables(Connection connection) throws SQLException {
    DatabaseMetaData metaData = connection.getMetaData();
    List<String> names = new ArrayList<>();
    String[] types = {"TABLE", "BASE TABLE"};
    try (ResultSet rows = metaData.getTables(null, null, "%", types)) {
      while (rows.next()) {
        String schema = rows.getString("TABLE_SCHEM").toLowerCase(Locale.ROOT);
        if (!schema.equals("information_schema") && !schema.startsWith("pg_")) {
          names.add(rows.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
        }
      }
    }
    names.sort(null);
    return names;
  }
}
