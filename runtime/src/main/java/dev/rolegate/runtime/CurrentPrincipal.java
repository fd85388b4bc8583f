package dev.rolegate.runtime;

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
  /** The current principal alone: the one thread-local a guard's check reads. */
  private static final ThreadLocal<Principal> PRINCIPAL = new ThreadLocal<>();
  /** The open scopes, innermost first, with their workspaces. */
  private static final ThreadLocal<Binding> BOUND = new ThreadLocal<>();
  private static final PrincipalSource SOURCE = new ThreadSource();
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
    Binding previous = BOUND.get();
    Binding binding = new Binding(principal, workspace, previous, Thread.currentThread());
    BOUND.set(binding);
    PRINCIPAL.set(principal);
    return binding;
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
    Binding binding = BOUND.get();
    return binding == null ? Optional.empty() : Optional.of(binding.principal);
  }

  /** Returns the workspace bound to this thread, if any. */
  public static Optional<String> workspace() {
    Binding binding = BOUND.get();
    return binding == null ? Optional.empty() : Optional.ofNullable(binding.workspace);
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
    return ((Binding) snapshot).principal;
  }

  /** Makes {@code snapshot} this thread's binding; returns the one it replaces. */
  static Object install(Object snapshot) {
    Binding previous = BOUND.get();
    Binding binding = (Binding) snapshot;
    if (binding == null) {
      BOUND.remove();
      PRINCIPAL.remove();
    } else {
      BOUND.set(binding);
      PRINCIPAL.set(binding.principal);
    }
    return previous;
  }

  /**
   * Puts back the binding that {@link #install} returned, once the task is over. A scope of this
   * thread that the task closed is not brought back (nor any scope it closed with it): that would
   * bind a principal that no open scope can unbind any more.
   */
  static void restore(Object previous) {
    Binding binding = (Binding) previous;
    while (binding != null && binding.closed && binding.owner == Thread.currentThread()) {
      binding = binding.previous;
    }
    install(binding);
  }

  private static final class ThreadSource implements PrincipalSource {
    @Override
    public Principal current() {
      return PRINCIPAL.get();
    }

    @Override
    public String currentWorkspace() {
      Binding binding = BOUND.get();
      return binding == null ? null : binding.workspace;
    }
  }

  private static final class Binding implements PrincipalScope {
    final Principal principal;
    final String workspace;
    private final Binding previous;
    private final Thread owner;
    private boolean closed;

    Binding(Principal principal, String workspace, Binding previous, Thread owner) {
      this.principal = principal;
      this.workspace = workspace;
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
        PRINCIPAL.remove();
      } else {
        BOUND.set(previous);
        PRINCIPAL.set(previous.principal);
      }
    }

    private static void unwindTo(Binding target) {
      // Only this thread's own scopes: a binding carried in from another thread stays usable there.
      for (Binding b = BOUND.get(); b != null && b != target && b.owner == target.owner; b = b.previous) {
        b.closed = true;
      }
    }
  }
}
