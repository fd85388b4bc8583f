package dev.rolegate.spring.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The sample's administration API over real HTTP on a loopback port, as each role: who may change
 * memberships, the refusals of the services (escalation, the last OWNER), bad input, and that a
 * change holds from the next request. Every refusal is read back: nothing was written. Run on H2
 * ({@link HttpAdminH2Test}) and on a real PostgreSQL server ({@link HttpAdminPostgresTest}), each
 * with a database of its own.
 */
abstract class AdminHttpTests {
  private static final String ACME = "/api/accounts/acct-acme";
  private static final String PROD = ACME + "/workspaces/ws-acme-prod";
  private static final String ACCESS_DENIED = "\"type\":\"urn:rolegate:problem:access-denied\"";

  @LocalServerPort int port;
  @Autowired DataSource dataSource;

  SampleHttp http;

  @BeforeEach
  void client() {
    http = new SampleHttp(port);
  }

  @Test
  void addMember_accountOwnerAndAdmin_yes_everyoneElse_403() throws Exception {
    for (String user : new String[] {"owner", "admin"}) {
      HttpResponse<String> added =
          http.post(user, ACME + "/members", member("hire-by-" + user, "MEMBER"));
      assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
      assertThat(added.body())
          .isEqualTo(
              "{\"principal\":\"hire-by-" + user + "\",\"kind\":\"USER\",\"role\":\"MEMBER\"}");
    }
    for (String user :
        new String[] {
          "member", "ws-owner", "developer", "runner", "viewer", "acct-acme/worker", "globex"
        }) {
      HttpResponse<String> refused =
          http.post(user, ACME + "/members", member("hire-by-" + user, "MEMBER"));
      assertThat(refused.statusCode()).as(user).isEqualTo(403);
      assertThat(refused.body())
          .contains(ACCESS_DENIED)
          .contains("\"permissions\":[\"MANAGE_ACCOUNT_MEMBERS\"]");
    }
    String members = http.get("owner", ACME + "/members").body();
    assertThat(members).contains("hire-by-owner").contains("hire-by-admin");
    assertThat(rows("rolegate_account_member where principal_id like 'hire-by-%'")).isEqualTo(2);
  }

  @Test
  void setDefaultRole_workspaceOwnerAndAccountAdmin_yes_developerAndViewer_403() throws Exception {
    try {
      for (String user :
          new String[] {"developer", "runner", "viewer", "member", "acct-acme/worker"}) {
        HttpResponse<String> refused = http.put(user, PROD + "/default-role", role("VIEWER"));
        assertThat(refused.statusCode()).as(user).isEqualTo(403);
        assertThat(refused.body())
            .contains(ACCESS_DENIED)
            .contains("\"permissions\":[\"SET_DEFAULT_WORKSPACE_ROLE\"]");
      }
      assertThat(http.get("owner", PROD + "/default-role").body()).contains("\"defaultRole\":null");
      HttpResponse<String> byWorkspaceOwner =
          http.put("ws-owner", PROD + "/default-role", role("VIEWER"));
      assertThat(byWorkspaceOwner.statusCode()).as(byWorkspaceOwner.body()).isEqualTo(200);
      assertThat(byWorkspaceOwner.body())
          .isEqualTo(
              "{\"id\":\"ws-acme-prod\",\"account\":\"acct-acme\",\"defaultRole\":\"VIEWER\"}");
      assertThat(http.put("admin", PROD + "/default-role", role("RUNNER")).statusCode())
          .isEqualTo(200);
      assertThat(http.get("member", PROD + "/default-role").body())
          .contains("\"defaultRole\":\"RUNNER\"");
    } finally {
      assertThat(http.put("owner", PROD + "/default-role", "{\"role\":null}").statusCode())
          .isEqualTo(200);
    }
    assertThat(http.get("owner", PROD + "/default-role").body()).contains("\"defaultRole\":null");
  }

