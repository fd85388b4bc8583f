package dev.rolegate.spring;

import dev.rolegate.runtime.CurrentPrincipal;
import dev.rolegate.runtime.Principal;
import dev.rolegate.runtime.PrincipalScope;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.async.CallableProcessingInterceptor;

/**
 * Carries the request's binding (principal, account, workspace) into the work Spring MVC runs on
 * its async executor for the request: a {@code Callable}, a {@code WebAsyncTask} (on whichever
 * executor it names) and a {@code StreamingResponseBody}. The binding is read on the request thread
 * when the concurrent handling starts, bound on the executor thread just before the task runs, and
 * unbound on that thread as soon as it ends, also when it throws.
 *
 * <p>A request with nothing bound carries nothing: its task runs with nobody bound, and is not run
 * on an executor thread that carries a principal left by other code (an exception, fail closed).
 */
public final class AsyncPrincipalInterceptor implements CallableProcessingInterceptor {
  private static final String CAPTURED = AsyncPrincipalInterceptor.class.getName() + ".CAPTURED";

  /** The scope opened on each executor thread for the task it runs. */
  private final ThreadLocal<PrincipalScope> scopes = new ThreadLocal<>();

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
      scopes.set(
          CurrentPrincipal.bind(captured.principal(), captured.account(), captured.workspace()));
      return;
    }
    Optional<Principal> leaked = CurrentPrincipal.get();
    if (leaked.isPresent()) {
      // The request had nobody bound; a principal on this thread was left by other code, and
      // the task must not run as it.
      throw new IllegalStateException(
          "the executor thread "
              + Thread.currentThread().getName()
              + " carries a principal bound by other code, so a task of a request with nobody bound"
              + " is not run on it: close that code's scope, or run the executor through"
              + " CurrentPrincipal.propagating(...)");
    }
  }

  @Override
  public <T> void postProcess(NativeWebRequest request, Callable<T> task, Object result) {
    // On the thread that ran the task (Spring calls both there): the scope is this thread's, not
    // the request's, which a task outliving its request (a timeout) may no longer have.
    PrincipalScope scope = scopes.get();
    if (scope != null) {
      scopes.remove();
      scope.close();
    }
  }
}
