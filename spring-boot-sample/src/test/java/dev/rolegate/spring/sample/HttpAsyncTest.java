package dev.rolegate.spring.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolegate.runtime.CurrentPrincipal;
import dev.rolegate.runtime.Principal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.core.task.TaskDecorator;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Async requests over real HTTP on a random loopback port ({@link AsyncApi}): each way of answering
 * asynchronously lists the blocks of ws-acme-prod through the guarded {@link Blocks} on another
 * thread, allowed for its developer, denied for a member without a role there and for a caller
 * without credentials, and no thread keeps a principal afterwards. The application task executor
 * has one thread, so the check afterwards sees the thread that ran the tasks; the application
 * declares a task decorator of its own, which Spring Boot composes with the starter's.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.task.execution.pool.core-size=1")
class HttpAsyncTest {
  private static final String ASYNC = "/api/accounts/acct-acme/workspaces/ws-acme-prod/async/";
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @LocalServerPort int port;
  @Autowired AsyncApi api;
  @Autowired ThreadPoolTaskExecutor applicationTaskExecutor;

  /** Each way of answering asynchronously, by the path {@link AsyncApi} maps it to. */
  static Stream<String> kinds() {
    return Stream.of(
        "callable",
        "web-async-task",
        "web-async-task-own-executor",
        "deferred",
        "future",
        "streaming",
        "service");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void allowedForTheWorkspaceDeveloper(String kind) throws Exception {
    int listed = api.listed();
    HttpResponse<String> response = call("developer", kind);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).contains("warehouse");
    if (!kind.equals("service")) {
      assertThat(api.listed()).isEqualTo(listed + 1);
    }
    assertNothingBoundOnAnyPoolThread();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void deniedForAMemberWithoutAWorkspaceRole(String kind) throws Exception {
    int listed = api.listed();
    HttpResponse<String> response = call("member", kind);
    assertProblem(response, 403, "urn:rolegate:problem:access-denied");
    assertThat(response.body())
        .contains("\"operation\":\"Blocks.names\"")
        .contains("\"permissions\":[\"VIEW_BLOCKS\"]")
        .contains("\"workspace\":\"ws-acme-prod\"");
    assertThat(api.listed()).isEqualTo(listed);
    assertNothingBoundOnAnyPoolThread();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void unauthenticatedWithoutCredentials(String kind) throws Exception {
    int listed = api.listed();
    HttpResponse<String> response = call("-", kind);
    assertProblem(response, 401, "urn:rolegate:problem:unauthenticated");
    assertThat(api.listed()).isEqualTo(listed);
    assertNothingBoundOnAnyPoolThread();
  }

  @Test
  void applicationThreadWithoutPropagation_runsAsNobody_evenForTheDeveloper() throws Exception {
    int listed = api.listed();
    HttpResponse<String> response = call("developer", "future-unpropagated");
    assertProblem(response, 401, "urn:rolegate:problem:unauthenticated");
    assertThat(api.listed()).isEqualTo(listed);
    assertNothingBoundOnAnyPoolThread();
  }

  @Test
  void serverSentEvents_carryTheBlocksForTheDeveloperOnly() throws Exception {
    int listed = api.listed();
    HttpResponse<String> allowed = call("developer", "sse");
    assertThat(allowed.statusCode()).isEqualTo(200);
    assertThat(allowed.headers().firstValue("Content-Type"))
        .hasValueSatisfying(value -> assertThat(value).startsWith("text/event-stream"));
    assertThat(allowed.body()).contains("data:warehouse");
    assertThat(api.listed()).isEqualTo(listed + 1);
    // Nothing is sent before the first event, so a denial is still a problem with its status.
    HttpResponse<String> denied = call("member", "sse");
    assertProblem(denied, 403, "urn:rolegate:problem:access-denied");
    HttpResponse<String> anonymous = call("-", "sse");
    assertProblem(anonymous, 401, "urn:rolegate:problem:unauthenticated");
    assertThat(api.listed()).isEqualTo(listed + 1);
    assertNothingBoundOnAnyPoolThread();
  }

  @Test
  void asyncDispatch_runsWithTheRequestsBinding() throws Exception {
    HttpResponse<String> developer = call("developer", "deferred");
    assertThat(developer.statusCode()).isEqualTo(200);
    assertThat(developer.headers().firstValue("X-Bound-REQUEST")).hasValue("developer");
    assertThat(developer.headers().firstValue("X-Bound-ASYNC")).hasValue("developer");
    HttpResponse<String> anonymous = call("-", "deferred");
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("X-Bound-REQUEST")).hasValue("nobody");
    assertThat(anonymous.headers().firstValue("X-Bound-ASYNC")).hasValue("nobody");
  }

  @Test
  void errorDispatch_runsWithNobodyBound() throws Exception {
    HttpResponse<String> response = call("developer", "no-such-thing");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("X-Bound-ERROR")).hasValue("nobody");
  }

