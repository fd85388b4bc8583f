package dev.rolegate.runtime;

import dev.rolegate.runtime.internal.Names;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each workspace's default role: the role every account member holds in a workspace where they have
 * no explicit role (Prefect: set by the workspace Owner). "No access" is a valid default and is the
 * same as none. An explicit role always wins; account ADMIN and OWNER hold OWNER everywhere
 * regardless. Thread-safe; principals built with {@link Principal.Builder#workspaceDefaults} see
 * changes at once.
 */
public final class WorkspaceDefaults {
  private static final Object NO_ACCESS = new Object();
  private final Matrix matrix;
  private final CustomRoles customRoles;
  private final ConcurrentHashMap<Object, Object> defaults = new ConcurrentHashMap<>();

  /** Creates an empty set of defaults for workspaces of {@code matrix}. */
  public WorkspaceDefaults(Matrix matrix) {
    this.matrix = Objects.requireNonNull(matrix, "matrix");
    this.customRoles = null;
  }

  /** Creates an empty set of defaults whose role names may also name these custom roles. */
  public WorkspaceDefaults(CustomRoles customRoles) {
    this.customRoles = Objects.requireNonNull(customRoles, "custom roles");
    this.matrix = customRoles.matrix();
  }

  /** Returns the matrix whose roles these defaults name. */
  public Matrix matrix() {
    return matrix;
  }

  /**
   * Sets the default role of {@code workspace} by name (a built-in role, or one of the custom roles
   * these defaults were created with).
   *
   * @throws IllegalArgumentException if the matrix has no such workspace role
   */
  public void setDefaultRole(String workspace, String role) {
    Objects.requireNonNull(role, "role");
    Role resolved =
        customRoles != null
            ? customRoles.workspaceRole(role)
            : matrix.requireRole(role, Level.WORKSPACE);
    put(workspace, resolved);
  }

  /**
   * Sets the default role of {@code workspace}: a built-in or custom workspace role of this matrix.
   *
   * @throws IllegalArgumentException if the role belongs to another matrix or is an account role
   */
  public void setDefaultRole(String workspace, Role role) {
    Objects.requireNonNull(role, "role");
    if (role.matrix() != matrix || role.level() != Level.WORKSPACE) {
      throw new IllegalArgumentException(
          "role " + role.name() + " is not a workspace role of matrix " + matrix.name());
    }
    put(workspace, role);
  }

  /**
   * Makes "no access" the default of {@code workspace}: members without a role there get nothing.
   */
  public void setNoAccess(String workspace) {
    put(workspace, NO_ACCESS);
  }

  /** Returns the default role of {@code workspace}, or empty for none or "no access". */
  public Optional<Role> defaultRoleOf(String workspace) {
    return Optional.ofNullable(defaultRole(workspace));
  }

  /**
   * Returns whether "no access" is the default of {@code workspace} (as opposed to no default set).
   */
  public boolean isNoAccess(String workspace) {
    if (workspace == null) {
      return false;
    }
    Object value = defaults.get(workspace);
    if (value == null && WorkspaceIds.looksLikeUuid(workspace)) {
      value = defaults.get(UUID.fromString(workspace));
    }
    return value == NO_ACCESS;
  }

  /**
   * Removes the default of {@code workspace} (any spelling of a UUID): members without a role there
   * get nothing.
   */
  public synchronized void clear(String workspace) {
    Objects.requireNonNull(workspace, "workspace id");
    WorkspaceIds.uuidOf(workspace)
        .ifPresent(
            uuid -> {
              defaults.remove(uuid);
              removeSpellingsOf(uuid);
            });
    defaults.remove(workspace);
  }

  Role defaultRole(Object workspace) {
    Object value = defaults.get(workspace);
    if (value == null && workspace instanceof String id && WorkspaceIds.looksLikeUuid(id)) {
      // Set under another spelling of the same UUID.
      value = defaults.get(UUID.fromString(id));
    }
    return value instanceof Role ? (Role) value : null;
  }

  private synchronized void put(String workspace, Object value) {
    Names.requireShowable("a workspace id", Objects.requireNonNull(workspace, "workspace id"));
    Optional<UUID> uuid = WorkspaceIds.uuidOf(workspace);
    if (uuid.isPresent()) {
      // One value per workspace, whatever spelling set it before.
      defaults.put(uuid.get(), value);
      removeSpellingsOf(uuid.get());
    }
    defaults.put(workspace, value);
  }

  private void removeSpellingsOf(UUID uuid) {
    defaults
        .keySet()
        .removeIf(
            key ->
                key instanceof String id
                    && WorkspaceIds.uuidOf(id).filter(uuid::equals).isPresent());
  }
}
