package dev.rolegate.spring.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolegate.spring.sample.TransactionConfiguration.CountingTransactionManager;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The sample over real HTTP on a random loopback port, as each role: every status below is read off
 * /work/shared/MATRIX.md by hand (not from the compiled matrix), so a wrong wiring or a wrong
 * matrix file shows up here. The roles are the database's (seeded by {@link Accounts}); the
 * credentials carry none.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HttpRolesTest {
  private static final String WS = "/api/accounts/acct-acme/workspaces/ws-acme-prod";

  /**
   * Operations: L list deployments (VIEW_DEPLOYMENTS), R run one (RUN_DEPLOYMENTS), S save one
   * (CREATE_EDIT_DEPLOYMENTS), D delete one (DELETE_DEPLOYMENTS), B list blocks (VIEW_BLOCKS), K
   * read a block's secret (VIEW_SECRET_BLOCK_DATA), P save a block (MANAGE_BLOCKS), A read account
   * settings (VIEW_ACCOUNT_SETTINGS), E edit them (EDIT_ACCOUNT_SETTINGS). "-" is no
   * authentication; "typo" holds, in the database, the workspace role "Developer" in ws-acme-prod,
   * which the matrix lacks (case-sensitive): refused in that workspace, while its valid account
   * role still holds in the account (a request reads only the rows of what it acts on). Everyone is
   * a member of acct-acme, the account of ws-acme-prod, and acts there; account OWNER and ADMIN are
   * workspace OWNER in all of its workspaces; WORKER sees deployments but not blocks.
   */
  private static final String EXPECTED =
      """
      user              L   R   S   D   B   K   P   A   E
      owner            200 200 200 200 200 200 200 200 200
      admin            200 200 200 200 200 200 200 200 200
      ws-owner         200 200 200 200 200 200 200 200 403
      developer        200 200 200 200 200 200 200 200 403
      runner           200 200 403 403 200 403 403 200 403
      viewer           200 403 403 403 200 403 403 200 403
      acct-acme/worker 200 403 403 403 403 403 403 200 403
      member           403 403 403 403 403 403 403 200 403
      -                401 401 401 401 401 401 401 401 401
      typo             401 401 401 401 401 401 401 200 403
      """;

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @LocalServerPort int port;
  @Autowired CountingTransactionManager transactions;
  @Autowired DataSource dataSource;

  @BeforeEach
  void typoRows() {
    ForeignRows.typo(dataSource);
  }

  static Stream<Arguments> cells() {
    List<String> lines =
        EXPECTED.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    String[] operations = lines.get(0).split("\\s+");
    List<Arguments> cells = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] fields = line.split("\\s+");
      for (int i = 1; i < fields.length; i++) {
        cells.add(Arguments.of(fields[0], operations[i], Integer.parseInt(fields[i])));
      }
    }
    return cells.stream();
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @MethodSource("cells")
  void roleCallsOperation(String user, String operation, int expected) throws Exception {
    HttpResponse<String> response = call(user, request(user, operation));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
    if (expected != 200) {
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(response.body()).doesNotContain("hunter2").doesNotContain("Exception");
    }
    if (expected == 403) {
      assertThat(response.body())
          .contains("\"type\":\"urn:rolegate:problem:access-denied\"")
          .contains("\"permissions\":[\"");
    }
  }

  @Test
  void table_coversEveryCell() {
    assertThat(cells()).hasSize(10 * 9);
  }

  @Test
  void serverListensOnLoopback() throws Exception {
    HttpResponse<String> response =
        CLIENT.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/ping")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("pong");
  }

  @Test
  void workspaceRole_holdsInItsWorkspaceOnly_accountAdminInEveryWorkspaceOfItsAccount()
      throws Exception {
    // ws-acme-dev gives acme's members VIEWER by default: listing, not deleting.
    String other = "/api/accounts/acct-acme/workspaces/ws-acme-dev/deployments/d-gone";
    assertThat(call("developer", HttpRequest.newBuilder(uri(other)).DELETE()).statusCode())
        .isEqualTo(403);
    assertThat(call("admin", HttpRequest.newBuilder(uri(other)).DELETE()).statusCode())
        .isEqualTo(200);
  }

  @Test
  void pathWithoutWorkspace_isDenied_evenForAccountOwner() throws Exception {
    HttpResponse<String> response =
        call("owner", HttpRequest.newBuilder(uri("/api/accounts/acct-acme/blocks")).GET());
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body())
        .contains("\"workspace\":null")
        .contains("the call named no workspace");
  }

  @Test
  void wrongPassword_isRefusedBySpringSecurity() throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(WS + "/deployments"))
            .GET()
            .header("Authorization", basic("developer", "wrong"));
    assertThat(CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode())
        .isEqualTo(401);
  }

  @Test
  void guardedAndTransactional_deniedCallStartsNoTransaction_allowedOneCommits() throws Exception {
    int begun = transactions.begun.get();
    int committed = transactions.committed.get();
    assertThat(call("viewer", request("viewer", "D")).statusCode()).isEqualTo(403);
    assertThat(transactions.begun.get()).isEqualTo(begun);
    assertThat(call("developer", request("developer", "D")).statusCode()).isEqualTo(200);
    assertThat(transactions.begun.get()).isEqualTo(begun + 1);
    assertThat(transactions.committed.get()).isEqualTo(committed + 1);
  }

  @Test
  void actuator_servesTheAccessReport() throws Exception {
    HttpResponse<String> response =
        call("-", HttpRequest.newBuilder(uri("/actuator/rolegate")).GET());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .startsWith("{\"reports\":[")
        .contains("\"type\": \"dev.rolegate.spring.sample.Blocks\"")
        .contains("\"type\": \"dev.rolegate.spring.sample.DeploymentCatalog\"");
  }

  @Test
  void actuatorMetrics_countDecisionsPerOutcomeOperationAndPermission_withoutIds()
      throws Exception {
    String denied =
        "/actuator/metrics/rolegate.decisions?tag=outcome:denied"
            + "&tag=operation:DeploymentCatalog.delete&tag=permission:DELETE_DEPLOYMENTS";
    String allowed =
        "/actuator/metrics/rolegate.decisions?tag=outcome:allowed"
            + "&tag=operation:DeploymentCatalog.delete&tag=permission:DELETE_DEPLOYMENTS";
    // Each count exists once a decision of its kind was made.
    assertThat(call("viewer", request("viewer", "D")).statusCode()).isEqualTo(403);
    assertThat(call("developer", request("developer", "D")).statusCode()).isEqualTo(200);
    double deniedBefore = count(denied);
    double allowedBefore = count(allowed);
    int begun = transactions.begun.get();

    HttpResponse<String> refused = call("viewer", request("viewer", "D"));
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("\"type\":\"urn:rolegate:problem:access-denied\"");
    assertThat(transactions.begun.get())
        .as("the denied call never reached the catalog")
        .isEqualTo(begun);
    assertThat(count(denied)).isEqualTo(deniedBefore + 1);
    assertThat(count(allowed)).isEqualTo(allowedBefore);

    assertThat(call("developer", request("developer", "D")).statusCode()).isEqualTo(200);
    assertThat(count(allowed)).isEqualTo(allowedBefore + 1);
    assertThat(count(denied)).isEqualTo(deniedBefore + 1);

    HttpResponse<String> meter =
        call("-", HttpRequest.newBuilder(uri("/actuator/metrics/rolegate.decisions")).GET());
    assertThat(meter.statusCode()).isEqualTo(200);
    assertThat(meter.body())
        .contains("{\"tag\":\"outcome\",\"values\":[")
        .contains("\"tag\":\"operation\"")
        .contains("\"tag\":\"permission\"")
        .doesNotContain("ws-acme-prod")
        .doesNotContain("acct-acme")
        .doesNotContain("viewer")
        .doesNotContain("developer");
  }

  /** The COUNT of the meter at {@code path}, read over HTTP from the actuator. */
  private double count(String path) throws Exception {
    HttpResponse<String> response = call("-", HttpRequest.newBuilder(uri(path)).GET());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    java.util.regex.Matcher count =
        java.util.regex.Pattern.compile("\\{\"statistic\":\"COUNT\",\"value\":([0-9.E]+)\\}")
            .matcher(response.body());
    assertThat(count.find()).as(response.body()).isTrue();
    return Double.parseDouble(count.group(1));
  }

  private HttpRequest.Builder request(String user, String operation) {
    // A resource id per caller; a service account id's / would add a path segment.
    String suffix = user.equals("-") ? "anonymous" : user.replace('/', '-');
    return switch (operation) {
      case "L" -> HttpRequest.newBuilder(uri(WS + "/deployments")).GET();
      case "R" -> HttpRequest.newBuilder(uri(WS + "/deployments/d-etl/runs")).POST(noBody());
      case "S" ->
          HttpRequest.newBuilder(uri(WS + "/deployments/d-" + suffix + "?name=x")).PUT(noBody());
      case "D" -> HttpRequest.newBuilder(uri(WS + "/deployments/d-gone-" + suffix)).DELETE();
      case "B" -> HttpRequest.newBuilder(uri(WS + "/blocks")).GET();
      case "K" -> HttpRequest.newBuilder(uri(WS + "/blocks/warehouse/secret")).GET();
      case "P" ->
          HttpRequest.newBuilder(uri(WS + "/blocks/b-" + suffix + "?value=v")).PUT(noBody());
      case "A" -> HttpRequest.newBuilder(uri("/api/accounts/acct-acme/settings")).GET();
      case "E" ->
          HttpRequest.newBuilder(uri("/api/accounts/acct-acme/settings?name=Acme")).PUT(noBody());
      default -> throw new IllegalArgumentException(operation);
    };
  }

  private HttpResponse<String> call(String user, HttpRequest.Builder request)
      throws IOException, InterruptedException {
    if (!user.equals("-")) {
      request.header("Authorization", basic(user, user + "-pw"));
    }
    return CLIENT.send(
        request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private static HttpRequest.BodyPublisher noBody() {
    return HttpRequest.BodyPublishers.noBody();
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
