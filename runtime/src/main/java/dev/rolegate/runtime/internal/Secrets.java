package dev.rolegate.runtime.internal;

import java.util.Objects;

/**
 * The one access point from this package to the public types' package-private state, after the
 * JDK's {@code SharedSecrets}: the runtime registers its {@link RuntimeAccess} once, from the
 * static initializer of its implementation, and the decision code reads it from here.
 *
 * <p>{@link #setRuntimeAccess} first runs that initializer, so the runtime's own implementation is
 * always the first and only one registered: a second registration, from the runtime or any other
 * code, throws.
 */
public final class Secrets {
  /** The runtime's implementation, which registers itself when initialized. */
  static final String IMPLEMENTATION = "dev.rolegate.runtime.InternalAccess";

  private static RuntimeAccess runtime;

  private Secrets() {}

  /**
   * Registers the runtime's access; called once, by the runtime itself.
   *
   * @throws IllegalStateException if an access is registered already
   */
  public static void setRuntimeAccess(RuntimeAccess access) {
    Objects.requireNonNull(access, "access");
    // Registers the runtime's own implementation first, unless this is that registration.
    initialize();
    synchronized (Secrets.class) {
      if (runtime != null) {
        throw new IllegalStateException("the runtime's internal access is registered already");
      }
      runtime = access;
    }
  }

  /** Returns the runtime's access, registering it first if need be. */
  static RuntimeAccess runtime() {
    initialize();
    synchronized (Secrets.class) {
      if (runtime == null) {
        throw new IllegalStateException("the runtime's internal access did not register");
      }
      return runtime;
    }
  }

  private static void initialize() {
    try {
      Class.forName(IMPLEMENTATION, true, Secrets.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("the runtime's internal access is missing", e);
    }
  }
}
