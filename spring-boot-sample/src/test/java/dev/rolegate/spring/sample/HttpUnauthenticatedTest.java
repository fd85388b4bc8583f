package dev.rolegate.spring.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolegate.spring.RolegateAuthenticationEntryPoint;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An anonymous caller, or one whose credentials fail, on a filter chain that requires
 * authentication ({@code anyRequest().authenticated()}) gets rolegate's 401 problem from the
 * starter's {@link RolegateAuthenticationEntryPoint}, the same type and title as a guarded call
 * without a principal answers, over real HTTP; the handler is not reached.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(HttpUnauthenticatedTest.AuthenticatedChain.class)
class HttpUnauthenticatedTest {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @LocalServerPort int port;
  @Autowired Probe probe;

  @Test
  void anonymous_onAnAuthenticatedChain_getsRolegates401() throws Exception {
    int reached = probe.reached.get();
    HttpResponse<String> response = call(null, "/private/probe");
    assertProblem(response);
    assertThat(response.body())
        .contains("authentication is required for this request")
        .contains("\"instance\":\"/private/probe\"");
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"api\"");
    assertThat(probe.reached.get()).isEqualTo(reached);
  }

  @Test
  void wrongPassword_getsRolegates401_withoutTheFailuresMessage() throws Exception {
    int reached = probe.reached.get();
    HttpResponse<String> response = call("admin:wrong", "/private/probe");
    assertProblem(response);
    assertThat(response.body()).doesNotContain("Bad credentials");
    assertThat(probe.reached.get()).isEqualTo(reached);
  }

  @Test
  void authenticated_reachesTheHandler() throws Exception {
    int reached = probe.reached.get();
    HttpResponse<String> response = call("admin:admin-pw", "/private/probe");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("reached");
    assertThat(probe.reached.get()).isEqualTo(reached + 1);
  }

  @Test
  void aGuardedCallWithoutAPrincipal_answersTheSameProblem() throws Exception {
    HttpResponse<String> response =
        call(null, "/api/accounts/acct-acme/workspaces/ws-acme-prod/deployments");
    assertProblem(response);
    assertThat(response.body()).contains("authentication is required to call");
  }

  private static void assertProblem(HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(response.body())
        .contains("\"type\":\"urn:rolegate:problem:unauthenticated\"")
        .contains("\"title\":\"Unauthenticated\"")
        .contains("\"status\":401");
  }

  private HttpResponse<String> call(String credentials, String path)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .GET()
            .timeout(Duration.ofSeconds(20));
    if (credentials != null) {
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A handler behind the authenticated chain, counting its calls. */
  @RestController
  static class Probe {
    final AtomicInteger reached = new AtomicInteger();

    @GetMapping("/private/probe")
    String probe() {
      reached.incrementAndGet();
      return "reached";
    }
  }

  /** {@code /private/**} requires authentication, answered by rolegate's entry point. */
  @TestConfiguration(proxyBeanMethods = false)
  static class AuthenticatedChain {
    @Bean
    Probe probe() {
      return new Probe();
    }

    @Bean
    @Order(1)
    SecurityFilterChain privateChain(HttpSecurity http) throws Exception {
      RolegateAuthenticationEntryPoint entryPoint =
          new RolegateAuthenticationEntryPoint("Basic realm=\"api\"");
      return http.securityMatcher("/private/**")
          .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
          .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
          .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint))
          .csrf(csrf -> csrf.disable())
          .build();
    }
  }
}
