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
import java.util.Base64;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The sample's two accounts over real HTTP on a random loopback port: acct-acme (ws-acme-prod,
 * ws-acme-dev, whose members are VIEWER by default, and the custom role acme-deployer) and
 * acct-globex (ws-globex). The users are in {@link SecurityConfiguration}, their roles in the
 * database ({@link Accounts}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HttpAccountsTest {
  private static final String ACME_PROD = "/api/accounts/acct-acme/workspaces/ws-acme-prod";
  private static final String ACME_DEV = "/api/accounts/acct-acme/workspaces/ws-acme-dev";
  private static final String GLOBEX = "/api/accounts/acct-globex/workspaces/ws-globex";
  private static final String ACCESS_DENIED = "\"type\":\"urn:rolegate:problem:access-denied\"";
  private static final String OUTSIDE =
      "\"type\":\"urn:rolegate:problem:workspace-outside-account\"";
  private static final String INVALID = "\"type\":\"urn:rolegate:problem:invalid-principal\"";

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @LocalServerPort int port;
  @Autowired CountingTransactionManager transactions;
  @Autowired DataSource dataSource;

  @Test
  void acmeAdmin_isOwnerInAcmesWorkspaces_butDeniedInGlobexs() throws Exception {
    assertThat(call("admin", delete(ACME_DEV + "/deployments/d-none")).statusCode()).isEqualTo(200);
    HttpResponse<String> globex = call("admin", delete(GLOBEX + "/deployments/d-globex"));
    assertThat(globex.statusCode()).isEqualTo(403);
    assertThat(globex.body())
        .contains(ACCESS_DENIED)
        .contains("\"workspace\":\"ws-globex\"")
        .contains("in workspace ws-globex, which the caller does not hold")
        // Not a member there: the denial does not say which account owns the workspace.
        .contains("\"account\":null");
    assertThat(call("globex", get(GLOBEX + "/deployments")).body()).contains("d-globex");
  }

  @Test
  void globexMember_getsNothingFromAnAcmeWorkspacesDefaultRole() throws Exception {
    assertThat(call("member", get(ACME_DEV + "/deployments")).statusCode()).isEqualTo(200);
    HttpResponse<String> response = call("globex", get(ACME_DEV + "/deployments"));
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body())
        .contains(ACCESS_DENIED)
        .contains("\"permissions\":[\"VIEW_DEPLOYMENTS\"]")
        .doesNotContain("\"account\":\"acct-acme\"");
  }

  @Test
  void onePersonInBothAccounts_hasEachAccountsRoleThere() throws Exception {
    // ADMIN of acme: edits acme's settings; MEMBER of globex: reads globex's, edits nothing.
    assertThat(call("both", put("/api/accounts/acct-acme/settings?name=Acme")).statusCode())
        .isEqualTo(200);
    assertThat(call("both", get("/api/accounts/acct-globex/settings")).body())
        .isEqualTo("{\"name\":\"Globex\"}");
    HttpResponse<String> edit = call("both", put("/api/accounts/acct-globex/settings?name=Mine"));
    assertThat(edit.statusCode()).isEqualTo(403);
    assertThat(edit.body())
        .contains(ACCESS_DENIED)
        .contains("\"account\":\"acct-globex\"")
        .contains(
            "AccountSettings.rename requires EDIT_ACCOUNT_SETTINGS in account acct-globex, which"
                + " the caller does not hold there");
    assertThat(call("both", get("/api/accounts/acct-globex/settings")).body())
        .isEqualTo("{\"name\":\"Globex\"}");
  }

  @Test
  void accountIdArgument_membersOfTheNamedAccount_onlyForItsMembers() throws Exception {
    assertThat(call("both", get("/api/accounts/acct-globex/members")).body())
        .contains("{\"principal\":\"globex\",\"kind\":\"USER\",\"role\":\"MEMBER\"}")
        .contains("{\"principal\":\"globex-owner\",\"kind\":\"USER\",\"role\":\"OWNER\"}")
        .doesNotContain("\"owner\"");
    HttpResponse<String> response = call("globex", get("/api/accounts/acct-acme/members"));
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("\"account\":\"acct-acme\"");
  }

  @Test
  void customRoleOfAcme_holdsInAcme() throws Exception {
    assertThat(call("deployer", put(ACME_PROD + "/deployments/d-deployer?name=x")).statusCode())
        .isEqualTo(200);
    assertThat(call("deployer", delete(ACME_PROD + "/deployments/d-deployer")).statusCode())
        .isEqualTo(403);
  }

  /**
   * 401, not 403: a row written by another tool gives acme's custom role in globex's workspace, a
   * role that does not exist there, so the database describes no valid principal and the store
   * refuses it before anything runs; a 403 would suggest a principal with that role exists and
   * merely lacks a permission.
   */
  @Test
  void customRoleOfAcme_inGlobexsWorkspace_isRefused_401() throws Exception {
    ForeignRows.contractor(dataSource);
    HttpResponse<String> response = call("contractor", get(GLOBEX + "/deployments"));
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body())
        .contains(INVALID)
        .contains(
            "workspace role \\\"acme-deployer\\\" is neither a role of matrix Prefect Cloud nor a"
                + " custom role of account \\\"acct-globex\\\"");
    assertThat(call("deployer", put(ACME_PROD + "/deployments/d-dep2?name=x")).statusCode())
        .isEqualTo(200);
  }

  /**
   * A service account of acme that another tool made a member of globex, DEVELOPER in its
   * workspace: no valid principal (a service account belongs to its own account only), refused with
   * 401, never allowed.
   */
  @Test
  void serviceAccountOfAcme_withARoleInGlobexsWorkspace_isRefused_401() throws Exception {
    ForeignRows.ciBot(dataSource);
    HttpResponse<String> response = call("acct-acme/ci-bot", get(GLOBEX + "/deployments"));
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).contains(INVALID);
    assertThat(response.body()).contains("do not form a valid principal");
    assertThat(call("acct-acme/worker", get(ACME_PROD + "/deployments")).statusCode())
        .isEqualTo(200);
  }

  @Test
  void unknownWorkspace_403() throws Exception {
    HttpResponse<String> response =
        call("owner", get("/api/accounts/acct-acme/workspaces/ws-nowhere/deployments"));
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains(OUTSIDE).contains("\"workspace\":\"ws-nowhere\"");
  }

  @Test
  void workspaceOfTheOtherAccount_403_fromTheFilter_controllerNotCalled() throws Exception {
    // globex is DEVELOPER in ws-globex: the guard alone would let it save there. The path says the
    // workspace is acme's, which it is not: the filter refuses before the controller runs.
    int begun = transactions.begun.get();
    HttpResponse<String> response =
        call(
            "globex",
            put("/api/accounts/acct-acme/workspaces/ws-globex/deployments/d-sneak?name=x"));
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(response.body())
        .contains(OUTSIDE)
        .contains(
            "the path names workspace \\\"ws-globex\\\", which is not a workspace of account"
                + " \\\"acct-acme\\\"");
    assertThat(transactions.begun.get()).isEqualTo(begun);
    assertThat(call("globex", get(GLOBEX + "/deployments")).body()).doesNotContain("d-sneak");
  }

  private HttpRequest.Builder get(String path) {
    return HttpRequest.newBuilder(uri(path)).GET();
  }

  private HttpRequest.Builder put(String path) {
    return HttpRequest.newBuilder(uri(path)).PUT(HttpRequest.BodyPublishers.noBody());
  }

  private HttpRequest.Builder delete(String path) {
    return HttpRequest.newBuilder(uri(path)).DELETE();
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private static HttpResponse<String> call(String user, HttpRequest.Builder request)
      throws IOException, InterruptedException {
    String credentials = user + ":" + user + "-pw";
    request.header(
        "Authorization",
        "Basic "
            + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    return CLIENT.send(
        request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
