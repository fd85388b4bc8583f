package dev.rolegate.jdbc;

import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * rolegate-jdbc's schema as Flyway migrations, kept apart from an application's own: they live in
 * {@value #LOCATION} and record their history in table {@value #HISTORY_TABLE}, so that version 1
 * of rolegate's schema never collides with version 1 of the application's. Portable SQL: H2 and
 * PostgreSQL (with Flyway's {@code flyway-database-postgresql} on the class path).
 */
public final class RolegateSchema {
  /** Where the migrations are, as a Flyway location. */
  public static final String LOCATION = "classpath:dev/rolegate/jdbc/schema";

  /** The table Flyway records rolegate's migrations in. */
  public static final String HISTORY_TABLE = "rolegate_schema_history";

  private RolegateSchema() {}

  /**
   * Brings {@code dataSource}'s database to rolegate's newest schema (creates it when absent);
   * returns how many migrations ran. Safe to call at every start: applied migrations are skipped,
   * and a changed one fails with Flyway's checksum error.
   */
  public static int migrate(DataSource dataSource) {
    MigrateResult result = flyway(dataSource).migrate();
    return result.migrationsExecuted;
  }

  /**
   * Returns a Flyway configured for rolegate's migrations on {@code dataSource} (for {@code
   * validate()}, {@code info()}, or a migration an application runs itself). {@code
   * baselineOnMigrate} lets rolegate's schema join a database that already holds an application's
   * tables.
   */
  public static Flyway flyway(DataSource dataSource) {
    Objects.requireNonNull(dataSource, "dataSource");
    return Flyway.configure(RolegateSchema.class.getClassLoader())
        .dataSource(dataSource)
        .locations(LOCATION)
        .table(HISTORY_TABLE)
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load();
  }
}
