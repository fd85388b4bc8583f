package dev.rolegate.runtime;

/**
 * A compiled matrix, as a {@link java.util.ServiceLoader} service. The annotation processor
 * generates one implementation per {@code @PermissionMatrix} package and registers it, so that
 * {@link Matrix#load()} finds it with no set-up.
 */
public interface CapabilityTable {
  /** Returns the compiled matrix. */
  Matrix matrix();
}
