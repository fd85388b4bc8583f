package dev.rolegate.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolegate.jdbc.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The schema's migrations (H2 and a real PostgreSQL server): they create it once, are skipped at
 * every later start, and keep their own history beside an application's own Flyway migrations,
 * whose version 1 does not collide with rolegate's.
 */
class SchemaTest {
  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void migratesOnceAndBesideTheApplicationsOwnMigrations(TestDatabase database)
      throws SQLException {
    DataSource dataSource = database.fresh("schema");
    Flyway application =
        Flyway.configure().dataSource(dataSource).locations("classpath:db/app-migration").load();
    assertEquals(1, application.migrate().migrationsExecuted, "the application's own V1");
    assertEquals(1, RolegateSchema.migrate(dataSource), "rolegate's V1 beside it");
    assertEquals(0, RolegateSchema.migrate(dataSource), "nothing to do at the next start");
    assertEquals(0, application.migrate().migrationsExecuted);
    // Version 0 is the baseline Flyway records for a database that already held tables.
    assertEquals(List.of("0", "1"), versions(dataSource, RolegateSchema.HISTORY_TABLE));
    assertEquals(List.of("1"), versions(dataSource, "flyway_schema_history"));
    RolegateSchema.flyway(dataSource).validate();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select count(*) from rolegate_account_member")) {
      assertTrue(rows.next());
      assertEquals(0, rows.getInt(1));
    }
  }

  private static List<String> versions(DataSource dataSource, String table) throws SQLException {
    List<String> versions = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "select \"version\" from \""
                    + table
                    + "\" where \"success\" = true"
                    + " and \"version\" is not null order by \"installed_rank\"")) {
      while (rows.next()) {
        versions.add(rows.getString(1));
      }
    }
    return versions;
  }
}
