package dev.rolegate.spring.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolegate.jdbc.testing.PostgresServer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances of the sample (two application contexts, each on its own random port) sharing one
 * real PostgreSQL database: a role changed over HTTP on one node holds from the next request on the
 * other, because nothing caches memberships.
 */
class HttpTwoNodesTest {
  private static final String PROD = "/api/accounts/acct-acme/workspaces/ws-acme-prod";
  private static final String RUN = PROD + "/deployments/d-etl/runs";

  private static ConfigurableApplicationContext nodeA;
  private static ConfigurableApplicationContext nodeB;

  @BeforeAll
  static void startTwoNodes() {
    PostgresServer server = PostgresServer.get();
    PGSimpleDataSource database = (PGSimpleDataSource) server.newDatabase("sample_two_nodes");
    String url = server.jdbcUrl(database.getDatabaseName());
    nodeA = start(url);
    nodeB = start(url);
  }

  @AfterAll
  static void stopNodes() {
    if (nodeB != null) {
      nodeB.close();
    }
    if (nodeA != null) {
      nodeA.close();
    }
  }

  @Test
  void revokeOnA_deniedOnB_grantOnB_allowedOnA() throws Exception {
    SampleHttp a = http(nodeA);
    SampleHttp b = http(nodeB);
    assertThat(a).isNotSameAs(b);
    assertThat(port(nodeA)).isNotEqualTo(port(nodeB));
    assertThat(b.post("runner", RUN, "").statusCode()).isEqualTo(200);

    assertThat(a.delete("ws-owner", PROD + "/members/runner").statusCode()).isEqualTo(204);
    HttpResponse<String> deniedOnB = b.post("runner", RUN, "");
    assertThat(deniedOnB.statusCode()).isEqualTo(403);
    assertThat(deniedOnB.body()).contains("\"type\":\"urn:rolegate:problem:access-denied\"");
    assertThat(a.post("runner", RUN, "").statusCode()).isEqualTo(403);

    assertThat(b.put("ws-owner", PROD + "/members/runner", "{\"role\":\"RUNNER\"}").statusCode())
        .isEqualTo(200);
    assertThat(a.post("runner", RUN, "").statusCode()).isEqualTo(200);
    assertThat(b.post("runner", RUN, "").statusCode()).isEqualTo(200);
  }

  @Test
  void accountRoleChangedOnB_holdsOnA() throws Exception {
    SampleHttp a = http(nodeA);
    SampleHttp b = http(nodeB);
    String settings = "/api/accounts/acct-acme/settings?name=Acme";
    assertThat(a.put("member", settings, "").statusCode()).isEqualTo(403);
    try {
      assertThat(
              b.put("owner", "/api/accounts/acct-acme/members/member", "{\"role\":\"ADMIN\"}")
                  .statusCode())
          .isEqualTo(200);
      assertThat(a.put("member", settings, "").statusCode()).isEqualTo(200);
    } finally {
      assertThat(
              a.put("owner", "/api/accounts/acct-acme/members/member", "{\"role\":\"MEMBER\"}")
                  .statusCode())
          .isEqualTo(200);
    }
    assertThat(b.put("member", settings, "").statusCode()).isEqualTo(403);
  }

  private static ConfigurableApplicationContext start(String url) {
    return new SpringApplicationBuilder(SampleApplication.class)
        .properties("server.port=0", "spring.datasource.url=" + url)
        .run();
  }

  private static int port(ConfigurableApplicationContext node) {
    return ((WebServerApplicationContext) node).getWebServer().getPort();
  }

  private static SampleHttp http(ConfigurableApplicationContext node) {
    return new SampleHttp(port(node));
  }
}
