package dev.rolegate.jdbc;

import dev.rolegate.jdbc.MembershipException.Reason;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Plain JDBC, always parameterized: a read on one connection, a change in one transaction that is
 * rolled back whole when anything in it throws. A database failure becomes a {@link
 * MembershipException} whose message names the SQLState, never a stored value.
 */
final class Sql {
  private Sql() {}

  /** Work on one connection. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Maps one row. */
  @FunctionalInterface
  interface Row<T> {
    T map(ResultSet row) throws SQLException;
  }

  /** Runs {@code work} on a connection of its own (auto-commit, as the pool hands it out). */
  static <T> T read(DataSource dataSource, Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      return work.run(connection);
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  /**
   * Runs {@code work} as one READ COMMITTED transaction: committed when it returns, rolled back
   * when anything throws (a refusal, a database error, an error), so that a refused change writes
   * nothing. READ COMMITTED whatever the pool's default: a change locks its account's row first,
   * and each later statement must read the rows as committed once the lock is held (under
   * REPEATABLE READ it would read them as they were before it waited, and two OWNERs demoting
   * themselves at once would both see the other).
   */
  static <T> T change(DataSource dataSource, Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      int isolation = connection.getTransactionIsolation();
      connection.setAutoCommit(false);
      connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      Throwable failed = null;
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (Throwable e) {
        failed = e;
        rollback(connection, e);
        throw e;
      } finally {
        restore(connection, autoCommit, isolation, failed);
      }
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  /**
   * Gives the connection back as the pool handed it out; a failure to do so is added to the
   * change's own failure, never put in its place.
   */
  private static void restore(
      Connection connection, boolean autoCommit, int isolation, Throwable failed)
      throws SQLException {
    try {
      connection.setTransactionIsolation(isolation);
      connection.setAutoCommit(autoCommit);
    } catch (SQLException e) {
      if (failed == null) {
        throw e;
      }
      failed.addSuppressed(e);
    }
  }

  private static void rollback(Connection connection, Throwable cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  static MembershipException failure(SQLException e) {
    String state = e.getSQLState();
    if ("23505".equals(state)) {
      return new MembershipException(
          Reason.DUPLICATE,
          "the change conflicts with one made at the same time (a unique key, SQLState 23505);"
              + " nothing was written, try it again",
          e);
    }
    return new MembershipException(
        Reason.STORE_FAILURE,
        "the membership database failed (SQLState " + state + "); nothing was written",
        e);
  }

  /** Returns the first column of the first row, or null when there is none. */
  static String string(Connection connection, String sql, Object... args) throws SQLException {
    List<String> all = list(connection, sql, row -> row.getString(1), args);
    return all.isEmpty() ? null : all.get(0);
  }

  /** Returns whether {@code sql} finds a row. */
  static boolean exists(Connection connection, String sql, Object... args) throws SQLException {
    try (PreparedStatement statement = prepare(connection, sql, args);
        ResultSet rows = statement.executeQuery()) {
      return rows.next();
    }
  }

  /** Returns every row, mapped. */
  static <T> List<T> list(Connection connection, String sql, Row<T> mapper, Object... args)
      throws SQLException {
    try (PreparedStatement statement = prepare(connection, sql, args);
        ResultSet rows = statement.executeQuery()) {
      List<T> out = new ArrayList<>();
      while (rows.next()) {
        out.add(mapper.map(rows));
      }
      return out;
    }
  }

  /** Runs an insert, update or delete; returns the number of rows it touched. */
  static int update(Connection connection, String sql, Object... args) throws SQLException {
    try (PreparedStatement statement = prepare(connection, sql, args)) {
      return statement.executeUpdate();
    }
  }

  private static PreparedStatement prepare(Connection connection, String sql, Object... args)
      throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    try {
      for (int i = 0; i < args.length; i++) {
        statement.setObject(i + 1, args[i]);
      }
      return statement;
    } catch (SQLException e) {
      statement.close();
      throw e;
    }
  }
}
