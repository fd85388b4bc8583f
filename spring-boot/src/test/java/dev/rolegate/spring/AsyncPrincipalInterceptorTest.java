package dev.rolegate.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolegate.prefect.WorkspaceRoles;
import dev.rolegate.runtime.CurrentPrincipal;
import dev.rolegate.runtime.Principal;
import dev.rolegate.runtime.PrincipalScope;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * The interceptor on its own, as Spring MVC calls it: before the concurrent handling on the request
 * thread, then pre- and post-processing on the thread that runs the task.
 */
class AsyncPrincipalInterceptorTest {
  private final AsyncPrincipalInterceptor interceptor = new AsyncPrincipalInterceptor();
  private final Callable<String> task = () -> "done";

  @AfterEach
  void nothingBound() {
    assertThat(CurrentPrincipal.get()).isEmpty();
  }

  private static NativeWebRequest request() {
    return new ServletWebRequest(new MockHttpServletRequest());
  }

  @Test
  void theRequestsBinding_isTheTasks_andIsClosedOnItsThread_evenWhenTheRequestIsGone() {
    Principal viewer = Principals.in(WorkspaceRoles.VIEWER);
    NativeWebRequest request = request();
    try (PrincipalScope scope = CurrentPrincipal.bind(viewer, "ws-1")) {
      interceptor.beforeConcurrentHandling(request, task);
    }
    interceptor.preProcess(request, task);
    assertThat(CurrentPrincipal.get()).contains(viewer);
    assertThat(CurrentPrincipal.workspace()).contains("ws-1");
    // A task that outlived its request (a timeout): the scope is the thread's, not the request's.
    interceptor.postProcess(request(), task, "done");
    assertThat(CurrentPrincipal.get()).isEmpty();
  }

  @Test
  void aRequestWithNobodyBound_isNotRunOnAThreadCarryingAnotherPrincipal() {
    NativeWebRequest request = request();
    interceptor.beforeConcurrentHandling(request, task);
    interceptor.preProcess(request, task);
    assertThat(CurrentPrincipal.get()).isEmpty();
    interceptor.postProcess(request, task, "done");
    try (PrincipalScope leaked = CurrentPrincipal.bind(Principals.in(WorkspaceRoles.OWNER))) {
      assertThatThrownBy(() -> interceptor.preProcess(request, task))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("carries a principal bound by other code");
      // The other code's binding is not the interceptor's to close.
      interceptor.postProcess(request, task, null);
      assertThat(CurrentPrincipal.get().map(Principal::id)).isEqualTo(Optional.of("alice"));
    }
  }
}
