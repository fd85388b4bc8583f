package dev.rolegate.runtime.internal;

import dev.rolegate.runtime.Principal;
import dev.rolegate.runtime.PrincipalSource;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Each thread's bindings: a stack of open {@link Binding} scopes, of which the innermost is the
 * one a guard's check reads, in one {@code ThreadLocal} read. {@code CurrentPrincipal} and {@code
 * PrincipalContext} are its API.
 *
 * <p>The rules, which make a binding impossible to bring back once it is gone:
 *
 * <ul>
 *   <li>closing a scope unbinds only what is in the thread's current stack: the scope and the
 *       scopes opened inside it, never one that is no longer there (see {@link Binding#close()});
 *   <li>a task run with a captured binding ({@link #enter}, {@link #exit}) closes every scope the
 *       task opened and left open, then restores exactly what the thread had, less any of the
 *       thread's own scopes the task closed.
 * </ul>
 *
 * <p>Not API: everything here is reachable through {@code CurrentPrincipal}, with no more power.
 */
public final class Bindings {
  private static final ThreadLocal<Binding> BOUND = new ThreadLocal<>();
  private static final Source SOURCE = new Source();
  private static final AtomicLong SERIALS = new AtomicLong();

  private Bindings() {}

  /** Opens a scope binding {@code principal} (and {@code workspace}, or none) on this thread. */
  public static Binding bind(Principal principal, String workspace) {
    Objects.requireNonNull(principal, "principal");
    Binding binding = new Binding(principal, workspace, BOUND.get(), Thread.currentThread());
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

  static long nextSerial() {
    return SERIALS.incrementAndGet();
  }

  /** What a task replaced when it was entered, for {@link #exit}. */
  public static final class Entered {
    private final Binding previous;
    private final long mark;

    private Entered(Binding previous, long mark) {
      this.previous = previous;
      this.mark = mark;
    }
  }

  /** Makes {@code captured} (or nothing) this thread's binding for a task, until {@link #exit}. */
  public static Entered enter(Binding captured) {
    Entered entered = new Entered(BOUND.get(), SERIALS.get());
    set(captured);
    return entered;
  }

  /**
   * Ends a task entered with {@link #enter}: closes every scope the task opened on this thread
   * and left open, then restores what the thread had, less the thread's own scopes the task
   * closed (bringing one back would bind a principal that no open scope can unbind any more).
   */
  public static void exit(Entered entered) {
    Thread current = Thread.currentThread();
    for (Binding s = BOUND.get(); s != null && s.serial > entered.mark && s.owner == current;
        s = s.previous) {
      s.closed = true;
    }
    set(openBelow(entered.previous, current));
  }

  /** Unbinds {@code scope} and the scopes above it, if it is in this thread's current stack. */
  static void unbind(Binding scope) {
    Thread current = scope.owner;
    Binding top = BOUND.get();
    for (Binding s = top; s != null && s.owner == current; s = s.previous) {
      if (s == scope) {
        // Scopes opened inside this one and left open go with it: nothing else can unbind them.
        for (Binding inner = top; inner != scope; inner = inner.previous) {
          inner.closed = true;
        }
        set(openBelow(scope.previous, current));
        return;
      }
    }
  }

  /** Returns {@code binding} or the first binding under it that is not a closed scope of {@code thread}. */
  private static Binding openBelow(Binding binding, Thread thread) {
    Binding b = binding;
    while (b != null && b.closed && b.owner == thread) {
      b = b.previous;
    }
    return b;
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
    public String toString() {
      return "CurrentPrincipal.source()";
    }
  }
}
