package dev.rolegate.spring;

import dev.rolegate.runtime.CurrentPrincipal;
import dev.rolegate.runtime.Principal;
import dev.rolegate.runtime.PrincipalScope;
import java.util.concurrent.Callable;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.async.CallableProcessingInterceptor;

/**
 * Carries the request's binding (principal, account, workspace) into the work Spring MVC runs on
 * its async executor for the request: a {@code Callable}, a {@code WebAsyncTask} (on whichever
 * executor it names) and a {@code StreamingResponseBody}. The binding is read on the request
 * thread when the concurrent handling starts, bound on the executor thread just before the task
 * runs, and unbound on that thread as soon as it ends, also when it throws.
 *
 * <p>A request with nothing bound carries nothing: the task runs with the executor thread's own
 * binding, which on the executors Spring Boot builds is the submitting request thread's, nobody
 * ({@link PrincipalTaskDecorator}).
 */
public final class AsyncPrincipalInterceptor implements CallableProcessingInterceptor {
  private static final String CAPTURED = AsyncPrincipalInterceptor.class.getName() + ".CAPTURED";
  private static final String SCOPE = AsyncPrincipalInterceptor.class.getName() + ".SCOPE";

  /** What the request thread had bound when the concurrent handling started. */
  private record Captured(Principal principal, String account, String workspace) {}

  @Override
  public <T> void beforeConcurrentHandling(NativeWebRequest request, Callable<T> task) {
    Principal principal = CurrentPrincipal.get().orElse(null);
    if (principal == null) {
      request.removeAttribute(CAPTURED, RequestAttributes.SCOPE_REQUEST);
      return;
    }
    request.setAttribute(
        CAPTURED,
        new Captured(
            principal,
            CurrentPrincipal.account().orElse(null),
            CurrentPrincipal.workspace().orElse(null)),
        RequestAttributes.SCOPE_REQUEST);
  }

  @Override
  public <T> void preProcess(NativeWebRequest request, Callable<T> task) {
    if (request.getAttribute(CAPTURED, RequestAttributes.SCOPE_REQUEST)
        instanceof Captured captured) {
      // Throws if the directory has since moved the workspace to another account: the task then
      // does not run, and its result is that exception.
      PrincipalScope scope =
          CurrentPrincipal.bind(captured.principal(), captured.account(), captured.workspace());
      request.setAttribute(SCOPE, scope, RequestAttributes.SCOPE_REQUEST);
    }
  }

  @Override
  public <T> void postProcess(NativeWebRequest request, Callable<T> task, Object result) {
    if (request.getAttribute(SCOPE, RequestAttributes.SCOPE_REQUEST)
        instanceof PrincipalScope scope) {
      request.removeAttribute(SCOPE, RequestAttributes.SCOPE_REQUEST);
      scope.close();
    }
  }
}
