package dev.rolegate.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolegate.runtime.AccountDirectory;
import dev.rolegate.runtime.Matrix;
import dev.rolegate.runtime.Principal;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * A custom JWT authentication converter whose token's principal is not a {@code Jwt} loses every
 * role the claims give: the resolver says so, loudly and once per kind of authentication.
 */
class JwtConverterWarningTest {
  private final SecurityContextPrincipalResolver resolver =
      new SecurityContextPrincipalResolver(
          new DefaultPrincipalMapper(
              Matrix.load(), AccountDirectory.singleAccount("acme"), "acme", null, List.of()));
  private StarterLog log;
  private List<LogRecord> logged;

  @BeforeEach
  void capture() {
    log = StarterLog.capture();
    logged = log.records();
  }

  @AfterEach
  void release() {
    log.close();
    SecurityContextHolder.clearContext();
  }

  /** What a converter returning its own user object makes of a token granting acme's ADMIN. */
  private static Authentication converted(String... authorities) {
    return UsernamePasswordAuthenticationToken.authenticated(
        new CustomUser("bob"), jwt(), AuthorityUtils.createAuthorityList(authorities));
  }

  private static Jwt jwt() {
    return Jwt.withTokenValue("token")
        .header("alg", "none")
        .subject("bob")
        .claim("account_role", "ADMIN")
        .build();
  }

  private static MockHttpServletRequest bearer() {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/x");
    request.addHeader("Authorization", "Bearer token");
    return request;
  }

  private Principal resolve(Authentication authentication, MockHttpServletRequest request) {
    SecurityContextHolder.getContext().setAuthentication(authentication);
    return resolver.resolve(request);
  }

  @Test
  void converterWithAnotherPrincipal_warnsOnce_namingTheFix() {
    Principal first = resolve(converted("SCOPE_read"), bearer());
    Principal second = resolve(converted("SCOPE_read"), bearer());
    // The claims' ADMIN is lost: the caller is the single account's MEMBER.
    assertThat(first.accountRole("acme").name()).isEqualTo("MEMBER");
    assertThat(second.accountRole("acme").name()).isEqualTo("MEMBER");
    assertThat(logged)
        .singleElement()
        .satisfies(
            record -> {
              assertThat(record.getLevel()).isEqualTo(Level.WARNING);
              assertThat(record.getMessage())
                  .contains(
                      "a bearer-token request is authenticated as a"
                          + " org.springframework.security.authentication.UsernamePasswordAuthenticationToken"
                          + " with a principal of type "
                          + CustomUser.class.getName()
                          + ", not a Jwt")
                  .contains("this token's claims give no role")
                  .contains("new JwtAuthenticationToken(jwt, authorities, name)")
                  .contains("declare your own PrincipalMapper bean");
            });
  }

  @Test
  void jwtPrincipal_noWarning_andTheClaimsCount() {
    Principal principal =
        resolve(
            new JwtAuthenticationToken(jwt(), AuthorityUtils.createAuthorityList("SCOPE_read")),
            bearer());
    assertThat(principal.accountRole("acme").name()).isEqualTo("ADMIN");
    assertThat(logged).isEmpty();
  }

  @Test
  void converterMappingTheClaimsToAuthorities_noWarning() {
    Principal principal = resolve(converted("account:ADMIN"), bearer());
    assertThat(principal.accountRole("acme").name()).isEqualTo("ADMIN");
    assertThat(logged).isEmpty();
  }

  @Test
  void noBearerToken_noWarning() {
    resolve(converted("ROLE_USER"), new MockHttpServletRequest("GET", "/x"));
    assertThat(logged).isEmpty();
  }

  @Test
  void ownMapper_noWarning() {
    SecurityContextPrincipalResolver own =
        new SecurityContextPrincipalResolver(authentication -> null);
    SecurityContextHolder.getContext().setAuthentication(converted("SCOPE_read"));
    assertThat(own.resolve(bearer())).isNull();
    assertThat(logged).isEmpty();
  }

  /** An application's own user type, as a custom converter might return. */
  record CustomUser(String name) {}
}
