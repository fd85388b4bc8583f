package dev.rolegate.jdbc.testing;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The databases the JDBC store is tested on, each giving a fresh, empty database per call, so that
 * one suite runs on both: {@code @ParameterizedTest @EnumSource(TestDatabase.class)}, or a
 * {@code @TestFactory} over {@code TestDatabase.values()}.
 */
public enum TestDatabase {
  /** An in-memory H2 database, kept until the JVM ends. */
  H2 {
    @Override
    public DataSource fresh(String name) {
      JdbcDataSource dataSource = new JdbcDataSource();
      dataSource.setURL("jdbc:h2:mem:" + uniqueName(name) + ";DB_CLOSE_DELAY=-1");
      return dataSource;
    }

    @Override
    public String jdbcUrl(DataSource dataSource) {
      if (dataSource instanceof JdbcDataSource h2) {
        return h2.getURL();
      }
      throw notFresh(dataSource);
    }
  },

  /** A new database on this JVM's PostgreSQL server ({@link PostgresServer#get()}). */
  POSTGRESQL {
    @Override
    public DataSource fresh(String name) {
      return PostgresServer.get().newDatabase(name);
    }

    @Override
    public String jdbcUrl(DataSource dataSource) {
      if (dataSource instanceof PGSimpleDataSource postgres) {
        return PostgresServer.get().jdbcUrl(postgres.getDatabaseName());
      }
      throw notFresh(dataSource);
    }
  };

  private static final AtomicInteger H2_DATABASES = new AtomicInteger();

  /**
   * A new, empty database whose name starts with {@code name} (made unique in this JVM), to be used
   * as it is or through {@link #jdbcUrl(DataSource)}.
   */
  public abstract DataSource fresh(String name);

  /**
   * The JDBC URL of a database {@link #fresh(String)} of this kind gave, for what is configured by
   * URL (Flyway, Spring's {@code spring.datasource.url}); it carries the user, if one is needed.
   *
   * @throws IllegalArgumentException if {@code dataSource} is not one of this kind's
   */
  public abstract String jdbcUrl(DataSource dataSource);

  private static String uniqueName(String name) {
    String cleaned = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    return (cleaned.isEmpty() ? "db" : cleaned) + "_" + H2_DATABASES.incrementAndGet();
  }

  IllegalArgumentException notFresh(DataSource dataSource) {
    return new IllegalArgumentException(
        "not a data source of TestDatabase." + name() + ".fresh: " + dataSource);
  }
}
