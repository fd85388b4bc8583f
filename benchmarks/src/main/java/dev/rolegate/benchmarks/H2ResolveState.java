package dev.rolegate.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** {@link ResolveState} on an embedded in-memory H2 database. */
@State(Scope.Benchmark)
public class H2ResolveState extends ResolveState {
  private static final AtomicInteger DATABASES = new AtomicInteger();

  private String url;

  @Override
  String freshDatabase() {
    url = "jdbc:h2:mem:rolegate_resolve_" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
    return url;
  }

  /** Drops the in-memory database (it outlives its connections: {@code DB_CLOSE_DELAY=-1}). */
  @Override
  void dropDatabase() {
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      statement.execute("shutdown");
    } catch (SQLException e) {
      throw new IllegalStateException("could not drop " + url + ": " + e, e);
    }
  }
}
