package dev.rolegate.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A resource server whose JWT authentication converter returns, for some tokens, an authentication
 * whose principal is not the {@code Jwt}: the token's claims (ADMIN of acme) then give no role, and
 * the starter logs a warning naming the fix; the same token converted to a {@code
 * JwtAuthenticationToken} is acme's ADMIN.
 */
@SpringBootTest(classes = {WebTestApplication.class, JwtConverterWebTest.ResourceServer.class})
@AutoConfigureMockMvc
class JwtConverterWebTest {
  @Autowired MockMvc mvc;

  @Test
  void converterWithAnotherPrincipal_losesTheClaims_andIsWarnedAbout() throws Exception {
    List<LogRecord> logged;
    try (StarterLog log = StarterLog.capture()) {
      logged = log.records();
      mvc.perform(get("/api/accounts/acme/members").header("Authorization", "Bearer jwt-token"))
          .andExpect(status().isOk());
      assertThat(logged).isEmpty();
      mvc.perform(get("/api/accounts/acme/members").header("Authorization", "Bearer custom-token"))
          .andExpect(status().isForbidden())
          .andExpect(content().string(containsString("urn:rolegate:problem:access-denied")));
    }
    assertThat(logged)
        .singleElement()
        .satisfies(
            record -> {
              assertThat(record.getLevel()).isEqualTo(Level.WARNING);
              assertThat(record.getMessage())
                  .contains(
                      "with a principal of type " + CustomUser.class.getName() + ", not a Jwt")
                  .contains("new JwtAuthenticationToken(jwt, authorities, name)");
            });
  }

  /** An application's own user type. */
  record CustomUser(String name) {}

  /** A resource server for {@code /api/**}, every token decoded to acme's ADMIN. */
  @TestConfiguration(proxyBeanMethods = false)
  static class ResourceServer {
    @Bean
    @Order(0)
    SecurityFilterChain resourceServerChain(HttpSecurity http) throws Exception {
      return http.securityMatcher("/api/**")
          .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
          .oauth2ResourceServer(
              server ->
                  server.jwt(
                      jwt ->
                          jwt.decoder(ResourceServer::decode)
                              .jwtAuthenticationConverter(ResourceServer::convert)))
          .csrf(csrf -> csrf.disable())
          .build();
    }

    private static Jwt decode(String token) {
      return Jwt.withTokenValue(token)
          .header("alg", "none")
          .subject("bob")
          .claim("accounts", Map.of("acme", "ADMIN"))
          .build();
    }

    /** Returns a JwtAuthenticationToken for {@code jwt-token}, the application's own otherwise. */
    private static AbstractAuthenticationToken convert(Jwt jwt) {
      if (jwt.getTokenValue().equals("jwt-token")) {
        return new JwtAuthenticationToken(jwt, List.of(), jwt.getSubject());
      }
      return UsernamePasswordAuthenticationToken.authenticated(
          new CustomUser(jwt.getSubject()), jwt, List.of());
    }
  }
}
