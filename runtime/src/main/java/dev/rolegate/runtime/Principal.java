package dev.rolegate.runtime;

import dev.rolegate.runtime.internal.Names;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Who is calling: a user or a service account, with one account role and a role per workspace,
 * resolved against a compiled {@link Matrix} when built.
 *
 * <p>Role names arrive as strings from tokens and directories, so the builder takes names and
 * rejects unknown ones (case-sensitive: {@code owner} is not {@code OWNER}) when it builds. A
 * built principal is immutable and safe to share between threads.
 *
 * <pre>{@code
 * Principal alice = Principal.user("alice")
 *     .accountRole(AccountRoles.MEMBER)
 *     .workspaceRole("ws-prod", WorkspaceRoles.DEVELOPER)
 *     .build();
 * }</pre>
 */
public final class Principal {
  private final String id;
  private final PrincipalKind kind;
  private final Matrix matrix;
  private final Role accountRole;
  private final Map<Object, Role> workspaceRoles;
  private final boolean hasUuidRoles;
  private final Map<String, Role> explicitRoles;
  private final WorkspaceDefaults defaults;
  private final CustomRoles customRoles;

  private Principal(Builder builder, Matrix matrix) {
    this.id = builder.id;
    this.kind = builder.kind;
    this.matrix = matrix;
    this.accountRole = resolveAccountRole(builder, matrix);
    Map<Object, Role> byKey = new HashMap<>();
    Map<String, Role> explicit = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : builder.workspaceRoles.entrySet()) {
      Role role = builder.resolve(entry.getValue(), matrix);
      explicit.put(entry.getKey(), role);
      byKey.put(entry.getKey(), role);
      WorkspaceIds.uuidOf(entry.getKey()).ifPresent(uuid -> byKey.put(uuid, role));
    }
    this.workspaceRoles = byKey;
    this.hasUuidRoles = byKey.keySet().stream().anyMatch(UUID.class::isInstance);
    this.explicitRoles = java.util.Collections.unmodifiableMap(explicit);
    this.defaults = builder.defaults;
    this.customRoles = builder.customRoles;
    if (defaults != null && defaults.matrix() != matrix) {
      throw new IllegalArgumentException(
          "workspace defaults of matrix " + defaults.matrix().name()
              + " cannot serve a principal of matrix " + matrix.name());
    }
  }

  private static Role resolveAccountRole(Builder builder, Matrix matrix) {
    if (builder.accountRole != null) {
      return matrix.requireRole(builder.accountRole, Level.ACCOUNT);
    }
    return matrix.defaultAccountRole();
  }

  /** Starts a user principal. */
  public static Builder user(String id) {
    return new Builder(id, PrincipalKind.USER);
  }

  /** Starts a service-account principal (an API key); its account role defaults to the matrix's default. */
  public static Builder serviceAccount(String id) {
    return new Builder(id, PrincipalKind.SERVICE_ACCOUNT);
  }

  /** Returns the user or service-account id. */
  public String id() {
    return id;
  }

  /** Returns whether this is a user or a service account. */
  public PrincipalKind kind() {
    return kind;
  }

  /** Returns the matrix this principal's roles belong to. */
  public Matrix matrix() {
    return matrix;
  }

  /** Returns the account role, or null when the matrix has no account roles. */
  public Role accountRole() {
    return accountRole;
  }

  /** Returns the custom roles this principal's role names were resolved against, if any. */
  public Optional<CustomRoles> customRoles() {
    return Optional.ofNullable(customRoles);
  }

  /** Returns the explicitly assigned workspace roles, by workspace id, in the order given. */
  public Map<String, Role> explicitWorkspaceRoles() {
    return explicitRoles;
  }

  /**
   * Returns the workspace role this principal holds in {@code workspace}: its explicit role
   * there, else the workspace's default role when one is set, else null. The role its account
   * role implies everywhere (account ADMIN/OWNER: OWNER) is separate: see {@link
   * Role#everywhere()}. A null or blank id gives null.
   */
  public Role workspaceRole(String workspace) {
    // The map holds only valid ids, so a hit needs no further check of the id.
    Role role = workspaceRoles.get(workspace);
    if (role != null) {
      return role;
    }
    if (hasUuidRoles && workspace != null && WorkspaceIds.looksLikeUuid(workspace)) {
      // Assigned under another spelling of the same UUID: the explicit role still wins.
      role = workspaceRoles.get(UUID.fromString(workspace));
      if (role != null) {
        return role;
      }
    }
    return defaults != null && isWorkspaceId(workspace) ? defaults.defaultRole(workspace) : null;
  }

  /**
   * Returns the role this principal was given in {@code workspace} under exactly this spelling,
   * or null (also for a null id: the map takes a null key and holds none): no workspace default,
   * no other spelling of a UUID. What a binding resolves once.
   */
  Role assignedRole(String workspace) {
    return workspaceRoles.get(workspace);
  }

  /**
   * Returns the assigned roles by workspace id (and by UUID), never modified after building: a
   * binding keeps the reference so that a lookup from it is no longer than one from here.
   */
  Map<Object, Role> assignedRoles() {
    return workspaceRoles;
  }

  /** Returns whether this principal was given a role of its own in {@code workspace}. */
  boolean hasExplicitRole(String workspace) {
    return workspace != null
        && (workspaceRoles.containsKey(workspace)
            || WorkspaceIds.uuidOf(workspace).map(workspaceRoles::containsKey).orElse(false));
  }

  /** Returns the workspace role held in the workspace with this UUID, as {@link #workspaceRole(String)}. */
  public Role workspaceRole(UUID workspace) {
    if (workspace == null) {
      return null;
    }
    Role role = workspaceRoles.get(workspace);
    if (role == null && defaults != null) {
      role = defaults.defaultRole(workspace);
    }
    return role;
  }

  /**
   * Returns whether {@code workspace} names a workspace: it has a visible character (whitespace,
   * no-break and other space separators and zero-width format characters do not count). Cheap for
   * the usual id, whose first character is visible ASCII.
   */
  public static boolean isWorkspaceId(String workspace) {
    return WorkspaceIds.isVisible(workspace);
  }


  /** Returns "user alice" or "service account ci-bot": no roles, nothing secret. */
  @Override
  public String toString() {
    return kind.word() + " " + id;
  }

  /** Collects a principal's roles by name; {@link #build()} checks them against the matrix. */
  public static final class Builder {
    private final String id;
    private final PrincipalKind kind;
    private String accountRole;
    /** Workspace id to a role name or a {@link Role}, resolved when built. */
    private final Map<String, Object> workspaceRoles = new LinkedHashMap<>();
    // One key per workspace: a UUID's canonical string, whatever case or overload it came in.
    private final java.util.Set<String> workspaceKeys = new java.util.HashSet<>();
    private Matrix matrix;
    private WorkspaceDefaults defaults;
    private CustomRoles customRoles;

    private Builder(String id, PrincipalKind kind) {
      // Denial messages and audit lines show the id: one that prints as nothing or as something
      // else (a line break, a bidi override, a no-break space) could forge or hide a log line.
      this.id = Names.requireShowable("a principal id", Objects.requireNonNull(id, "principal id"));
      this.kind = kind;
    }

    /** Sets the account role by name (e.g. {@code AccountRoles.ADMIN}); default: the matrix's default. */
    public Builder accountRole(String role) {
      this.accountRole = Objects.requireNonNull(role, "account role");
      return this;
    }

    /**
     * Sets the role in one workspace by name (e.g. {@code WorkspaceRoles.DEVELOPER}, or a custom
     * role's name when {@link #customRoles} are given).
     */
    public Builder workspaceRole(String workspace, String role) {
      Objects.requireNonNull(role, "workspace role");
      return putRole(workspace, role);
    }

    /** Sets the role in one workspace: a built-in or custom workspace role of the same matrix. */
    public Builder workspaceRole(String workspace, Role role) {
      Objects.requireNonNull(role, "workspace role");
      return putRole(workspace, role);
    }

    private Builder putRole(String workspace, Object role) {
      Names.requireShowable("a workspace id", Objects.requireNonNull(workspace, "workspace id"));
      String key = WorkspaceIds.uuidOf(workspace).map(UUID::toString).orElse(workspace);
      if (!workspaceKeys.add(key)) {
        throw new IllegalArgumentException(
            "workspace " + Names.quoted(workspace) + " already has a role for " + id + ": a principal holds one role per workspace");
      }
      workspaceRoles.put(workspace, role);
      return this;
    }

    /** Sets the role in one workspace named by UUID. */
    public Builder workspaceRole(UUID workspace, String role) {
      return workspaceRole(Objects.requireNonNull(workspace, "workspace id").toString(), role);
    }

    /** Uses this matrix instead of the single one on the class path. */
    public Builder matrix(Matrix matrix) {
      this.matrix = Objects.requireNonNull(matrix, "matrix");
      return this;
    }

    /** Resolves role names against these custom roles too (and uses their matrix if none is set). */
    public Builder customRoles(CustomRoles roles) {
      this.customRoles = Objects.requireNonNull(roles, "custom roles");
      if (matrix == null) {
        matrix = roles.matrix();
      }
      return this;
    }

    private Role resolve(Object role, Matrix matrix) {
      if (role instanceof Role) {
        Role given = (Role) role;
        if (given.matrix() != matrix || given.level() != Level.WORKSPACE) {
          throw new IllegalArgumentException("role " + given.name() + " is not a workspace role of"
              + " matrix " + matrix.name() + "; the principal's roles all come from one matrix");
        }
        return given;
      }
      String name = (String) role;
      if (customRoles != null) {
        if (customRoles.matrix() != matrix) {
          throw new IllegalArgumentException("the custom roles given belong to matrix "
              + customRoles.matrix().name() + ", but this principal's roles come from matrix "
              + matrix.name() + "; define them against the same matrix");
        }
        return customRoles.workspaceRole(name);
      }
      return matrix.requireRole(name, Level.WORKSPACE);
    }

    /** Applies these workspaces' default roles where this principal has no explicit role. */
    public Builder workspaceDefaults(WorkspaceDefaults defaults) {
      this.defaults = Objects.requireNonNull(defaults, "workspace defaults");
      if (matrix == null) {
        matrix = defaults.matrix();
      }
      return this;
    }

    /**
     * Returns the principal.
     *
     * @throws IllegalArgumentException naming a role that the matrix does not have at that level
     * @throws IllegalStateException if no matrix was given and there is not exactly one on the
     *     class path
     */
    public Principal build() {
      return new Principal(this, matrix != null ? matrix : Matrix.load());
    }
  }
}
