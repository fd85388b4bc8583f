package dev.rolegate.spring;

import static dev.rolegate.spring.PrincipalFilters.chainRecording;
import static dev.rolegate.spring.PrincipalFilters.filterOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolegate.jdbc.AccountAdministration;
import dev.rolegate.jdbc.JdbcMembershipStore;
import dev.rolegate.jdbc.JdbcProvisioning;
import dev.rolegate.jdbc.MembershipException;
import dev.rolegate.jdbc.MembershipException.Reason;
import dev.rolegate.jdbc.WorkspaceAdministration;
import dev.rolegate.runtime.AccountDirectory;
import dev.rolegate.runtime.CurrentPrincipal;
import dev.rolegate.runtime.Matrix;
import dev.rolegate.runtime.Principal;
import dev.rolegate.runtime.PrincipalKind;
import jakarta.servlet.http.HttpServletResponse;
import java.io.UnsupportedEncodingException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.assertj.core.api.AbstractStringAssert;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.ContextConsumer;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The JDBC auto-configuration on H2: which beans it declares and when it backs off, and how a
 * request's principal is resolved from the database.
 */
class JdbcAutoConfigurationTest {
  private static final String WS_PATH = "/api/accounts/acme/workspaces/ws-1/flows";

  private final WebApplicationContextRunner runner =
      new WebApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  RolegateAutoConfiguration.class,
                  RolegateWebAutoConfiguration.class,
                  RolegateJdbcAutoConfiguration.class));

  @AfterEach
  void clearSecurityContext() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void withADataSource_theBeansAppear_andTheSchemaIsMigrated() {
    DataSource h2 = h2();
    onDatabase(h2)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).hasSingleBean(RolegateSchemaInitializer.class);
              assertThat(context).hasSingleBean(JdbcMembershipStore.class);
              assertThat(context).hasSingleBean(AccountAdministration.class);
              assertThat(context).hasSingleBean(WorkspaceAdministration.class);
              assertThat(context).hasSingleBean(MembershipExceptionHandler.class);
              assertThat(context.getBean(PrincipalResolver.class))
                  .isInstanceOf(JdbcPrincipalResolver.class);
              JdbcMembershipStore store = context.getBean(JdbcMembershipStore.class);
              assertThat(store.dataSource()).isSameAs(h2);
              assertThat(store.matrix()).isSameAs(context.getBean(Matrix.class));
              assertThat(context.getBean(AccountDirectory.class)).isSameAs(store.directory());
              assertThat(context.getBean(AccountAdministration.class).getClass().getSimpleName())
                  .isEqualTo("GuardedAccountAdministration");
              seed(store);
              assertThat(context.getBean(AccountDirectory.class).accountOf("ws-1"))
                  .isEqualTo("acme");
              assertThat(count(h2, "\"rolegate_schema_history\"")).isPositive();
            });
  }

  @Test
  void enabledFalse_backsOff_theCredentialsModeRemains() {
    DataSource h2 = h2();
    onDatabase(h2)
        .withPropertyValues("rolegate.jdbc.enabled=false", "rolegate.single-account=acme")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean(JdbcMembershipStore.class);
              assertThat(context).doesNotHaveBean(RolegateSchemaInitializer.class);
              assertThat(context).doesNotHaveBean(AccountAdministration.class);
              assertThat(context).doesNotHaveBean(MembershipExceptionHandler.class);
              assertThat(context.getBean(PrincipalResolver.class))
                  .isInstanceOf(SecurityContextPrincipalResolver.class);
              assertThat(context.getBean(AccountDirectory.class).accountOf("any"))
                  .isEqualTo("acme");
              assertThatThrownBy(() -> count(h2, "\"rolegate_schema_history\""))
                  .isInstanceOf(SQLException.class);
            });
  }

  @Test
  void withoutADataSource_backsOff() {
    runner
        .withPropertyValues("rolegate.single-account=acme")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean(JdbcMembershipStore.class);
              assertThat(context).doesNotHaveBean(WorkspaceAdministration.class);
              assertThat(context.getBean(PrincipalResolver.class))
                  .isInstanceOf(SecurityContextPrincipalResolver.class);
            });
  }

  @Test
  void withoutRolegateJdbc_backsOff() {
    DataSource h2 = h2();
    onDatabase(h2)
        .withClassLoader(new FilteredClassLoader(JdbcMembershipStore.class))
        .withPropertyValues("rolegate.single-account=acme")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean(RolegateSchemaInitializer.class);
              assertThat(context.getBean(PrincipalResolver.class))
                  .isInstanceOf(SecurityContextPrincipalResolver.class);
            });
  }

  @Test
  void migrateFalse_noInitializer_theSchemaIsTheApplicationsToMake() {
    DataSource h2 = h2();
    onDatabase(h2)
        .withPropertyValues("rolegate.jdbc.migrate=false")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean(RolegateSchemaInitializer.class);
              assertThat(context).hasSingleBean(JdbcMembershipStore.class);
              assertThatThrownBy(() -> count(h2, "\"rolegate_schema_history\""))
                  .isInstanceOf(SQLException.class);
            });
  }

  @Test
  void applicationBeans_replaceTheStarters() {
    DataSource h2 = h2();
    PrincipalResolver mine = request -> null;
    onDatabase(h2)
        .withBean(PrincipalResolver.class, () -> mine)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(PrincipalResolver.class)).isSameAs(mine);
              assertThat(context).hasSingleBean(JdbcMembershipStore.class);
            });
  }

  @Test
  void singleAccountProperty_withTheDatabase_failsStartup_sayingWhatToDo() {
    DataSource h2 = h2();
    onDatabase(h2)
        .withPropertyValues("rolegate.single-account=acme")
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(rootMessage(context.getStartupFailure()))
                  .contains(
                      "rolegate.single-account is set, and rolegate-jdbc's memberships are"
                          + " in use")
                  .contains("Remove rolegate.single-account, or set rolegate.jdbc.enabled=false");
            });
  }

  @Test
  void resolution_pathWorkspace_thenPathAccount_elseNoWorkspace() {
    DataSource h2 = h2();
    runSeeded(
        h2,
        context -> {
          PrincipalResolver resolver = context.getBean(PrincipalResolver.class);
          authenticate("bob");

          Principal inWorkspace = resolver.resolve(request(WS_PATH));
          assertThat(inWorkspace.id()).isEqualTo("bob");
          assertThat(inWorkspace.accountRole("acme").name()).isEqualTo("MEMBER");
          assertThat(inWorkspace.workspaceRole("ws-1").name()).isEqualTo("DEVELOPER");
          // Only what the request acts on is read: the workspace role in ws-2 is not.
          assertThat(inWorkspace.explicitWorkspaceRoles()).containsOnlyKeys("ws-1");

          Principal inAccount = resolver.resolve(request("/api/accounts/acme/members"));
          assertThat(inAccount.accountRole("acme").name()).isEqualTo("MEMBER");
          assertThat(inAccount.explicitWorkspaceRoles()).isEmpty();

          Principal nowhere = resolver.resolve(request("/api/ping"));
          assertThat(nowhere.id()).isEqualTo("bob");
          assertThat(nowhere.accounts()).isEmpty();
          assertThat(nowhere.explicitWorkspaceRoles()).isEmpty();

          authenticate("robot");
          Principal service = resolver.resolve(request("/api/ping"));
          assertThat(service.kind()).isEqualTo(PrincipalKind.SERVICE_ACCOUNT);
          assertThat(service.accountRole("acme").name()).isEqualTo("MEMBER");

          authenticate("stranger");
          Principal stranger = resolver.resolve(request(WS_PATH));
          assertThat(stranger.accounts()).isEmpty();
          assertThat(stranger.workspaceRole("ws-1")).isNull();
        });
  }

  @Test
  void credentialsAuthorities_areIgnored_theDatabaseDecides() {
    DataSource h2 = h2();
    runSeeded(
        h2,
        context -> {
          authenticate("bob", "account:acme:OWNER", "workspace:ws-1:OWNER");
          Principal bob = context.getBean(PrincipalResolver.class).resolve(request(WS_PATH));
          assertThat(bob.accountRole("acme").name()).isEqualTo("MEMBER");
          assertThat(bob.workspaceRole("ws-1").name()).isEqualTo("DEVELOPER");
        });
  }

  @Test
  void anonymousOrNoAuthentication_resolvesToNull() {
    DataSource h2 = h2();
    onDatabase(h2)
        .run(
            context -> {
              PrincipalResolver resolver = context.getBean(PrincipalResolver.class);
              assertThat(resolver.resolve(request(WS_PATH))).isNull();
              SecurityContextHolder.getContext()
                  .setAuthentication(
                      new AnonymousAuthenticationToken(
                          "key",
                          "anonymousUser",
                          AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
              assertThat(resolver.resolve(request(WS_PATH))).isNull();
            });
  }

  @Test
  void unknownStoredRole_andUnstorableName_areInvalidPrincipals_401() {
    DataSource h2 = h2();
    runSeeded(
        h2,
        context -> {
          // Written by another tool, with a role name the matrix lacks (case-sensitive).
          sql(
              h2,
              "update rolegate_workspace_member set role = 'Developer'"
                  + " where principal_id = 'bob' and workspace_id = 'ws-1'");
          PrincipalResolver resolver = context.getBean(PrincipalResolver.class);
          authenticate("bob");
          assertThatThrownBy(() -> resolver.resolve(request(WS_PATH)))
              .isInstanceOf(PrincipalMappingException.class)
              .hasMessageContaining("workspace role \"Developer\" is neither a role of matrix");
          authenticate("bob smith");
          assertThatThrownBy(() -> resolver.resolve(request(WS_PATH)))
              .isInstanceOf(PrincipalMappingException.class)
              .hasMessageContaining("a principal id \"bob smith\" has character \" \"");

          MockHttpServletResponse response = new MockHttpServletResponse();
          List<String> seen = new ArrayList<>();
          filterOf(context).doFilter(request(WS_PATH), response, chainRecording(seen));
          assertThat(seen).isEmpty();
          assertInvalidPrincipal(response);
        });
  }

  @Test
  void storeFailure_isRefused_401_neverAllowed() {
    DataSource h2 = h2();
    runSeeded(
        h2,
        context -> {
          authenticate("alice");
          PrincipalBindingFilter filter = filterOf(context);
          List<String> seen = new ArrayList<>();
          filter.doFilter(request(WS_PATH), new MockHttpServletResponse(), chainRecording(seen));
          assertThat(seen).containsExactly("alice@acme/ws-1");

          sql(h2, "drop table rolegate_workspace_member");
          MockHttpServletResponse response = new MockHttpServletResponse();
          filter.doFilter(request(WS_PATH), response, chainRecording(seen));
          assertThat(seen).containsExactly("alice@acme/ws-1");
          assertInvalidPrincipal(response)
              .contains("the request's principal could not be resolved")
              .doesNotContain("rolegate_workspace_member");
          assertThat(CurrentPrincipal.get()).isEmpty();
        });
  }

  @Test
  void membershipException_problemPerReason() {
    MembershipExceptionHandler handler = new MembershipExceptionHandler();
    ResponseEntity<ProblemDetail> escalation =
        handler.refused(new MembershipException(Reason.ESCALATION, "ADMIN cannot grant OWNER"));
    assertThat(escalation.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(escalation.getHeaders().getContentType().toString())
        .isEqualTo("application/problem+json");
    ProblemDetail body = escalation.getBody();
    assertThat(body.getType().toString()).isEqualTo("urn:rolegate:problem:membership:escalation");
    assertThat(body.getDetail()).isEqualTo("ADMIN cannot grant OWNER");
    assertThat(body.getProperties()).containsEntry("reason", "ESCALATION");

    assertThat(status(handler, Reason.INVALID_NAME)).isEqualTo(400);
    assertThat(status(handler, Reason.UNKNOWN_ROLE)).isEqualTo(400);
    assertThat(status(handler, Reason.NOT_FOUND)).isEqualTo(404);
    assertThat(status(handler, Reason.DUPLICATE)).isEqualTo(409);
    assertThat(status(handler, Reason.NOT_A_MEMBER)).isEqualTo(409);
    assertThat(status(handler, Reason.SERVICE_ACCOUNT)).isEqualTo(409);
    assertThat(status(handler, Reason.LAST_OWNER)).isEqualTo(409);
    assertThat(status(handler, Reason.ESCALATION)).isEqualTo(403);
    assertThat(status(handler, Reason.NOT_PERMITTED)).isEqualTo(403);
    assertThat(status(handler, Reason.STORE_FAILURE)).isEqualTo(503);
    assertThat(status(handler, Reason.INVALID_ROWS)).isEqualTo(500);
    assertThat(handler.refused(new MembershipException(Reason.LAST_OWNER, "x")).getBody().getType())
        .hasToString("urn:rolegate:problem:membership:last-owner");
    assertThat(Reason.values()).hasSize(11);
  }

  private static int status(MembershipExceptionHandler handler, Reason reason) {
    return handler.refused(new MembershipException(reason, "m")).getStatusCode().value();
  }

  /**
   * acme (owner alice) with workspaces ws-1 and ws-2; bob a MEMBER, DEVELOPER in ws-1 and VIEWER in
   * ws-2; robot a service account of acme.
   */
  private static void seed(JdbcMembershipStore store) {
    new JdbcProvisioning(store).createAccount("acme", "alice");
    sql(
        store.dataSource(),
        "insert into rolegate_workspace (id, account_id) values ('ws-1', 'acme')",
        "insert into rolegate_workspace (id, account_id) values ('ws-2', 'acme')",
        "insert into rolegate_principal (id, kind) values ('bob', 'USER')",
        "insert into rolegate_account_member values ('acme', 'bob', 'MEMBER')",
        "insert into rolegate_workspace_member values ('ws-1', 'acme', 'bob', 'DEVELOPER')",
        "insert into rolegate_workspace_member values ('ws-2', 'acme', 'bob', 'VIEWER')",
        "insert into rolegate_principal (id, kind, account_id)"
            + " values ('robot', 'SERVICE_ACCOUNT', 'acme')",
        "insert into rolegate_account_member values ('acme', 'robot', 'MEMBER')");
  }

  /** The runner with {@code h2} as the application's data source. */
  private WebApplicationContextRunner onDatabase(DataSource h2) {
    return runner.withBean(DataSource.class, () -> h2);
  }

  /** Runs {@code test} in a context on {@code h2}, its memberships {@link #seed seeded}. */
  private void runSeeded(DataSource h2, ContextConsumer<AssertableWebApplicationContext> test) {
    onDatabase(h2)
        .run(
            context -> {
              seed(context.getBean(JdbcMembershipStore.class));
              test.accept(context);
            });
  }

  /**
   * Asserts that {@code response} refused the request as 401 with the invalid-principal problem;
   * returns an assertion on its body for more.
   */
  private static AbstractStringAssert<?> assertInvalidPrincipal(MockHttpServletResponse response)
      throws UnsupportedEncodingException {
    assertThat(response.getStatus()).isEqualTo(HttpServletResponse.SC_UNAUTHORIZED);
    return assertThat(response.getContentAsString())
        .contains("\"type\":\"urn:rolegate:problem:invalid-principal\"");
  }

  private static DataSource h2() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:starter-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return h2;
  }

  private static void sql(DataSource dataSource, String... statements) {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int count(DataSource dataSource, String table) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        var rows = statement.executeQuery("select count(*) from " + table)) {
      rows.next();
      return rows.getInt(1);
    }
  }

  /** Authenticates {@code name} with {@code authorities} in the security context. */
  private static void authenticate(String name, String... authorities) {
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(
                name, "n/a", AuthorityUtils.createAuthorityList(authorities)));
  }

  private static MockHttpServletRequest request(String path) {
    return new MockHttpServletRequest("GET", path);
  }

  private static String rootMessage(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause.getMessage();
  }
}
