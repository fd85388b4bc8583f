package dev.rolegate.runtime;

import dev.rolegate.runtime.internal.Names;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * A compiled permission matrix: its permissions and its roles with their closed permission sets.
 *
 * <p>Generated capability tables build one with {@link #builder}; applications get the one on their
 * class path with {@link #load()}. Looking a permission or role up by name is for set-up (building
 * principals, reading role lists); generated guards hold their permissions as constants and never
 * look anything up by name.
 */
public final class Matrix {
  private final String name;
  private final String packageName;
  private final String source;
  private final String sha256;
  private final List<Permission> permissions;
  private final List<Role> roles;
  private final Map<String, Permission> permissionsByName = new LinkedHashMap<>();
  private final Map<String, Permission> permissionsByScope = new LinkedHashMap<>();
  private final Map<String, Role> workspaceRoles = new LinkedHashMap<>();
  private final Map<String, Role> accountRoles = new LinkedHashMap<>();
  private final Role defaultAccountRole;

  private Matrix(Builder builder) {
    this.name = builder.name;
    this.packageName = builder.packageName;
    this.source = builder.source;
    this.sha256 = builder.sha256;
    List<Permission> perms = new ArrayList<>();
    for (PermissionSpec spec : builder.permissions) {
      Permission permission =
          new Permission(
              this,
              perms.size(),
              spec.name,
              spec.level,
              spec.scope,
              spec.description,
              spec.implies);
      perms.add(permission);
      permissionsByName.put(spec.name, permission);
      if (!spec.scope.isEmpty()) {
        permissionsByScope.putIfAbsent(spec.scope, permission);
      }
    }
    this.permissions = Collections.unmodifiableList(perms);
    List<Role> built = new ArrayList<>();
    for (RoleSpec spec : builder.roles) {
      checkBits(spec);
      Role role =
          new Role(this, spec.name, spec.level, spec.bits, spec.everywhere, spec.description);
      built.add(role);
      (spec.level == Level.WORKSPACE ? workspaceRoles : accountRoles).put(spec.name, role);
    }
    this.roles = Collections.unmodifiableList(built);
    for (Role role : roles) {
      role.link();
    }
    this.defaultAccountRole =
        builder.defaultAccountRole.isEmpty()
            ? null
            : requireRole(builder.defaultAccountRole, Level.ACCOUNT);
  }

  private void checkBits(RoleSpec spec) {
    for (int i = 0; i < spec.bits.length * 64; i++) {
      if ((spec.bits[i >>> 6] & (1L << i)) == 0) {
        continue;
      }
      if (i >= permissions.size() || permissions.get(i).level() != spec.level) {
        throw new IllegalArgumentException(
            "role "
                + spec.name
                + " holds bit "
                + i
                + ", which is no "
                + spec.level.word()
                + " permission of matrix "
                + name);
      }
    }
  }

  /** Starts a matrix compiled from file {@code source} in no package (for hand-built matrices). */
  public static Builder builder(String name, String source) {
    return new Builder(name, "", source);
  }

  /**
   * Starts a matrix compiled from file {@code source} in package {@code packageName} (its class
   * path resource {@code com/acme/acme.md}); used by generated capability tables.
   */
  public static Builder builder(String name, String packageName, String source) {
    return new Builder(name, packageName, source);
  }

  /**
   * Returns the single compiled matrix on the class path (registered by its generated capability
   * table as a {@link CapabilityTable} service), looked up once.
   *
   * @throws IllegalStateException if there is none or more than one; pass the one you mean
   *     explicitly then
   */
  public static Matrix load() {
    return Loaded.ONLY.get();
  }

  /** Returns the matrix's name, e.g. {@code Prefect Cloud}. */
  public String name() {
    return name;
  }

  /** Returns the name of the file this matrix was compiled from. */
  public String source() {
    return source;
  }

  /**
   * Returns the SHA-256 (lowercase hex) of the matrix file this matrix was compiled from, or "" for
   * a matrix built by hand.
   */
  public String sha256() {
    return sha256;
  }

  /** Returns the package whose matrix file this is ({@code com.acme}), or "" for none. */
  public String packageName() {
    return packageName;
  }

  /**
   * Returns where the matrix file lies on the class path, {@code com/acme/acme.md}: with the title,
   * what tells two matrices apart in messages.
   */
  public String location() {
    return location(packageName, source);
  }

  private static String location(String packageName, String source) {
    return packageName.isEmpty() ? source : packageName.replace('.', '/') + "/" + source;
  }

  /** Returns every permission, in matrix order. */
  public List<Permission> permissions() {
    return permissions;
  }

  /** Returns every role, in matrix order. */
  public List<Role> roles() {
    return roles;
  }

  /** Returns the roles of one level, in matrix order. */
  public List<Role> roles(Level level) {
    return List.copyOf(rolesOf(level).values());
  }

  private Map<String, Role> rolesOf(Level level) {
    return level == Level.WORKSPACE ? workspaceRoles : accountRoles;
  }

  /** Returns the permission with this exact (case-sensitive) name. */
  public Optional<Permission> permission(String name) {
    return Optional.ofNullable(permissionsByName.get(name));
  }

  /**
   * Returns the permission whose external scope string is {@code scope} (Prefect's {@code
   * see_flows}).
   */
  public Optional<Permission> permissionByScope(String scope) {
    return Optional.ofNullable(permissionsByScope.get(scope));
  }

  /**
   * Returns the permission named {@code nameOrScope}, by exact name first, then by scope string, so
   * that a role list from an external API can be read as is.
   *
   * @throws IllegalArgumentException naming the input when neither matches
   */
  public Permission resolvePermission(String nameOrScope) {
    // Both maps take a null key, and hold none.
    Permission permission = permissionsByName.get(nameOrScope);
    if (permission == null) {
      permission = permissionsByScope.get(nameOrScope);
    }
    if (permission != null) {
      return permission;
    }
    throw new IllegalArgumentException(
        Names.quoted(nameOrScope)
            + " is neither a permission name nor a"
            + " scope of matrix "
            + name
            + "; names look like DELETE_DEPLOYMENTS, scopes like "
            + (permissionsByScope.isEmpty()
                ? "(this matrix has none)"
                : permissionsByScope.keySet().iterator().next()));
  }

  /** Returns the roles of {@code level} that hold {@code permission}, in matrix order. */
  public List<Role> rolesHolding(Permission permission, Level level) {
    return rolesOf(level).values().stream().filter(role -> role.holds(permission)).toList();
  }

  /** Returns the workspace role with this exact (case-sensitive) name. */
  public Optional<Role> workspaceRole(String name) {
    return Optional.ofNullable(workspaceRoles.get(name));
  }

  /** Returns the account role with this exact (case-sensitive) name. */
  public Optional<Role> accountRole(String name) {
    return Optional.ofNullable(accountRoles.get(name));
  }

  /** Returns the account role a principal holds when none is set (Prefect: MEMBER), or null. */
  public Role defaultAccountRole() {
    return defaultAccountRole;
  }

  /** Returns the permission at {@code index}; used by generated capability tables. */
  public Permission permissionAt(int index) {
    return permissions.get(index);
  }

  /**
   * Returns the role of this name and level.
   *
   * @throws IllegalArgumentException naming the role and the known roles of that level
   */
  public Role role(String name, Level level) {
    return requireRole(name, level);
  }

  Role requireRole(String roleName, Level level) {
    Role role = rolesOf(level).get(roleName);
    if (role == null) {
      Role other =
          rolesOf(level == Level.WORKSPACE ? Level.ACCOUNT : Level.WORKSPACE).get(roleName);
      String known = String.join(", ", rolesOf(level).keySet());
      String found =
          other == null
              ? "unknown"
              : article(other.level()) + " role, not " + article(level) + " role";
      throw new IllegalArgumentException(
          level.word()
              + " role "
              + Names.quoted(roleName)
              + " is "
              + found
              + " in matrix "
              + name
              + "; known "
              + level.word()
              + " roles (case-sensitive): "
              + known);
    }
    return role;
  }

  private static String article(Level level) {
    return (level == Level.ACCOUNT ? "an " : "a ") + level.word();
  }

  /** Returns "Prefect Cloud (dev/rolegate/prefect/prefect-cloud.md)": title and location. */
  @Override
  public String toString() {
    return name + " (" + location() + ")";
  }

  /** Collects a matrix's permissions and roles, in order. */
  public static final class Builder {
    private final String name;
    private final String packageName;
    private final String source;
    private final List<PermissionSpec> permissions = new ArrayList<>();
    private final List<RoleSpec> roles = new ArrayList<>();
    private String defaultAccountRole = "";
    private String sha256 = "";
    private boolean mustShip;
    private java.net.URL shipped;

    private Builder(String name, String packageName, String source) {
      this.name = java.util.Objects.requireNonNull(name, "name");
      this.packageName = java.util.Objects.requireNonNull(packageName, "package name");
      this.source = java.util.Objects.requireNonNull(source, "source");
    }

    /**
     * Adds the next permission (its index is its position) with the bitset of what it implies
     * through includes, itself included.
     */
    public Builder permission(
        String name, Level level, String scope, String description, long[] implies) {
      permissions.add(new PermissionSpec(name, level, scope, description, implies.clone()));
      return this;
    }

    /**
     * Adds a role with its closed permission set as a bitset over permission indexes, and for an
     * account role the workspace role it holds everywhere ("" for none).
     */
    public Builder role(
        String name, Level level, long[] bits, String everywhere, String description) {
      roles.add(new RoleSpec(name, level, bits.clone(), everywhere, description));
      return this;
    }

    /** Names the account role a principal holds when none is set. */
    public Builder defaultAccountRole(String name) {
      this.defaultAccountRole = name;
      return this;
    }

    /**
     * Records the SHA-256 (64 lowercase hex digits) of the matrix file the table was compiled from,
     * for a file read from the source path, which a build need not ship: {@link #build()} throws
     * {@link StaleMatrixError} when a copy ships beside the table ({@code copy}, from {@code
     * AcmeCapabilityTable.class.getResource("acme.md")}; null when none ships) with another digest
     * or unreadable. With no copy there is nothing to compare.
     */
    public Builder compiledFromSource(String sha256, java.net.URL copy) {
      this.sha256 = MatrixFiles.requireSha256(sha256);
      this.mustShip = copy != null;
      this.shipped = copy;
      return this;
    }

    /**
     * Records the SHA-256 (64 lowercase hex digits) of the matrix file the table was compiled from,
     * and the same file as it ships beside the table ({@code
     * AcmeCapabilityTable.class.getResource("acme.md")}, so that the table's own module finds it):
     * {@link #build()} throws {@link StaleMatrixError} when that file is missing (null),
     * unreadable, or has another digest.
     */
    public Builder compiledFrom(String sha256, java.net.URL shipped) {
      this.sha256 = MatrixFiles.requireSha256(sha256);
      this.mustShip = true;
      this.shipped = shipped;
      return this;
    }

    /**
     * Returns the matrix.
     *
     * @throws StaleMatrixError if the matrix file that ships beside the table is missing,
     *     unreadable or differs from the one the table was compiled from (see {@link
     *     #compiledFrom(String, java.net.URL)})
     */
    public Matrix build() {
      if (mustShip) {
        MatrixFiles.requireShippedMatches(sha256, shipped, location(packageName, source), source);
      }
      return new Matrix(this);
    }
  }

  private record PermissionSpec(
      String name, Level level, String scope, String description, long[] implies) {}

  private record RoleSpec(
      String name, Level level, long[] bits, String everywhere, String description) {}

  /** Lazily finds the single registered matrix, once. */
  private static final class Loaded {
    private static final Lookup ONLY = lookup();

    private static Lookup lookup() {
      List<Matrix> found = new ArrayList<>();
      List<String> providers = new ArrayList<>();
      try {
        for (CapabilityTable table :
            ServiceLoader.load(CapabilityTable.class, Matrix.class.getClassLoader())) {
          found.add(table.matrix());
          providers.add(table.getClass().getName());
        }
      } catch (RuntimeException | java.util.ServiceConfigurationError | StaleMatrixError e) {
        // A stale table reports itself however it is reached: directly, or wrapped by a
        // ServiceLoader that initialized it.
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
          if (cause instanceof StaleMatrixError) {
            return new Lookup(null, cause.getMessage(), true);
          }
        }
        return new Lookup(null, "reading the compiled matrices failed: " + e, false);
      }
      if (found.size() == 1) {
        return new Lookup(found.get(0), null, false);
      }
      if (found.isEmpty()) {
        return new Lookup(
            null,
            "no compiled permission matrix is on the class path: add rolegate-prefect for the"
                + " bundled Prefect Cloud matrix, or compile your own with @PermissionMatrix",
            false);
      }
      return new Lookup(
          null,
          "several compiled permission matrices are on the class path ("
              + String.join(", ", providers)
              + "): pass the one you mean, e.g. Principal.user(id).matrix(...)",
          false);
    }
  }

  private record Lookup(Matrix matrix, String problem, boolean stale) {
    Matrix get() {
      if (stale) {
        throw new StaleMatrixError(problem);
      }
      if (matrix == null) {
        throw new IllegalStateException(problem);
      }
      return matrix;
    }
  }
}
