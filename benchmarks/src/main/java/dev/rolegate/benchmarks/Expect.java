package dev.rolegate.benchmarks;

import java.util.function.IntSupplier;

/**
 * The setup assertions: a variant's allowed call must reach the delegate and its denied call must
 * throw that system's own exception, so that no benchmark measures a misconfigured no-op.
 */
final class Expect {
  private Expect() {}

  /** Fails unless {@code call} returns {@link Callers#COUNT}. */
  static void allowed(String variant, IntSupplier call) {
    int result;
    try {
      result = call.getAsInt();
    } catch (RuntimeException e) {
      throw new IllegalStateException(variant + ": the allowed call threw " + e, e);
    }
    if (result != Callers.COUNT) {
      throw new IllegalStateException(variant + ": the allowed call did not reach the delegate");
    }
  }

  /** Fails unless {@code call} throws a {@code type} with a message and a filled stack trace. */
  static <E extends RuntimeException> E denied(String variant, Class<E> type, Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      if (!type.isInstance(e)) {
        throw new IllegalStateException(
            variant
                + ": the denied call threw "
                + e.getClass().getName()
                + ", not "
                + type.getName(),
            e);
      }
      if (e.getMessage() == null || e.getStackTrace().length == 0) {
        throw new IllegalStateException(
            variant + ": the denial has no message or no stack trace", e);
      }
      return type.cast(e);
    }
    throw new IllegalStateException(variant + ": the denied call was allowed");
  }
}
