package dev.rolegate.spring.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolegate.runtime.CurrentPrincipal;
import jakarta.servlet.http.HttpServletRequest;
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
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The account and workspace a controller acts on are the ones bound, over real HTTP, with Spring
 * Security's firewall replaced by one that lets every path through: a path whose raw form names one
 * workspace and whose routed (normalized) form another is refused before the handler runs. Each
 * subclass runs these under one path-matching strategy.
 */
abstract class RoutedPathTests {
  static final String PATH_MISMATCH = "\"type\":\"urn:rolegate:problem:path-mismatch\"";

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @LocalServerPort int port;
  @Autowired Probe probe;

  @Test
  void normalizedPath_bindsWhatTheHandlerActsOn() throws Exception {
    int reached = probe.reached.get();
    HttpResponse<String> response =
        call("both", "/api/accounts/acct-globex/workspaces/ws-globex/probe");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .isEqualTo("bound acct-globex/ws-globex, routed acct-globex/ws-globex");
    assertThat(probe.reached.get()).isEqualTo(reached + 1);
  }

  @Test
  void normalizedPath_outsideThePatterns_reachesTheHandler_withNothingBound() throws Exception {
    int reached = probe.reached.get();
    HttpResponse<String> response = call("both", "/api/probe/acct-globex/ws-globex");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("bound -/-, routed acct-globex/ws-globex");
    assertThat(probe.reached.get()).isEqualTo(reached + 1);
  }

  @Test
  void dotDotSegment_intoAnotherWorkspace_neverReachesTheHandler() throws Exception {
    int reached = probe.reached.get();
    HttpResponse<String> response =
        call("admin", "/api/accounts/acct-acme/workspaces/ws-acme-prod/../ws-globex/probe");
    assertDotSegmentAnswer(response, "workspace");
    assertThat(probe.reached.get()).isEqualTo(reached);
  }

  @Test
  void emptySegment_beforeAnotherWorkspace_neverReachesTheHandler() throws Exception {
    int reached = probe.reached.get();
    HttpResponse<String> response =
        call("admin", "/api/accounts/acct-acme/workspaces//ws-globex/probe");
    assertEmptySegmentAnswer(response);
    assertThat(probe.reached.get()).isEqualTo(reached);
  }

  @Test
  void dotDotSegment_intoAnotherAccount_neverReachesTheHandler() throws Exception {
    int reached = probe.reached.get();
    HttpResponse<String> response =
        call("both", "/api/accounts/acct-acme/../acct-globex/workspaces/ws-globex/probe");
    assertDotSegmentAnswer(response, "account");
    assertThat(probe.reached.get()).isEqualTo(reached);
  }

  @Test
  void dotSegment_routesNothing() throws Exception {
    int reached = probe.reached.get();
    HttpResponse<String> response =
        call("admin", "/api/accounts/acct-acme/workspaces/ws-acme-prod/./probe");
    assertUnrouted(response);
    assertThat(probe.reached.get()).isEqualTo(reached);
  }

  /**
   * Asserts the answer to a path with a {@code ..} segment that leads to another {@code what}
   * (account or workspace): a strategy that routes the normalized path routes it, and rolegate
   * refuses it ({@link #assertRefused}); one that routes the raw path routes nothing (404).
   */
  abstract void assertDotSegmentAnswer(HttpResponse<String> response, String what);

  /** Asserts the answer to a path with an empty segment before the workspace. */
  abstract void assertEmptySegmentAnswer(HttpResponse<String> response);

  static void assertUnrouted(HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(404);
  }

  static void assertRefused(HttpResponse<String> response, String what) {
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(response.body())
        .contains(PATH_MISMATCH)
        .contains("the " + what + " the path names as written (");
  }

  private HttpResponse<String> call(String user, String path)
      throws IOException, InterruptedException {
    String credentials = user + ":" + user + "-pw";
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .GET()
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
            .timeout(Duration.ofSeconds(20))
            .build();
    return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** A handler that answers what is bound and what it was routed, and counts its calls. */
  @RestController
  static class Probe {
    final AtomicInteger reached = new AtomicInteger();

    @GetMapping({
      "/api/accounts/{account}/workspaces/{workspace}/probe",
      // The same under a DispatcherServlet mapped to /api/*.
      "/accounts/{account}/workspaces/{workspace}/probe",
      // Outside the filter's patterns.
      "/api/probe/{account}/{workspace}",
      "/probe/{account}/{workspace}"
    })
    String probe(@PathVariable String account, @PathVariable String workspace) {
      reached.incrementAndGet();
      return "bound "
          + CurrentPrincipal.account().orElse("-")
          + "/"
          + CurrentPrincipal.workspace().orElse("-")
          + ", routed "
          + account
          + "/"
          + workspace;
    }
  }

  /** The probe, and Spring Security's firewall off: every path reaches the application. */
  @TestConfiguration(proxyBeanMethods = false)
  static class FirewallOff {
    @Bean
    Probe probe() {
      return new Probe();
    }

    @Bean
    WebSecurityCustomizer permissiveFirewall() {
      HttpFirewall open =
          new HttpFirewall() {
            @Override
            public FirewalledRequest getFirewalledRequest(HttpServletRequest request) {
              return new FirewalledRequest(request) {
                @Override
                public void reset() {}
              };
            }

            @Override
            public jakarta.servlet.http.HttpServletResponse getFirewalledResponse(
                jakarta.servlet.http.HttpServletResponse response) {
              return response;
            }
          };
      return web -> web.httpFirewall(open);
    }
  }
}
