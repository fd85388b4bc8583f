package dev.rolegate.runtime;

import dev.rolegate.runtime.internal.Binding;
import dev.rolegate.runtime.internal.BindingSource;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;

/**
 * The principal (and optionally the workspace) bound to the current thread, which guards
 * wrapped with {@code wrap(delegate)} consult.
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
 */
public final class CurrentPrincipal {
  /**
   * The innermost open scope (which links to the ones it hides): the one thread-local a guard's
   * check reads.
   */
  private static final ThreadLocal<Scope> BOUND = new ThreadLocal<>();
  private static final BindingSource SOURCE = new ThreadSource();
  private static final System.Logger LOG = System.getLogger("dev.rolegate");

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
    Objects.requireNonNull(principal, "principal");
    Scope scope = new Scope(principal, workspace, BOUND.get(), Thread.currentThread());
    BOUND.set(scope);
    return scope;
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
    Scope scope = BOUND.get();
    return scope == null ? Optional.empty() : Optional.of(scope.principal());
  }

  /** Returns the workspace bound to this thread, if any. */
  public static Optional<String> workspace() {
    Scope scope = BOUND.get();
    return scope == null ? Optional.empty() : Optional.ofNullable(scope.workspace());
  }

  /** Returns the source that reads this thread's binding; {@code wrap(delegate)} uses it. */
  public static PrincipalSource source() {
    return SOURCE;
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

  /** Returns this thread's innermost binding, or null; for {@link PrincipalContext}. */
  static Object snapshot() {
    return BOUND.get();
  }

  /** Returns the principal of a snapshot taken with {@link #snapshot()}. */
  static Principal principalOf(Object snapshot) {
    return ((Scope) snapshot).principal();
  }

  /** Makes {@code snapshot} this thread's binding; returns the one it replaces. */
  static Object install(Object snapshot) {
    Scope previous = BOUND.get();
    if (snapshot == null) {
      BOUND.remove();
    } else {
      BOUND.set((Scope) snapshot);
    }
    return previous;
  }

  /**
   * Puts back the binding that {@link #install} returned, once the task is over. A scope of this
   * thread that the task closed is not brought back (nor any scope it closed with it): that would
   * bind a principal that no open scope can unbind any more.
   */
  static void restore(Object previous) {
    Scope scope = (Scope) previous;
    while (scope != null && scope.closed && scope.owner == Thread.currentThread()) {
      scope = scope.previous;
    }
    install(scope);
  }

  private static final class ThreadSource extends BindingSource {
    @Override
    public Binding binding() {
      return BOUND.get();
    }
  }

  private static final class Scope extends Binding implements PrincipalScope {
    private final Scope previous;
    private final Thread owner;
    private boolean closed;

    Scope(Principal principal, String workspace, Scope previous, Thread owner) {
      super(principal, workspace, workspace == null ? null : principal.assignedRole(workspace),
          principal.assignedRoles());
      this.previous = previous;
      this.owner = owner;
    }

    @Override
    public void close() {
      if (closed) {
        return;
      }
      if (Thread.currentThread() != owner) {
        // A binding lives in its thread: closing it here cannot unbind it there. Say so, since
        // the owner thread (a pooled one, say) keeps the principal until it closes the scope.
        LOG.log(System.Logger.Level.WARNING, "a principal scope opened on thread " + owner.getName()
            + " was closed on thread " + Thread.currentThread().getName()
            + "; it stays bound on " + owner.getName() + " until closed there");
        return;
      }
      closed = true;
      if (BOUND.get() != this) {
        // An inner scope was left open: dropping it too is the only state that cannot leak it.
        unwindTo(this);
      }
      if (previous == null) {
        BOUND.remove();
      } else {
        BOUND.set(previous);
      }
    }

    private static void unwindTo(Scope target) {
      // Only this thread's own scopes: a binding carried in from another thread stays usable there.
      for (Scope s = BOUND.get(); s != null && s != target && s.owner == target.owner; s = s.previous) {
        s.closed = true;
      }
    }
  }
}
