package dev.rolegate.runtime.internal;

import dev.rolegate.runtime.Principal;
import dev.rolegate.runtime.PrincipalSource;
import java.util.Objects;

/**
 * Each thread's bindings: a stack of open {@link Binding} scopes, of which the innermost is the one
 * a guard's check reads, in one {@code ThreadLocal} read. {@code CurrentPrincipal} and {@code
 * PrincipalContext} are its API.
 *
 * <p>The rules, which make a binding impossible to bring back once it is gone:
 *
 * <ul>
 *   <li>closing a scope unbinds only what is in the thread's current stack: the scope and the
 *       scopes opened inside it, never one that is no longer there (see {@link Binding#close()});
 *   <li>a task run with a captured binding ({@link #enter}, {@link #exit}) runs in a frame of its
 *       own, closes every scope the task opened and left open, then restores exactly what the
 *       thread had, less any of the thread's own scopes the task closed (and the scopes opened
 *       inside them).
 * </ul>
 *
 * <p>Not API: everything here is reachable through {@code CurrentPrincipal}, with no more power.
 */
public final class Bindings {
  private static final ThreadLocal<Binding> BOUND = new ThreadLocal<>();
  private static final Source SOURCE = new Source();

  private Bindings() {}

  /**
   * Opens a scope binding {@code principal} (and {@code account} and {@code workspace}, or none) on
   * this thread.
   */
  public static Binding bind(Principal principal, String account, String workspace) {
    Objects.requireNonNull(principal, "principal");
    Binding binding =
        new Binding(principal, account, workspace, BOUND.get(), Thread.currentThread());
    BOUND.set(binding);
    return binding;
  }

  /** Returns this thread's innermost binding, or null. */
  public static Binding current() {
    return BOUND.get();
  }

  /** Returns the source reading this thread's bindings: the one source a check trusts to bind. */
  public static PrincipalSource source() {
    return SOURCE;
  }

  /** Whether {@code source} is the runtime's own thread source, by identity. */
  static boolean isThreadSource(PrincipalSource source) {
    return source == SOURCE;
  }

  /** What a task replaced when it was entered, for {@link #exit} on the same thread. */
  public static final class Entered {
    private final Binding previous;
    private final Thread thread;

    private Entered(Binding previous, Thread thread) {
      this.previous = previous;
      this.thread = thread;
    }
  }

  /**
   * Binds what {@code captured} bound (or nothing) on this thread for a task, until {@link #exit}.
   * The task runs in a frame of its own: a new scope of this thread with the captured principal,
   * account and workspace and nothing under it, so no scope the task opens and closes can fall back
   * onto whatever lay under the captured binding where it was captured, or onto this thread's own
   * bindings.
   */
  public static Entered enter(Binding captured) {
    Thread current = Thread.currentThread();
    Entered entered = new Entered(BOUND.get(), current);
    // Resolved again, not copied: the workspace's account as the directory says it now, so that
    // a context captured long ago (a scheduled task) holds no more than a scope opened now.
    set(
        captured == null
            ? null
            : new Binding(
                captured.principal(), captured.account(), captured.workspace(), null, current));
    return entered;
  }

  /**
   * Ends a task entered with {@link #enter}: closes the task's frame and every scope the task
   * opened on this thread and left open, then restores what the thread had, less the thread's own
   * scopes the task closed and the scopes opened inside them (bringing one back would bind a
   * principal that no open scope can unbind any more).
   *
   * @throws IllegalStateException if {@code entered} was entered on another thread
   */
  public static void exit(Entered entered) {
    Thread current = Thread.currentThread();
    if (entered.thread != current) {
      throw new IllegalStateException(
          "a task's bindings end on the thread that entered them ("
              + entered.thread.getName()
              + "), not on "
              + current.getName());
    }
    // The frame has nothing under it: every scope down from the top is the task's.
    for (Binding s = BOUND.get(); s != null; s = s.previous) {
      s.closed = true;
    }
    set(openBelow(entered.previous));
  }

  /**
   * Unbinds {@code scope} and the scopes above it (opened inside it), if it is in this thread's
   * current stack. Every binding in a thread's stack is that thread's own scope (a task runs in a
   * frame of its own), and none of them is closed.
   */
  static void unbind(Binding scope) {
    for (Binding s = BOUND.get(); s != null; s = s.previous) {
      if (s == scope) {
        set(openBelow(scope.previous));
        return;
      }
    }
  }

  /**
   * Returns what is bound when {@code binding} is current again: {@code binding}, unless it or a
   * scope under it was closed while not current (by a task that ran in between); then the binding
   * under the lowest closed one, since every scope above a closed scope was opened inside it.
   */
  private static Binding openBelow(Binding binding) {
    Binding result = binding;
    for (Binding s = binding; s != null; s = s.previous) {
      if (s.closed) {
        result = s.previous;
      }
    }
    return result;
  }

  private static void set(Binding binding) {
    if (binding == null) {
      BOUND.remove();
    } else {
      BOUND.set(binding);
    }
  }

  /** Reads this thread's innermost binding. */
  private static final class Source implements PrincipalSource {
    @Override
    public Principal current() {
      Binding binding = BOUND.get();
      return binding == null ? null : binding.principal();
    }

    @Override
    public String currentWorkspace() {
      Binding binding = BOUND.get();
      return binding == null ? null : binding.workspace();
    }

    @Override
    public String currentAccount() {
      Binding binding = BOUND.get();
      return binding == null ? null : binding.account();
    }

    @Override
    public String toString() {
      return "CurrentPrincipal.source()";
    }
  }
}
