package dev.rolegate.spring.sample;

import dev.rolegate.jdbc.testing.PostgresServer;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link AdminHttpTests} on a real PostgreSQL server, in a fresh database: the sample switched with
 * the one property {@code spring.datasource.url}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HttpAdminPostgresTest extends AdminHttpTests {
  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresServer server = PostgresServer.get();
    PGSimpleDataSource database = (PGSimpleDataSource) server.newDatabase("sample_admin");
    String url = server.jdbcUrl(database.getDatabaseName());
    registry.add("spring.datasource.url", () -> url);
  }
}