  @Test
  void createServiceAccount_ownerAndAdmin_yes_member_403() throws Exception {
    HttpResponse<String> created = http.post("admin", ACME + "/service-accounts", bot("admin"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(created.body())
        .isEqualTo(
            "{\"id\":\"acct-acme/bot-by-admin\",\"account\":\"acct-acme\",\"role\":\"MEMBER\"}");
    assertThat(http.post("owner", ACME + "/service-accounts", bot("owner")).statusCode())
        .isEqualTo(201);
    for (String user : new String[] {"member", "developer", "ws-owner", "acct-acme/worker"}) {
      HttpResponse<String> refused = http.post(user, ACME + "/service-accounts", bot(user));
      assertThat(refused.statusCode()).as(user).isEqualTo(403);
      assertThat(refused.body())
          .contains(ACCESS_DENIED)
          .contains("\"permissions\":[\"MANAGE_SERVICE_ACCOUNTS\"]");
    }
    assertThat(http.get("admin", ACME + "/service-accounts").body())
        .contains("bot-by-admin")
        .contains("bot-by-owner")
        .contains("\"acct-acme/worker\"");
    assertThat(rows("rolegate_principal where id like 'acct-acme/bot-by-%'")).isEqualTo(2);
    assertThat(http.delete("owner", ACME + "/service-accounts/bot-by-owner").statusCode())
        .isEqualTo(204);
    assertThat(rows("rolegate_principal where id like 'acct-acme/bot-by-%'")).isEqualTo(1);
  }

  @Test
  void adminMakingSomeoneOwner_403_escalation_nothingWritten() throws Exception {
    HttpResponse<String> promote = http.put("admin", ACME + "/members/member", role("OWNER"));
    assertThat(promote.statusCode()).isEqualTo(403);
    assertThat(promote.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(promote.body())
        .contains("\"type\":\"urn:rolegate:problem:membership:escalation\"")
        .contains("\"reason\":\"ESCALATION\"")
        .contains("OWNER");
    HttpResponse<String> add = http.post("admin", ACME + "/members", member("new-owner", "OWNER"));
    assertThat(add.statusCode()).isEqualTo(403);
    assertThat(add.body()).contains("\"type\":\"urn:rolegate:problem:membership:escalation\"");
    HttpResponse<String> demote = http.put("admin", ACME + "/members/owner", role("MEMBER"));
    assertThat(demote.statusCode()).isEqualTo(403);
    assertThat(demote.body()).contains("urn:rolegate:problem:membership:escalation");

    assertThat(role("acct-acme", "member")).isEqualTo("MEMBER");
    assertThat(role("acct-acme", "owner")).isEqualTo("OWNER");
    assertThat(rows("rolegate_principal where id = 'new-owner'")).isZero();
  }

  @Test
  void removingOrDemotingTheLastOwner_409_nothingWritten() throws Exception {
    HttpResponse<String> removed =
        http.delete("globex-owner", "/api/accounts/acct-globex/members/globex-owner");
    assertThat(removed.statusCode()).isEqualTo(409);
    assertThat(removed.body())
        .contains("\"type\":\"urn:rolegate:problem:membership:last-owner\"")
        .contains("\"reason\":\"LAST_OWNER\"");
    HttpResponse<String> demoted =
        http.put("globex-owner", "/api/accounts/acct-globex/members/globex-owner", role("ADMIN"));
    assertThat(demoted.statusCode()).isEqualTo(409);
    assertThat(demoted.body()).contains("urn:rolegate:problem:membership:last-owner");
    assertThat(role("acct-globex", "globex-owner")).isEqualTo("OWNER");
  }

  @Test
  void unknownRole_400_nothingWritten() throws Exception {
    HttpResponse<String> response =
        http.post("owner", ACME + "/members", member("typo-hire", "Admin"));
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .contains("\"type\":\"urn:rolegate:problem:membership:unknown-role\"")
        .contains("Admin");
    HttpResponse<String> workspaceRole =
        http.put("owner", PROD + "/members/member", role("SUPERUSER"));
    assertThat(workspaceRole.statusCode()).isEqualTo(400);
    assertThat(workspaceRole.body()).contains("SUPERUSER");
    assertThat(rows("rolegate_principal where id = 'typo-hire'")).isZero();
    assertThat(rows("rolegate_workspace_member where principal_id = 'member'")).isZero();
  }

  @Test
  void sqlMetacharacters_400_invalidName_nothingWritten_tablesIntact() throws Exception {
    int members = rows("rolegate_account_member");
    String hostile = "x'; drop table rolegate_account; --";
    HttpResponse<String> response =
        http.post("owner", ACME + "/members", member(hostile, "MEMBER"));
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .contains("\"type\":\"urn:rolegate:problem:membership:invalid-name\"")
        .contains("letters, digits and");
    HttpResponse<String> workspace =
        http.post("owner", ACME + "/workspaces", "{\"id\":\"" + hostile + "\"}");
    assertThat(workspace.statusCode()).isEqualTo(400);
    assertThat(workspace.body()).contains("urn:rolegate:problem:membership:invalid-name");
    assertThat(rows("rolegate_account")).isEqualTo(2);
    assertThat(rows("rolegate_account_member")).isEqualTo(members);
  }

  @Test
  void tenThousandCharacterName_400_sayingTheLength_notEchoingIt() throws Exception {
    int members = rows("rolegate_account_member");
    String longName = "a".repeat(10_000);
    HttpResponse<String> response =
        http.post("owner", ACME + "/members", member(longName, "MEMBER"));
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .contains("urn:rolegate:problem:membership:invalid-name")
        .contains("10000 characters long, more than 200")
        .doesNotContain("a".repeat(300));
    assertThat(rows("rolegate_account_member")).isEqualTo(members);
  }

  @Test
  void duplicateMember_409_nothingWritten() throws Exception {
    HttpResponse<String> response =
        http.post("owner", ACME + "/members", member("admin", "MEMBER"));
    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(response.body())
        .contains("\"type\":\"urn:rolegate:problem:membership:duplicate\"")
        .contains("admin");
    assertThat(role("acct-acme", "admin")).isEqualTo("ADMIN");
  }

  @Test
  void workspaceOfAnotherAccount_403_nothingWritten() throws Exception {
    // both is ADMIN of acme, and acme's path names globex's workspace: refused before the service.
    HttpResponse<String> response =
        http.put("both", ACME + "/workspaces/ws-globex/members/both", role("OWNER"));
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body())
        .contains("\"type\":\"urn:rolegate:problem:workspace-outside-account\"")
        .contains("is not a workspace of account");
    HttpResponse<String> viaGlobex =
        http.put(
            "both", "/api/accounts/acct-globex/workspaces/ws-globex/members/both", role("OWNER"));
    assertThat(viaGlobex.statusCode()).isEqualTo(403);
    assertThat(viaGlobex.body()).contains(ACCESS_DENIED);
    // A workspace role only for a member of the workspace's account.
    HttpResponse<String> notMember = http.put("owner", PROD + "/members/globex", role("VIEWER"));
    assertThat(notMember.statusCode()).isEqualTo(409);
    assertThat(notMember.body()).contains("urn:rolegate:problem:membership:not-a-member");
    HttpResponse<String> taken = http.post("owner", ACME + "/workspaces", "{\"id\":\"ws-globex\"}");
    assertThat(taken.statusCode()).isEqualTo(409);
    assertThat(taken.body()).contains("urn:rolegate:problem:membership:duplicate");
    assertThat(rows("rolegate_workspace_member where workspace_id = 'ws-globex'")).isEqualTo(1);
    assertThat(rows("rolegate_workspace_member where principal_id = 'globex'")).isEqualTo(1);
    assertThat(rows("rolegate_workspace where account_id = 'acct-acme'")).isEqualTo(2);
  }

  @Test
  void revokedRole_theNextRequestIsDenied_grantedAgain_allowed() throws Exception {
    String run = PROD + "/deployments/d-etl/runs";
    assertThat(http.post("runner", run, "").statusCode()).isEqualTo(200);
    try {
      assertThat(http.delete("ws-owner", PROD + "/members/runner").statusCode()).isEqualTo(204);
      HttpResponse<String> denied = http.post("runner", run, "");
      assertThat(denied.statusCode()).isEqualTo(403);
      assertThat(denied.body()).contains(ACCESS_DENIED);
    } finally {
      assertThat(http.put("ws-owner", PROD + "/members/runner", role("RUNNER")).statusCode())
          .isEqualTo(200);
    }
    assertThat(http.post("runner", run, "").statusCode()).isEqualTo(200);
    assertThat(http.get("ws-owner", PROD + "/members").body())
        .contains("{\"principal\":\"runner\",\"kind\":\"USER\",\"role\":\"RUNNER\"}")
        .contains(
            "{\"principal\":\"acct-acme/worker\",\"kind\":\"SERVICE_ACCOUNT\",\"role\":\"WORKER\"}");
  }

  private static String member(String user, String role) {
    return "{\"user\":\"" + user + "\",\"role\":\"" + role + "\"}";
  }

  private static String bot(String by) {
    return "{\"name\":\"bot-by-" + by + "\",\"role\":\"MEMBER\"}";
  }

  private static String role(String role) {
    return "{\"role\":\"" + role + "\"}";
  }

  /** The stored account role of {@code principal} in {@code account}, or null. */
  private String role(String account, String principal) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        var statement =
            connection.prepareStatement(
                "select role from rolegate_account_member"
                    + " where account_id = ? and principal_id = ?")) {
      statement.setString(1, account);
      statement.setString(2, principal);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? rows.getString(1) : null;
      }
    }
  }

  /** Counts the rows of {@code from} ("table [where ...]", test constants only). */
  private int rows(String from) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select count(*) from " + from)) {
      rows.next();
      return rows.getInt(1);
    }
  }
}
