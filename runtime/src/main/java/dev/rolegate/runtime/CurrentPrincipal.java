package dev.rolegate.runtime;

import dev.rolegate.runtime.internal.Binding;
import dev.rolegate.runtime.internal.Bindings;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;

/**
 * The principal (and optionally the workspace) bound to the current thread, which guards wrapped
 * with {@code wrap(delegate)} consult.
 *
 * <pre>{@code
 * try (PrincipalScope scope = CurrentPrincipal.bind(alice)) {
 *   deployments.delete("ws-prod", "d-42");
 * }
 * }</pre>
 *
 * <p>A binding never leaves its thread by itself: work handed to another thread runs with that
 * thread's own binding (usually none, which is a denial). To carry it, capture it with {@link
 * PrincipalContext#capture()} and wrap the task, or use {@link #propagating(ExecutorService)}.
 *
 * <p>Closing a scope unbinds what it bound, with any scope opened inside it and left open, on the
 * thread that opened it, while it is still in that thread's bindings; otherwise closing does
 * nothing. So closing never brings a principal back: not a scope closed twice, not scopes closed
 * out of order, not a scope a task left open and closed after the task ended (its wrapper closed it
 * when the task ended).
 */
public final class CurrentPrincipal {
  private CurrentPrincipal() {}

  /** Binds {@code principal} to this thread until the returned scope is closed. */
  public static PrincipalScope bind(Principal principal) {
    return bind(principal, null);
  }

  /**
   * Binds {@code principal} and the workspace that calls without a {@code @WorkspaceId} argument
   * act on, until the returned scope is closed.
   */
  public static PrincipalScope bind(Principal principal, String workspace) {
    return Bindings.bind(principal, null, workspace);
  }

  /**
   * Binds {@code principal}, the account that calls without an {@code @AccountId} argument act on
   * ({@code @BoundAccount}), and the workspace (or null), until the returned scope is closed. A web
   * filter binds both from a path such as {@code /accounts/{account}/workspaces/{workspace}}. The
   * binding finds the workspace's account (the principal's directory) and the principal's role
   * there once, when it opens: a change of the directory reaches the scopes opened after it.
   *
   * @throws IllegalArgumentException if the directory places the workspace in another account (a
   *     filter answers such a request before binding: {@link Principal#accountOf(String)})
   */
  public static PrincipalScope bind(Principal principal, String account, String workspace) {
    return Bindings.bind(principal, account, workspace);
  }

  /** Runs {@code action} as {@code principal}, then restores the previous binding. */
  public static void runAs(Principal principal, Runnable action) {
    try (PrincipalScope scope = bind(principal)) {
      action.run();
    }
  }

  /** Calls {@code action} as {@code principal}, then restores the previous binding. */
  public static <T> T callAs(Principal principal, Callable<T> action) throws Exception {
    try (PrincipalScope scope = bind(principal)) {
      return action.call();
    }
  }

  /** Returns the principal bound to this thread, if any. */
  public static Optional<Principal> get() {
    Binding binding = Bindings.current();
    return binding == null ? Optional.empty() : Optional.of(binding.principal());
  }

  /** Returns the workspace bound to this thread, if any. */
  public static Optional<String> workspace() {
    Binding binding = Bindings.current();
    return binding == null ? Optional.empty() : Optional.ofNullable(binding.workspace());
  }

  /** Returns the account bound to this thread, if any. */
  public static Optional<String> account() {
    Binding binding = Bindings.current();
    return binding == null ? Optional.empty() : Optional.ofNullable(binding.account());
  }

  /** Returns the source that reads this thread's binding; {@code wrap(delegate)} uses it. */
  public static PrincipalSource source() {
    return Bindings.source();
  }

  /**
   * Returns an {@link Executor} that runs each task with the binding of the thread that submitted
   * it, then restores the pool thread's own.
   */
  public static Executor propagating(Executor executor) {
    Objects.requireNonNull(executor, "executor");
    return task -> executor.execute(PrincipalContext.capture().runnable(task));
  }

  /**
   * Returns an {@link ExecutorService} that runs each task with the binding of the thread that
   * submitted it, then restores the pool thread's own. Shutting it down shuts {@code service} down.
   */
  public static ExecutorService propagating(ExecutorService service) {
    return new PropagatingExecutorService(service);
  }
}