  @Test
  void applicationsOwnTaskDecorator_runsBesideTheStarters() throws Exception {
    int decorated = BindingProbe.DECORATED.get();
    HttpResponse<String> response = call("developer", "service");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).contains("warehouse");
    assertThat(BindingProbe.DECORATED.get()).isGreaterThan(decorated);
  }

  /**
   * Says in a response header who is bound when each dispatch of a request reaches its handler, and
   * decorates the application's tasks with a decorator of its own.
   */
  @TestConfiguration
  static class BindingProbe implements WebMvcConfigurer {
    static final AtomicInteger DECORATED = new AtomicInteger();

    @Bean
    TaskDecorator countingTaskDecorator() {
      return task -> {
        DECORATED.incrementAndGet();
        return task;
      };
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
      registry.addInterceptor(
          new HandlerInterceptor() {
            @Override
            public boolean preHandle(
                HttpServletRequest request, HttpServletResponse response, Object handler) {
              response.setHeader(
                  "X-Bound-" + request.getDispatcherType(),
                  CurrentPrincipal.get().map(Principal::id).orElse("nobody"));
              return true;
            }
          });
    }
  }

  /**
   * What the application's pool thread and the application task executor's thread carry, seen by a
   * task that no decorator wraps (put straight on the executor's queue).
   */
  private void assertNothingBoundOnAnyPoolThread() throws Exception {
    assertThat(api.pool().submit(CurrentPrincipal::get).get(10, TimeUnit.SECONDS)).isEmpty();
    ThreadPoolExecutor executor = applicationTaskExecutor.getThreadPoolExecutor();
    // One thread (core size 1); it has run tasks before unless only the application's pool ran.
    executor.prestartCoreThread();
    assertThat(executor.getPoolSize()).isEqualTo(1);
    AtomicReference<Optional<Principal>> seen = new AtomicReference<>();
    CompletableFuture<Void> done = new CompletableFuture<>();
    executor
        .getQueue()
        .add(
            () -> {
              seen.set(CurrentPrincipal.get());
              done.complete(null);
            });
    done.get(10, TimeUnit.SECONDS);
    assertThat(seen.get()).isEmpty();
  }

  /**
   * Asserts that {@code response} has {@code status} and is the problem {@code type}, naming no
   * block and no exception.
   */
  private static void assertProblem(HttpResponse<String> response, int status, String type) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(value -> assertThat(value).startsWith("application/problem+json"));
    assertThat(response.body())
        .contains("\"type\":\"" + type + "\"")
        .doesNotContain("warehouse")
        .doesNotContain("Exception");
  }

  private HttpResponse<String> call(String user, String kind)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + ASYNC + kind))
            .GET()
            .timeout(Duration.ofSeconds(20));
    if (!user.equals("-")) {
      String credentials = user + ":" + user + "-pw";
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
