package dev.rolegate.spring;

import dev.rolegate.jdbc.RolegateSchema;
import java.util.Objects;
import javax.sql.DataSource;
import org.springframework.beans.factory.InitializingBean;

/**
 * Brings the database to rolegate-jdbc's newest schema when the application context starts ({@link
 * RolegateSchema#migrate}). rolegate's migrations record their history in their own table ({@value
 * RolegateSchema#HISTORY_TABLE}), so they run beside an application's own Flyway migrations without
 * version clashes.
 */
public class RolegateSchemaInitializer implements InitializingBean {
  private static final System.Logger LOG = System.getLogger("dev.rolegate.spring");

  private final DataSource dataSource;

  /** Creates the initializer for {@code dataSource}. */
  public RolegateSchemaInitializer(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  @Override
  public void afterPropertiesSet() {
    int executed = RolegateSchema.migrate(dataSource);
    if (executed > 0) {
      LOG.log(System.Logger.Level.INFO, "rolegate-jdbc: applied " + executed + " migration(s)");
    }
  }
}
