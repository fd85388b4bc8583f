package dev.rolegate.runtime;

import dev.rolegate.runtime.internal.Names;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Custom workspace roles (Prefect Enterprise), defined at run time and validated against a compiled
 * matrix when defined: a built-in base role plus extra permissions (the base's permissions cannot
 * be removed), or a standalone list of permissions. Permissions are given by name ({@code
 * CREATE_EDIT_DEPLOYMENTS}) or by scope string ({@code write_deployments}), so that a role list
 * from Prefect's API or Terraform loads as is; each brings what it includes.
 *
 * <p>A custom role is a {@link Role} like a built-in one: give it to {@link
 * Principal.Builder#workspaceRole(String, Role)}, name it in a principal built with {@link
 * Principal.Builder#customRoles}, or make it a workspace's default. Guards check it at the same
 * cost. Definitions are resolved against the matrix in force, so a role based on RUNNER holds
 * whatever RUNNER holds in that matrix. Thread-safe.
 */
public final class CustomRoles {
  private final Matrix matrix;

  /** The account the roles belong to (its key), or null for a single-account application's. */
  private final String account;

  private final Map<String, Role> roles = new LinkedHashMap<>();

  /**
   * Creates an empty set of custom roles of account {@code account}, for {@code matrix}: as in
   * Prefect, a custom role belongs to one account and is held only in that account's workspaces.
   *
   * @throws IllegalArgumentException if the account id cannot be shown (the name rule)
   */
  public CustomRoles(Matrix matrix, String account) {
    this.matrix = Objects.requireNonNull(matrix, "matrix");
    this.account =
        AccountIds.key(AccountIds.requireValid(Objects.requireNonNull(account, "account id")));
  }

  /**
   * Creates an empty set of custom roles of a single-account application, for {@code matrix}: they
   * are held only by principals whose directory is {@link AccountDirectory#singleAccount}. With
   * several accounts, name the account: {@link #CustomRoles(Matrix, String)}.
   */
  public CustomRoles(Matrix matrix) {
    this.matrix = Objects.requireNonNull(matrix, "matrix");
    this.account = null;
  }

  /** Returns the account these roles belong to, or empty for a single-account application's. */
  public Optional<String> account() {
    return Optional.ofNullable(account);
  }

  /** Returns the matrix these roles are defined against. */
  public Matrix matrix() {
    return matrix;
  }

  /**
   * Defines {@code name} as built-in workspace role {@code baseRole} plus {@code extras}.
   *
   * @throws IllegalArgumentException naming an unknown base role or permission, an account-level
   *     permission, or a name already taken
   */
  public Role define(String name, String baseRole, Collection<String> extras) {
    checkName(name);
    Objects.requireNonNull(baseRole, "base role");
    Role base = matrix.role(baseRole, Level.WORKSPACE);
    return add(name, base, permissions(name, extras), "custom role based on " + base.name());
  }

  /** As {@link #define(String, String, Collection)}, with the extras as arguments. */
  public Role define(String name, String baseRole, String... extras) {
    return define(name, baseRole, List.of(extras));
  }

  /**
   * Defines {@code name} as exactly {@code permissions} (and what they include).
   *
   * @throws IllegalArgumentException if the list is empty, or names an unknown or account-level
   *     permission, or the name is taken
   */
  public Role defineStandalone(String name, Collection<String> permissions) {
    checkName(name);
    List<Permission> resolved = permissions(name, permissions);
    if (resolved.isEmpty()) {
      throw new IllegalArgumentException(
          "custom role " + name + " lists no permission; a standalone role needs at least one");
    }
    return add(name, null, resolved, "standalone custom role");
  }

  /** Returns the custom role of this exact name. */
  public synchronized Optional<Role> find(String name) {
    return Optional.ofNullable(roles.get(name));
  }

  /** Returns every custom role, in definition order. */
  public synchronized List<Role> all() {
    return Collections.unmodifiableList(new ArrayList<>(roles.values()));
  }

  /**
   * Returns the built-in or custom workspace role of this exact name.
   *
   * @throws IllegalArgumentException naming it and the known roles when there is none
   */
  public synchronized Role workspaceRole(String name) {
    Objects.requireNonNull(name, "workspace role");
    Optional<Role> builtIn = matrix.workspaceRole(name);
    if (builtIn.isPresent()) {
      return builtIn.get();
    }
    Role custom = roles.get(name);
    if (custom == null) {
      List<String> known = new ArrayList<>();
      matrix.roles(Level.WORKSPACE).forEach(role -> known.add(role.name()));
      known.addAll(roles.keySet());
      throw new IllegalArgumentException(
          "workspace role "
              + Names.quoted(name)
              + " is neither built into matrix "
              + matrix.name()
              + " nor defined as a custom role; known workspace roles (case-sensitive): "
              + String.join(", ", known));
    }
    return custom;
  }

  private List<Permission> permissions(String role, Collection<String> names) {
    Objects.requireNonNull(names, "permissions");
    List<Permission> resolved = new ArrayList<>();
    for (String name : names) {
      Permission permission;
      try {
        permission = matrix.resolvePermission(name);
      } catch (IllegalArgumentException unknown) {
        throw new IllegalArgumentException(
            "custom role " + role + ": " + unknown.getMessage(), unknown);
      }
      if (permission.level() != Level.WORKSPACE) {
        String given =
            name.equals(permission.name()) ? name : name + " (" + permission.name() + ")";
        throw new IllegalArgumentException(
            "custom role "
                + role
                + " lists "
                + given
                + ", an account permission; a workspace role holds only workspace permissions");
      }
      if (!resolved.contains(permission)) {
        resolved.add(permission);
      }
    }
    return resolved;
  }

  /**
   * Checks that {@code name} may name a new custom role: showable ({@link Names}), and equal,
   * ignoring case, to no built-in role of either level and no custom role defined already, so that
   * no two roles read alike ({@code viewer} and {@code VIEWER}, Prefect's {@code Viewer}).
   */
  private synchronized void checkName(String name) {
    Names.requireShowable("a custom role name", Objects.requireNonNull(name, "role name"));
    for (Role builtIn : matrix.roles()) {
      if (builtIn.name().equalsIgnoreCase(name)) {
        throw new IllegalArgumentException(
            "custom role "
                + name
                + " would read like the built-in "
                + builtIn.level().word()
                + " role "
                + builtIn.name()
                + " of matrix "
                + matrix.name()
                + " (role names are told apart ignoring case); choose another name");
      }
    }
    for (String taken : roles.keySet()) {
      if (taken.equalsIgnoreCase(name)) {
        throw new IllegalArgumentException(
            "custom role "
                + name
                + " is already defined"
                + (taken.equals(name)
                    ? ""
                    : " as " + taken + " (role names are told apart ignoring case)"));
      }
    }
  }

  private synchronized Role add(
      String name, Role base, List<Permission> extras, String description) {
    checkName(name);
    Role role = Role.custom(matrix, account, name, base, extras, description);
    roles.put(name, role);
    return role;
  }
}
