package dev.rolegate.spring;

import static dev.rolegate.spring.PrincipalFilters.chainRecording;
import static dev.rolegate.spring.PrincipalFilters.filterOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rolegate.prefect.WorkspaceRoles;
import dev.rolegate.runtime.AccountDirectory;
import dev.rolegate.runtime.CurrentPrincipal;
import dev.rolegate.runtime.InMemoryAccountDirectory;
import dev.rolegate.runtime.Principal;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;

/** Which beans the web auto-configuration declares, with and without Spring Security. */
class WebAutoConfigurationTest {
  /** The auto-configurations alone, with no account directory. */
  private final WebApplicationContextRunner bare =
      new WebApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  RolegateAutoConfiguration.class, RolegateWebAutoConfiguration.class));

  /** The auto-configurations for the single account acme. */
  private final WebApplicationContextRunner runner =
      bare.withPropertyValues("rolegate.single-account=acme");

  @Test
  void singleAccountProperty_givesTheSingleAccountDirectory() {
    runner.run(
        context -> {
          AccountDirectory directory = context.getBean(AccountDirectory.class);
          assertThat(directory.accountOf("any-workspace")).isEqualTo("acme");
          Principal mapped =
              context
                  .getBean(PrincipalMapper.class)
                  .map(
                      UsernamePasswordAuthenticationToken.authenticated(
                          "alice", "n/a", AuthorityUtils.createAuthorityList("account:ADMIN")));
          assertThat(mapped.directory()).isSameAs(directory);
          assertThat(mapped.accountRole("acme").name()).isEqualTo("ADMIN");
        });
  }

  @Test
  void applicationDirectory_isTheOneUsed() {
    InMemoryAccountDirectory mine = new InMemoryAccountDirectory().add("acct-a", "ws-1");
    bare.withBean(AccountDirectory.class, () -> mine)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(AccountDirectory.class)).isSameAs(mine);
              Principal mapped =
                  context
                      .getBean(PrincipalMapper.class)
                      .map(
                          UsernamePasswordAuthenticationToken.authenticated(
                              "alice",
                              "n/a",
                              AuthorityUtils.createAuthorityList("account:acct-a:OWNER")));
              assertThat(mapped.directory()).isSameAs(mine);
            });
  }

  @Test
  void singleAccountPropertyAndADirectoryOfTheApplication_failStartup() {
    InMemoryAccountDirectory mine =
        new InMemoryAccountDirectory().add("acct-a", "ws-1").add("acct-b", "ws-2");
    bare.withPropertyValues("rolegate.single-account=acct-a")
        .withBean(AccountDirectory.class, () -> mine)
        .run(
            context -> {
              assertStartupFailure(context)
                  .hasMessage(
                      "rolegate.single-account is set, and the application declares its own"
                          + " AccountDirectory (dev.rolegate.runtime.InMemoryAccountDirectory): a"
                          + " single-account application sets the property alone; with a"
                          + " directory of your own, remove the property and name each caller's"
                          + " accounts in its credentials (account:<account id>:<ROLE>, or the"
                          + " claim accounts)");
            });
  }

  @Test
  void noDirectory_failsStartup_namingBothWays() {
    bare.run(
        context -> {
          assertStartupFailure(context)
              .hasMessage(
                  "rolegate needs an AccountDirectory, which says the account of each"
                      + " workspace: declare a bean of type dev.rolegate.runtime.AccountDirectory"
                      + " (an InMemoryAccountDirectory, or one over your data), or, in an"
                      + " application with one account, set the property"
                      + " rolegate.single-account=<account id>");
        });
  }

  @Test
  void singleAccountThatCannotBeShown_failsStartup() {
    runner
        .withPropertyValues("rolegate.single-account= ")
        .run(
            context -> {
              assertStartupFailure(context)
                  .hasMessageContaining("an account id may not be empty or blank");
            });
  }

  @Test
  void withSecurity_defaultMapperAndSecurityContextResolver() {
    runner.run(
        context -> {
          assertThat(context).hasSingleBean(DefaultPrincipalMapper.class);
          assertThat(context)
              .getBean(PrincipalResolver.class)
              .isInstanceOf(SecurityContextPrincipalResolver.class);
          assertThat(context).hasBean("rolegatePrincipalFilter");
          assertThat(context).hasSingleBean(RolegateExceptionHandler.class);
        });
  }

  @Test
  void applicationMapper_replacesTheDefault() {
    PrincipalMapper mine = authentication -> null;
    runner
        .withBean(PrincipalMapper.class, () -> mine)
        .run(
            context -> {
              assertThat(context).doesNotHaveBean(DefaultPrincipalMapper.class);
              assertThat(context.getBean(PrincipalMapper.class)).isSameAs(mine);
            });
  }

  @Test
  void withSecurityWeb_declaresTheEntryPoint_answering401Problem() throws Exception {
    runner.run(
        context -> {
          assertThat(context).hasSingleBean(RolegateAuthenticationEntryPoint.class);
          MockHttpServletRequest request = new MockHttpServletRequest("GET", "/x");
          MockHttpServletResponse response = new MockHttpServletResponse();
          context
              .getBean(RolegateAuthenticationEntryPoint.class)
              .commence(request, response, new BadCredentialsException("token abc"));
          assertThat(response.getStatus()).isEqualTo(401);
          assertThat(response.getHeader("WWW-Authenticate")).isNull();
          assertThat(response.getContentAsString())
              .contains("\"type\":\"urn:rolegate:problem:unauthenticated\"")
              .doesNotContain("token abc");
        });
  }

  @Test
  void withoutSecurityWeb_noEntryPoint() {
    runner
        .withClassLoader(new FilteredClassLoader(AuthenticationEntryPoint.class))
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean(RolegateAuthenticationEntryPoint.class);
            });
  }

  @Test
  void withoutSecurity_noResolver_noFilter() {
    runner
        .withClassLoader(new FilteredClassLoader(SecurityContextHolder.class))
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean(PrincipalMapper.class);
              assertThat(context).doesNotHaveBean(PrincipalResolver.class);
              assertThat(context).doesNotHaveBean("rolegatePrincipalFilter");
              assertThat(context).hasSingleBean(RolegateExceptionHandler.class);
            });
  }

  @Test
  void withoutSecurity_applicationResolver_bindsItsPrincipalAndThePathWorkspace() throws Exception {
    Principal alice = Principals.in(WorkspaceRoles.VIEWER);
    PrincipalResolver resolver =
        request -> "alice".equals(request.getHeader("X-User")) ? alice : null;
    runner
        .withClassLoader(new FilteredClassLoader(SecurityContextHolder.class))
        .withBean(PrincipalResolver.class, () -> resolver)
        .run(
            context -> {
              PrincipalBindingFilter filter = filterOf(context);
              List<String> seen = new ArrayList<>();
              MockHttpServletRequest request =
                  new MockHttpServletRequest("GET", "/api/accounts/acme/workspaces/ws-1/flows");
              request.addHeader("X-User", "alice");
              filter.doFilter(request, new MockHttpServletResponse(), chainRecording(seen));
              MockHttpServletRequest anonymous =
                  new MockHttpServletRequest("GET", "/api/accounts/acme/workspaces/ws-1/flows");
              filter.doFilter(anonymous, new MockHttpServletResponse(), chainRecording(seen));
              MockHttpServletRequest accountOnly =
                  new MockHttpServletRequest("GET", "/api/accounts/acme/members");
              accountOnly.addHeader("X-User", "alice");
              filter.doFilter(accountOnly, new MockHttpServletResponse(), chainRecording(seen));
              MockHttpServletResponse outside = new MockHttpServletResponse();
              MockHttpServletRequest otherAccount =
                  new MockHttpServletRequest("GET", "/api/accounts/globex/workspaces/ws-1/flows");
              otherAccount.addHeader("X-User", "alice");
              filter.doFilter(otherAccount, outside, chainRecording(seen));
              assertThat(seen)
                  .containsExactly("alice@acme/ws-1", "nobody@-/nowhere", "alice@acme/nowhere");
              assertThat(outside.getStatus()).isEqualTo(HttpServletResponse.SC_FORBIDDEN);
              assertThat(outside.getContentAsString())
                  .contains("\"type\":\"urn:rolegate:problem:workspace-outside-account\"");
              assertThat(CurrentPrincipal.get()).isEmpty();
            });
  }

  @Test
  void workspacePath_isConfigurable() {
    runner
        .withPropertyValues(
            "rolegate.web.workspace-path=/v2/ws/{id}/**", "rolegate.web.workspace-variable=id")
        .run(
            context -> {
              WorkspacePath path = context.getBean(WorkspacePath.class);
              assertThat(path.workspace(new MockHttpServletRequest("GET", "/v2/ws/w-7/flows")))
                  .contains("w-7");
              assertThat(
                      path.workspace(
                          new MockHttpServletRequest("GET", "/api/accounts/a/workspaces/w-7/x")))
                  .isEmpty();
            });
  }

  @Test
  void accountPath_isConfigurable_andEmptyBindsNone() {
    runner
        .withPropertyValues(
            "rolegate.web.account-path=/v2/a/{id}/**", "rolegate.web.account-variable=id")
        .run(
            context -> {
              AccountPath path = context.getBean(AccountPath.class);
              assertThat(path.account(new MockHttpServletRequest("GET", "/v2/a/acct-7/x")))
                  .contains("acct-7");
              assertThat(path.account(new MockHttpServletRequest("GET", "/api/accounts/a/x")))
                  .isEmpty();
            });
    runner
        .withPropertyValues("rolegate.web.account-path=")
        .run(
            context ->
                assertThat(
                        context
                            .getBean(AccountPath.class)
                            .account(new MockHttpServletRequest("GET", "/api/accounts/a/x")))
                    .isEmpty());
    runner
        .withPropertyValues("rolegate.web.account-path=/v2/a/{id}/**")
        .run(
            context -> {
              assertStartupFailure(context)
                  .hasMessage(
                      "rolegate.web.account-path \"/v2/a/{id}/**\" has no variable {account}");
            });
  }

  @Test
  void workspacePath_withoutTheVariable_failsStartup() {
    runner
        .withPropertyValues("rolegate.web.workspace-path=/v2/ws/{id}/**")
        .run(
            context -> {
              assertStartupFailure(context).hasMessageContaining("has no variable {workspace}");
            });
  }

  @Test
  void resolverThatBreaks_isRefusedWith401_andTheChainNeverRuns() throws Exception {
    List<String> seen = new ArrayList<>();
    PrincipalBindingFilter filter =
        new PrincipalBindingFilter(
            request -> {
              throw new IllegalStateException("directory down, token=s3cr3t");
            },
            new WorkspacePath("/api/accounts/{account}/workspaces/{workspace}/**", "workspace"));
    MockHttpServletResponse response = new MockHttpServletResponse();
    List<LogRecord> logged;
    try (StarterLog log = StarterLog.capture()) {
      filter.doFilter(new MockHttpServletRequest("GET", "/x"), response, chainRecording(seen));
      logged = log.records();
    }
    assertThat(logged)
        .singleElement()
        .satisfies(
            record -> {
              assertThat(record.getLevel()).isEqualTo(Level.WARNING);
              assertThat(record.getMessage()).isEqualTo("resolving the principal failed");
              assertThat(record.getThrown()).isInstanceOf(IllegalStateException.class);
            });
    assertThat(seen).isEmpty();
    assertThat(response.getStatus()).isEqualTo(HttpServletResponse.SC_UNAUTHORIZED);
    assertThat(response.getContentType()).startsWith("application/problem+json");
    assertThat(response.getContentAsString())
        .contains("\"detail\":\"the request's principal could not be resolved\"")
        .doesNotContain("s3cr3t");
  }

  @Test
  void problemJson_escapesText() {
    assertThat(Problems.quote("a\"b\\c\nd\u0001")).isEqualTo("\"a\\\"b\\\\c\\nd\\u0001\"");
  }

  /**
   * Asserts that {@code context} failed to start; returns an assertion on the root cause of the
   * failure.
   */
  private static AbstractThrowableAssert<?, ? extends Throwable> assertStartupFailure(
      AssertableWebApplicationContext context) {
    assertThat(context).hasFailed();
    return assertThat(context.getStartupFailure()).rootCause();
  }
}
