package dev.rolegate.runtime;

import java.util.List;
import java.util.Objects;

/**
 * One method of a {@link GuardedType}, as the guard index lists it: its name, its erased parameter
 * types (binary names, arrays as {@code int[]}), its requirement and where its guard reads the
 * workspace.
 *
 * @param name the method name
 * @param parameterTypes the erased parameter types, e.g. {@code java.lang.String}, {@code a.B$C[]}
 * @param mode all of the permissions, any one of them, or unguarded
 * @param permissions the permission names, empty when unguarded
 * @param workspaceSource where the guard reads the workspace a call acts on
 * @param workspaceParameter the index of the {@code @WorkspaceId} parameter, or -1
 * @param workspaceAccessor a carrier's accessor method name, or null
 */
public record GuardedMethod(
    String name,
    List<String> parameterTypes,
    Mode mode,
    List<String> permissions,
    WorkspaceSource workspaceSource,
    int workspaceParameter,
    String workspaceAccessor) {
  public GuardedMethod {
    Objects.requireNonNull(name, "name");
    parameterTypes = List.copyOf(parameterTypes);
    Objects.requireNonNull(mode, "mode");
    permissions = List.copyOf(permissions);
    Objects.requireNonNull(workspaceSource, "workspace source");
  }

  /**
   * Returns {@code name(type,type)} with the erased parameter types: the method's key in its type.
   */
  public String signature() {
    return name + "(" + String.join(",", parameterTypes) + ")";
  }

  /** Returns whether the guard checks a permission before calling this method. */
  public boolean isGuarded() {
    return mode != Mode.UNGUARDED;
  }

  @Override
  public String toString() {
    return signature();
  }

  /** How a method's permissions are read. */
  public enum Mode {
    /** Every permission is required. */
    ALL_OF,
    /** One of the permissions suffices. */
    ANY_OF,
    /** {@code @Unguarded}: no permission is checked. */
    UNGUARDED
  }

  /** Where a guard reads the workspace a call acts on. */
  public enum WorkspaceSource {
    /** A {@code @WorkspaceId String} or {@code UUID} parameter. */
    PARAMETER,
    /** A {@code @WorkspaceId} parameter whose type carries the id in an accessor. */
    CARRIER,
    /** {@code @BoundWorkspace}: the workspace bound with the principal. */
    BOUND,
    /** No workspace: account permissions only, or unguarded. */
    NONE
  }
}
