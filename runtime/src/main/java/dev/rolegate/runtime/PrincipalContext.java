package dev.rolegate.runtime;

import dev.rolegate.runtime.internal.Binding;
import dev.rolegate.runtime.internal.Bindings;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A thread's principal binding, captured so that work handed to another thread runs as the same
 * principal: wrap the task, and it binds the captured principal (and workspace) while it runs, then
 * closes every scope the task opened and left open and restores whatever the running thread had
 * before, also when the task throws. A pooled thread therefore never keeps a principal after a
 * task, and a scope the task left open unbinds nothing when closed later.
 *
 * <pre>{@code
 * PrincipalContext context = PrincipalContext.capture();
 * CompletableFuture.supplyAsync(context.supplier(() -> deployments.list("ws-prod")), pool)
 *     .thenApplyAsync(context.function(list -> audit(list)), pool);
 * }</pre>
 */
public final class PrincipalContext {
  private static final PrincipalContext EMPTY = new PrincipalContext(null);
  private final Binding binding;

  private PrincipalContext(Binding binding) {
    this.binding = binding;
  }

  /** Captures the current thread's binding (which may be none: then tasks run unauthenticated). */
  public static PrincipalContext capture() {
    Binding binding = Bindings.current();
    return binding == null ? EMPTY : new PrincipalContext(binding);
  }

  /**
   * Returns the context of nobody: a task wrapped with it runs with no principal bound, whatever
   * the running thread has bound (a guarded call in it is unauthenticated), then the thread's own
   * binding is restored. For work that must not act as whoever the thread happens to carry, such as
   * a request that brought no credentials.
   */
  public static PrincipalContext none() {
    return EMPTY;
  }

  /** Returns the captured principal, if any. */
  public java.util.Optional<Principal> principal() {
    return java.util.Optional.ofNullable(binding == null ? null : binding.principal());
  }

  /** Runs {@code action} with the captured binding, then restores this thread's own. */
  public void run(Runnable action) {
    Objects.requireNonNull(action, "action");
    Bindings.Entered previous = Bindings.enter(binding);
    try {
      action.run();
    } finally {
      Bindings.exit(previous);
    }
  }

  /** Calls {@code action} with the captured binding, then restores this thread's own. */
  public <T> T call(Callable<T> action) throws Exception {
    Objects.requireNonNull(action, "action");
    Bindings.Entered previous = Bindings.enter(binding);
    try {
      return action.call();
    } finally {
      Bindings.exit(previous);
    }
  }

  /** Returns {@code task} running with the captured binding. */
  public Runnable runnable(Runnable task) {
    Objects.requireNonNull(task, "task");
    return () -> run(task);
  }

  /** Returns {@code task} running with the captured binding. */
  public <T> Callable<T> callable(Callable<T> task) {
    Objects.requireNonNull(task, "task");
    return () -> call(task);
  }

  /** Returns {@code supplier} running with the captured binding (for CompletableFuture stages). */
  public <T> Supplier<T> supplier(Supplier<T> supplier) {
    Objects.requireNonNull(supplier, "supplier");
    return () -> {
      Bindings.Entered previous = Bindings.enter(binding);
      try {
        return supplier.get();
      } finally {
        Bindings.exit(previous);
      }
    };
  }

  /** Returns {@code function} running with the captured binding (for CompletableFuture stages). */
  public <T, R> Function<T, R> function(Function<T, R> function) {
    Objects.requireNonNull(function, "function");
    return value -> {
      Bindings.Entered previous = Bindings.enter(binding);
      try {
        return function.apply(value);
      } finally {
        Bindings.exit(previous);
      }
    };
  }

  /** Returns {@code consumer} running with the captured binding (for CompletableFuture stages). */
  public <T> Consumer<T> consumer(Consumer<T> consumer) {
    Objects.requireNonNull(consumer, "consumer");
    return value -> run(() -> consumer.accept(value));
  }

  /**
   * Returns {@code function} running with the captured binding (for {@code thenCombine}, {@code
   * handle}).
   */
  public <T, U, R> BiFunction<T, U, R> biFunction(BiFunction<T, U, R> function) {
    Objects.requireNonNull(function, "function");
    return (first, second) -> {
      Bindings.Entered previous = Bindings.enter(binding);
      try {
        return function.apply(first, second);
      } finally {
        Bindings.exit(previous);
      }
    };
  }
}
