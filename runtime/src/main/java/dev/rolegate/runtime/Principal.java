package dev.rolegate.runtime;

import dev.rolegate.runtime.internal.Names;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Who is calling: a user or a service account, a member of zero or more accounts with one account
 * role in each, holding a role per workspace; resolved against a compiled {@link Matrix} when
 * built. Which account a workspace belongs to is the {@link AccountDirectory}'s answer: in a
 * workspace of an account it is not a member of, a principal holds nothing (no explicit role, no
 * workspace default, no account role's workspace OWNER).
 *
 * <p>Role names arrive as strings from tokens and directories, so the builder takes names and
 * rejects unknown ones (case-sensitive: {@code owner} is not {@code OWNER}) when it builds. A built
 * principal is immutable and safe to share between threads.
 *
 * <pre>{@code
 * Principal alice = Principal.user("alice")
 *     .directory(accounts)                              // which account each workspace is in
 *     .member("acct-acme", AccountRoles.ADMIN)          // OWNER in every workspace of acct-acme
 *     .member("acct-globex")                            // MEMBER
 *     .workspaceRole("ws-globex", WorkspaceRoles.DEVELOPER)
 *     .build();
 * }</pre>
 */
public final class Principal {
  private final String id;
  private final PrincipalKind kind;
  private final Matrix matrix;
  private final AccountDirectory directory;

  /**
   * Account key (a UUID's lower-case spelling, else the id) to the account role there: null for a
   * member in a matrix without account roles.
   */
  private final Map<String, Role> memberships;

  private final Map<String, Role> accounts;

  /** The one account of a {@link AccountDirectory#singleAccount} directory (its key), or null. */
  private final String singleAccount;

  private final Map<Object, Role> workspaceRoles;
  private final Map<String, Role> explicitRoles;
  private final WorkspaceDefaults defaults;
  private final CustomRoles customRoles;

  private Principal(Builder builder, Matrix matrix) {
    this.id = builder.id;
    this.kind = builder.kind;
    this.matrix = matrix;
    if (builder.directory == null) {
      throw new IllegalStateException(
          this
              + " has no account directory: give it"
              + " .directory(AccountDirectory.singleAccount(\"<account id>\")) in an application with"
              + " one account, or .directory(<your AccountDirectory>) so that each workspace's account"
              + " is known (a workspace of an unknown account is denied)");
    }
    this.directory = builder.directory;
    this.singleAccount =
        directory instanceof SingleAccountDirectory single
            ? AccountIds.key(single.account())
            : null;
    Map<String, Role> byAccount = new LinkedHashMap<>();
    Map<String, Role> shown = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : builder.memberships.entrySet()) {
      Role role =
          entry.getValue() == null
              ? matrix.defaultAccountRole()
              : matrix.requireRole(entry.getValue(), Level.ACCOUNT);
      byAccount.put(AccountIds.key(entry.getKey()), role);
      shown.put(entry.getKey(), role);
    }
    if (singleAccount != null) {
      String single = ((SingleAccountDirectory) directory).account();
      for (String account : byAccount.keySet()) {
        if (!account.equals(singleAccount)) {
          throw new IllegalArgumentException(
              this
                  + " is given account "
                  + Names.quoted(account)
                  + ", but its directory is the single account "
                  + Names.quoted(single)
                  + "; with several accounts, use an AccountDirectory that knows them");
        }
      }
      if (!byAccount.containsKey(singleAccount)) {
        Role role =
            builder.accountRole == null
                ? matrix.defaultAccountRole()
                : matrix.requireRole(builder.accountRole, Level.ACCOUNT);
        byAccount.put(singleAccount, role);
        shown.put(single, role);
      } else if (builder.accountRole != null) {
        throw new IllegalArgumentException(
            this
                + " is given an account role twice: by"
                + " accountRole(role) and by member(account, role); give it once");
      }
    } else if (builder.accountRole != null) {
      throw new IllegalArgumentException(
          this
              + " is given accountRole("
              + Names.quoted(builder.accountRole)
              + ") without an account: that sets the role in the"
              + " one account of AccountDirectory.singleAccount; with any other directory, name the"
              + " account with member(account, role)");
    }
    if (kind == PrincipalKind.SERVICE_ACCOUNT && byAccount.size() != 1) {
      throw new IllegalArgumentException(
          this
              + " belongs to exactly one account, as every service"
              + " account does; it was given "
              + (byAccount.isEmpty()
                  ? "none"
                  : byAccount.size()
                      + " ("
                      + String.join(", ", shown.keySet().stream().map(Names::quoted).toList())
                      + ")")
              + ": name its account with member(account)");
    }
    this.memberships = byAccount;
    this.accounts = Collections.unmodifiableMap(shown);
    Map<Object, Role> byKey = new HashMap<>();
    Map<String, Role> explicit = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : builder.workspaceRoles.entrySet()) {
      Role role = builder.resolve(entry.getValue(), matrix);
      checkHoldable(entry.getKey(), role);
      explicit.put(entry.getKey(), role);
      byKey.put(entry.getKey(), role);
      WorkspaceIds.uuidOf(entry.getKey()).ifPresent(uuid -> byKey.put(uuid, role));
    }
    this.workspaceRoles = byKey;
    this.explicitRoles = Collections.unmodifiableMap(explicit);
    this.defaults = builder.defaults;
    this.customRoles = builder.customRoles;
    if (defaults != null && defaults.matrix() != matrix) {
      throw new IllegalArgumentException(
          "workspace defaults of matrix "
              + defaults.matrix().name()
              + " cannot serve a principal of matrix "
              + matrix.name());
    }
  }

  /**
   * Refuses a workspace role this principal could never hold: in a workspace the directory knows,
   * of an account this principal is not a member of, or a custom role of another account. A
   * workspace the directory does not know is decided at each call (denied while unknown).
   */
  private void checkHoldable(String workspace, Role role) {
    String account = AccountIds.key(directory.accountOf(workspace));
    if (account == null) {
      return;
    }
    if (!memberships.containsKey(account)) {
      throw new IllegalArgumentException(
          this
              + " is given "
              + role.name()
              + " in workspace "
              + Names.quoted(workspace)
              + " of account "
              + Names.quoted(account)
              + ", but is no"
              + " member of that account: a workspace role is held only by members of the workspace's"
              + " account (add member("
              + Names.quoted(account)
              + ") or drop the role)");
    }
    if (!holdableIn(role, account)) {
      throw new IllegalArgumentException(
          this
              + " is given custom role "
              + role.name()
              + " of "
              + customAccount(role)
              + " in workspace "
              + Names.quoted(workspace)
              + " of account "
              + Names.quoted(account)
              + ": a custom role is held only in its"
              + " own account's workspaces");
    }
  }

  private static String customAccount(Role role) {
    return role.accountKey() == null
        ? "a single-account application (new CustomRoles(matrix), no account named)"
        : "account " + Names.quoted(role.accountKey());
  }

  /** Whether {@code role} may be held in a workspace of {@code account} (a key). */
  boolean holdableIn(Role role, String account) {
    if (!role.isCustom()) {
      return true;
    }
    String own = role.accountKey();
    return own == null ? account.equals(singleAccount) : own.equals(account);
  }

  /** Starts a user principal. */
  public static Builder user(String id) {
    return new Builder(id, PrincipalKind.USER);
  }

  /**
   * Starts a service-account principal (an API key): it belongs to exactly one account, named with
   * {@link Builder#member} (or the one of {@link AccountDirectory#singleAccount}).
   */
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

  /** Returns the directory that says which account each workspace belongs to. */
  public AccountDirectory directory() {
    return directory;
  }

  /**
   * Returns the accounts this principal is a member of, with its account role in each, in order
   * given.
   */
  public Map<String, Role> accounts() {
    return accounts;
  }

  /**
   * Returns this principal's account role in {@code account} (either spelling of a UUID), or null
   * when it is not a member there (and for a null id, and in a matrix without account roles).
   */
  public Role accountRole(String account) {
    return memberships.get(AccountIds.key(account));
  }

  /**
   * Returns whether this principal is a member of {@code account} (either spelling of a UUID),
   * given with {@link Builder#member} or by a single-account directory; in a matrix without account
   * roles a member holds none.
   */
  public boolean isMemberOf(String account) {
    return memberships.containsKey(AccountIds.key(account));
  }

  /**
   * Returns the account {@code workspace} belongs to, as the directory says, or null when the
   * directory does not know it or the id names no workspace (null, empty, blank).
   *
   * @throws RuntimeException whatever the application's directory throws
   */
  public String accountOf(String workspace) {
    return isWorkspaceId(workspace) ? directory.accountOf(workspace) : null;
  }

  /** As {@link #accountOf(String)}, for a workspace named by UUID. */
  public String accountOf(UUID workspace) {
    return workspace == null ? null : directory.accountOf(workspace);
  }

  /** Returns the explicitly assigned workspace roles, by workspace id, in the order given. */
  public Map<String, Role> explicitWorkspaceRoles() {
    return explicitRoles;
  }

  /**
   * Returns the workspace role this principal holds in {@code workspace}: none unless it is a
   * member of the workspace's account (the directory's answer); then its explicit role there, else
   * the workspace's default role when one is set, else null. The role its account role implies in
   * the account's workspaces (account ADMIN/OWNER: OWNER) is separate: see {@link
   * Role#everywhere()}. A null or blank id, or a workspace the directory does not know, gives null.
   *
   * @throws RuntimeException whatever the application's directory throws
   */
  public Role workspaceRole(String workspace) {
    return roleIn(workspace, accountOf(workspace));
  }

  /**
   * Returns the workspace role held in the workspace with this UUID, as {@link
   * #workspaceRole(String)}.
   */
  public Role workspaceRole(UUID workspace) {
    return roleIn(workspace, accountOf(workspace));
  }

  /**
   * Returns the workspace role held in {@code workspace} (a valid String id or a UUID), which
   * belongs to {@code account} (null: unknown): null unless a member there; then the explicit role
   * (when it may be held there), else the default role (the same). What a guard's full decision
   * reads.
   */
  Role roleIn(Object workspace, String account) {
    String key = AccountIds.key(account);
    if (!memberships.containsKey(key)) {
      return null;
    }
    Role role = explicitRole(workspace);
    if (role == null && defaults != null) {
      role = defaults.defaultRole(workspace);
    }
    return role != null && holdableIn(role, key) ? role : null;
  }

  private Role explicitRole(Object workspace) {
    // The map holds only valid ids, so a hit needs no further check of the id.
    Role role = workspaceRoles.get(workspace);
    if (role != null || !(workspace instanceof String id) || !WorkspaceIds.looksLikeUuid(id)) {
      return role;
    }
    // Assigned under another spelling of the same UUID: the explicit role still wins.
    return workspaceRoles.get(UUID.fromString(id));
  }

  /**
   * Returns the role this principal was given in {@code workspace} under exactly this spelling,
   * when {@code workspace} belongs to {@code account} and the role may be held there by this
   * principal (a member; a custom role of that account); else null. No workspace default, no other
   * spelling of a UUID. What a binding resolves once.
   */
  Role assignedRoleIn(String workspace, String account) {
    Role role = workspaceRoles.get(workspace);
    if (role == null) {
      return null;
    }
    String key = AccountIds.key(account);
    return memberships.containsKey(key) && holdableIn(role, key) ? role : null;
  }

  /** Returns whether this principal was given a role of its own in {@code workspace}. */
  boolean hasExplicitRole(String workspace) {
    return workspace != null
        && (workspaceRoles.containsKey(workspace)
            || WorkspaceIds.uuidOf(workspace).map(workspaceRoles::containsKey).orElse(false));
  }

  /** Returns the custom roles this principal's role names were resolved against, if any. */
  public Optional<CustomRoles> customRoles() {
    return Optional.ofNullable(customRoles);
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

    /** Account id to a role name, or null for the matrix's default account role. */
    private final Map<String, String> memberships = new LinkedHashMap<>();

    private final java.util.Set<String> accountKeys = new java.util.HashSet<>();
    private AccountDirectory directory;

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

    /**
     * Says which account each workspace belongs to (required): {@link
     * AccountDirectory#singleAccount} in an application with one account, an {@link
     * InMemoryAccountDirectory}, or the application's own.
     */
    public Builder directory(AccountDirectory directory) {
      this.directory = Objects.requireNonNull(directory, "account directory");
      return this;
    }

    /**
     * Makes this principal a member of {@code account} with the matrix's default account role
     * (MEMBER).
     */
    public Builder member(String account) {
      return putMembership(account, null);
    }

    /**
     * Makes this principal a member of {@code account} with account role {@code role} (e.g. {@code
     * AccountRoles.ADMIN}).
     */
    public Builder member(String account, String role) {
      return putMembership(account, Objects.requireNonNull(role, "account role"));
    }

    private Builder putMembership(String account, String role) {
      AccountIds.requireValid(Objects.requireNonNull(account, "account id"));
      if (!accountKeys.add(AccountIds.key(account))) {
        throw new IllegalArgumentException(
            "account "
                + Names.quoted(account)
                + " is given twice for "
                + id
                + ": a principal holds one account role per account");
      }
      memberships.put(account, role);
      return this;
    }

    /**
     * Sets the role in the one account of a single-account application ({@link
     * AccountDirectory#singleAccount}) by name (e.g. {@code AccountRoles.ADMIN}); default: the
     * matrix's default (MEMBER). With any other directory building fails: name the account with
     * {@link #member(String, String)}.
     */
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
            "workspace "
                + Names.quoted(workspace)
                + " already has a role for "
                + id
                + ": a principal holds one role per workspace");
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

    /**
     * Resolves role names against these custom roles too (and uses their matrix if none is set).
     */
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
          throw new IllegalArgumentException(
              "role "
                  + given.name()
                  + " is not a workspace role of"
                  + " matrix "
                  + matrix.name()
                  + "; the principal's roles all come from one matrix");
        }
        return given;
      }
      String name = (String) role;
      if (customRoles != null) {
        if (customRoles.matrix() != matrix) {
          throw new IllegalArgumentException(
              "the custom roles given belong to matrix "
                  + customRoles.matrix().name()
                  + ", but this principal's roles come from matrix "
                  + matrix.name()
                  + "; define them against the same matrix");
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
     * @throws IllegalArgumentException naming a role that the matrix does not have at that level; a
     *     service account not in exactly one account; a workspace role in a workspace of an account
     *     this principal is not a member of, or a custom role of another account
     * @throws IllegalStateException if no directory was given, or no matrix was given and there is
     *     not exactly one on the class path
     */
    public Principal build() {
      return new Principal(this, matrix != null ? matrix : Matrix.load());
    }
  }
}
