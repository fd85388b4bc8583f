package dev.rolegate.runtime.internal;

import dev.rolegate.runtime.AccessDeniedException;
import dev.rolegate.runtime.AccountDirectory;
import dev.rolegate.runtime.DecisionListener;
import dev.rolegate.runtime.Decisions;
import dev.rolegate.runtime.Level;
import dev.rolegate.runtime.Matrix;
import dev.rolegate.runtime.Permission;
import dev.rolegate.runtime.Principal;
import dev.rolegate.runtime.PrincipalSource;
import dev.rolegate.runtime.Role;
import dev.rolegate.runtime.UnauthenticatedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The permissions one guarded method requires (all of them, or any one), checked by the generated
 * guard before it delegates. Guards hold their requirements as constants, so the allowed path reads
 * the principal, finds its role in the target workspace and tests bits: no allocation, no
 * reflection, no lookup by name.
 *
 * <p>The decision is {@code decide}, written once: the account the call acts in (the one it names,
 * else its workspace's, as the principal's {@code AccountDirectory} says), the principal's account
 * role there (none unless a member), its workspace role there (explicit or default, only for a
 * member) and the workspace role its account role implies in the account's workspaces. For the
 * runtime's own thread source, a call whose assigned role holds the one permission it needs ({@link
 * Binding#assignedRoleIn}: found when bound, for the bound workspace; else the workspace's account
 * from the directory, then the role assigned there to a member) is answered by that bit test
 * ({@link #singleHeldBy}) before anything else, which answers as the full decision would (for the
 * bound workspace: as it would have when the scope opened, which found the workspace's account
 * then): an explicit role wins over a default, and the account role only adds; everything else is
 * decided in full. Denials and their messages are built by {@link Denials}.
 */
public final class Requirement {
  private static final RuntimeAccess RUNTIME = Secrets.runtime();

  private final Matrix matrix;
  private final Permission[] permissions;
  private final boolean any;
  private final boolean workspaceLevel;

  /**
   * The one workspace permission of a single-permission requirement, for the fast path; else null.
   */
  private final Permission single;

  /** {@link #single}'s bit in the first bitset word, or 0: the allowed path's one bit test. */
  private final long singleBit;

  private final List<String> names;

  private Requirement(boolean any, Permission... permissions) {
    if (permissions.length == 0) {
      throw new IllegalArgumentException("a requirement needs at least one permission");
    }
    this.permissions = permissions.clone();
    this.any = any;
    this.matrix = Objects.requireNonNull(permissions[0], "permission").matrix();
    boolean workspace = false;
    for (Permission permission : this.permissions) {
      if (Objects.requireNonNull(permission, "permission").matrix() != matrix) {
        throw new IllegalArgumentException("permissions of one requirement come from one matrix");
      }
      workspace |= permission.level() == Level.WORKSPACE;
    }
    this.workspaceLevel = workspace;
    this.single = this.permissions.length == 1 && workspace ? this.permissions[0] : null;
    this.singleBit = single == null ? 0 : RUNTIME.firstWordMask(single);
    List<String> list = new ArrayList<>(permissions.length);
    for (Permission permission : this.permissions) {
      list.add(permission.name());
    }
    this.names = List.copyOf(list);
  }

  /** Returns a requirement that every one of {@code permissions} is held. */
  public static Requirement allOf(Permission... permissions) {
    return new Requirement(false, permissions);
  }

  /** Returns a requirement that at least one of {@code permissions} is held. */
  public static Requirement anyOf(Permission... permissions) {
    return new Requirement(true, permissions);
  }

  /** Returns whether any permission is workspace-level, so that a workspace is needed. */
  public boolean needsWorkspace() {
    return workspaceLevel;
  }

  /**
   * Checks the principal of {@code source} for {@code operation}, a call that names {@code
   * workspace} (a {@code @WorkspaceId} argument, or the bound workspace) and acts in that
   * workspace's account: a null id, or one with nothing visible in it, is denied whatever the
   * requirement and the principal, and so is a workspace the principal's directory does not know.
   *
   * @throws UnauthenticatedException if no principal is bound
   * @throws AccessDeniedException if the principal lacks the requirement or deciding failed
   */
  public void check(PrincipalSource source, String workspace, String operation) {
    Principal principal;
    if (Bindings.isThreadSource(source)) {
      // One read of the thread's binding; a role assigned in the workspace (found when bound
      // for the bound one), in an account the principal is a member of, that holds the one
      // permission needed answers the call by itself.
      Binding binding = Bindings.current();
      if (binding == null) {
        throw unauthenticated(operation, workspace);
      }
      principal = binding.principal();
      Role role = binding.assignedRoleIn(workspace);
      if (singleHeldBy(role)) {
        allowed(principal, role, binding.workspaceAccount(), workspace, operation);
        return;
      }
      // Another workspace, for a one-permission requirement: the bound one's role was found when
      // bound, and several permissions are decided in full anyway.
      if (role == null
          && singleBit != 0
          && !binding.binds(workspace)
          && allowedByAssignedRole(principal, workspace, operation)) {
        return;
      }
    } else {
      principal = principalOf(source, workspace, operation);
    }
    decide(principal, false, null, true, workspace, operation);
  }

  /**
   * Allows a call on a workspace other than the bound one whose assigned role there holds the one
   * permission needed: the workspace's account from the directory, then the role assigned there,
   * for a member only. False means "decide in full" (which asks again, and denies if the directory
   * throws), never "denied". Kept out of {@code check} so that the bound workspace's path stays
   * small.
   */
  private boolean allowedByAssignedRole(Principal principal, String workspace, String operation) {
    String account;
    Role role;
    try {
      account = principal.accountOf(workspace);
      role = RUNTIME.assignedRoleIn(principal, workspace, account);
    } catch (RuntimeException failure) {
      return false;
    }
    if (!singleHeldBy(role)) {
      return false;
    }
    allowed(principal, role, account, workspace, operation);
    return true;
  }

  /** As {@link #check(PrincipalSource, String, String)}, for a workspace named by UUID. */
  public void check(PrincipalSource source, UUID workspace, String operation) {
    decide(principalOf(source, workspace, operation), false, null, true, workspace, operation);
  }

  /**
   * Checks a call that names no workspace and no account by argument: a workspace requirement acts
   * on the workspace the source has bound ({@code @BoundWorkspace}), which must be there, in that
   * workspace's account; a call that needs only account permissions and names no account is denied
   * (the processor refuses such a method: {@code [MissingAccount]}).
   */
  public void check(PrincipalSource source, String operation) {
    if (workspaceLevel) {
      check(source, boundWorkspace(source, operation), operation);
      return;
    }
    decide(principalOf(source, null, operation), false, null, false, null, operation);
  }

  /**
   * Checks a call in the account an {@code @AccountId} argument names, and no workspace argument: a
   * workspace requirement acts on the bound workspace ({@code @BoundWorkspace}), which must belong
   * to that account. A null or blank account id is denied.
   */
  public void checkInAccount(PrincipalSource source, String account, String operation) {
    if (workspaceLevel) {
      checkInAccount(source, account, boundWorkspace(source, operation), operation);
      return;
    }
    decide(principalOf(source, null, operation), true, account, false, null, operation);
  }

  /**
   * Checks a call in the account an {@code @AccountId} argument names, on the workspace a
   * {@code @WorkspaceId} argument names: denied unless the workspace belongs to that account.
   */
  public void checkInAccount(
      PrincipalSource source, String account, String workspace, String operation) {
    decide(principalOf(source, workspace, operation), true, account, true, workspace, operation);
  }

  /** As {@link #checkInAccount(PrincipalSource, String, String, String)}, for a UUID workspace. */
  public void checkInAccount(
      PrincipalSource source, String account, UUID workspace, String operation) {
    decide(principalOf(source, workspace, operation), true, account, true, workspace, operation);
  }

  /**
   * Checks a {@code @BoundAccount} call: in the account the source has bound ({@link
   * PrincipalSource#currentAccount()}), which must be there, as {@link
   * #checkInAccount(PrincipalSource, String, String)}.
   */
  public void checkInBoundAccount(PrincipalSource source, String operation) {
    checkInAccount(source, boundAccount(source, operation), operation);
  }

  /** A {@code @BoundAccount} call on the workspace a {@code @WorkspaceId} argument names. */
  public void checkInBoundAccount(PrincipalSource source, String workspace, String operation) {
    checkInAccount(source, boundAccount(source, operation), workspace, operation);
  }

  /** A {@code @BoundAccount} call on the workspace a {@code @WorkspaceId} UUID names. */
  public void checkInBoundAccount(PrincipalSource source, UUID workspace, String operation) {
    checkInAccount(source, boundAccount(source, operation), workspace, operation);
  }

  private String boundWorkspace(PrincipalSource source, String operation) {
    try {
      return source.currentWorkspace();
    } catch (RuntimeException failure) {
      throw sourceFailed("the bound workspace", operation, null, failure);
    }
  }

  private String boundAccount(PrincipalSource source, String operation) {
    try {
      return source.currentAccount();
    } catch (RuntimeException failure) {
      throw sourceFailed("the bound account", operation, null, failure);
    }
  }

  /**
   * Allows the call or throws its denial: the one place a decision is taken. {@code workspace} is a
   * String, a UUID or null, turned into a String only for a denial or a listener.
   *
   * @param accountNamed whether the call names its account ({@code @AccountId},
   *     {@code @BoundAccount}); else it acts in the account of the workspace it names, if any
   * @param workspaceNamed whether the call names a workspace ({@code @WorkspaceId}, or
   *     {@code @BoundWorkspace} with a workspace permission)
   */
  private void decide(
      Principal principal,
      boolean accountNamed,
      String account,
      boolean workspaceNamed,
      Object workspace,
      String operation) {
    Refusal refusal = null;
    // Null when the call names no account: the callers pass none.
    String inAccount = account;
    Role role = null;
    try {
      if (workspaceNamed
          && !(workspace instanceof UUID || Principal.isWorkspaceId((String) workspace))) {
        refusal = Refusal.NO_WORKSPACE;
      } else if (accountNamed && !Principal.isWorkspaceId(account)) {
        refusal = Refusal.NO_ACCOUNT;
      } else if (principal.matrix() != matrix) {
        refusal = Refusal.OTHER_MATRIX;
      } else {
        if (workspaceNamed) {
          String owner =
              workspace instanceof UUID uuid
                  ? principal.accountOf(uuid)
                  : principal.accountOf((String) workspace);
          if (owner == null) {
            refusal = Refusal.UNKNOWN_WORKSPACE;
          } else if (accountNamed && !AccountDirectory.sameAccount(account, owner)) {
            refusal = Refusal.NOT_IN_ACCOUNT;
          } else {
            inAccount = owner;
          }
        } else if (!accountNamed) {
          refusal = Refusal.NO_ACCOUNT;
        }
        if (refusal == null) {
          if (!principal.isMemberOf(inAccount)) {
            refusal = Refusal.NOT_A_MEMBER;
          } else {
            Role accountRole = principal.accountRole(inAccount);
            role = workspaceNamed ? RUNTIME.roleIn(principal, workspace, inAccount) : null;
            if (!satisfied(
                accountRole, role, accountRole == null ? null : accountRole.everywhere())) {
              refusal = Refusal.ROLES;
            }
          }
        }
      }
    } catch (RuntimeException failure) {
      throw Denials.denied(
          this,
          principal,
          Refusal.FAILED,
          account,
          accountNamed,
          Objects.toString(workspace, null),
          operation,
          failure);
    }
    if (refusal != null) {
      throw Denials.denied(
          this,
          principal,
          refusal,
          inAccount,
          accountNamed,
          Objects.toString(workspace, null),
          operation,
          null);
    }
    allowed(principal, role, inAccount, workspace, operation);
  }

  /** Why a call is denied: what {@link Denials} explains. */
  enum Refusal {
    /** The principal's roles there lack the requirement. */
    ROLES,
    /** The principal is no member of the account the call acts in. */
    NOT_A_MEMBER,
    /** The call names a workspace by a null or invisible id, or none is bound. */
    NO_WORKSPACE,
    /** The call needs an account and names none, or names it by a null or invisible id. */
    NO_ACCOUNT,
    /** The principal's directory knows no account for the workspace. */
    UNKNOWN_WORKSPACE,
    /** The workspace belongs to another account than the one the call names. */
    NOT_IN_ACCOUNT,
    /** The principal's roles come from another matrix. */
    OTHER_MATRIX,
    /** Deciding threw. */
    FAILED
  }

  /**
   * Whether {@code role} holds the one workspace permission of a single-permission requirement
   * whose bit lies in the first word: the allowed path's one bit test. False means "decide in
   * full", never "denied".
   */
  boolean singleHeldBy(Role role) {
    return role != null && (RUNTIME.firstWord(role) & singleBit) != 0 && role.matrix() == matrix;
  }

  /** Returns whether these roles satisfy the requirement. */
  boolean satisfied(Role account, Role workspaceRole, Role everywhere) {
    for (Permission permission : permissions) {
      if (held(permission, account, workspaceRole, everywhere) == any) {
        return any;
      }
    }
    return !any;
  }

  private static boolean held(
      Permission permission, Role account, Role workspace, Role everywhere) {
    if (permission.level() == Level.ACCOUNT) {
      return account != null && account.holds(permission);
    }
    return (workspace != null && workspace.holds(permission))
        || (everywhere != null && everywhere.holds(permission));
  }

  private void allowed(
      Principal principal, Role role, String account, Object workspace, String operation) {
    DecisionListener listener = Decisions.listener();
    if (listener != null) {
      Audit.allowed(
          listener, this, principal, role, account, Objects.toString(workspace, null), operation);
    }
  }

  /** {@code workspace} is a String or UUID, turned into a String only when reading fails. */
  private Principal principalOf(PrincipalSource source, Object workspace, String operation) {
    Principal principal;
    try {
      principal = source.current();
    } catch (RuntimeException failure) {
      throw sourceFailed("the current principal", operation, workspace, failure);
    }
    if (principal == null) {
      throw unauthenticated(operation, workspace);
    }
    return principal;
  }

  private UnauthenticatedException unauthenticated(String operation, Object workspace) {
    return Audit.denied(
        new UnauthenticatedException(operation),
        this,
        null,
        null,
        operation,
        null,
        Objects.toString(workspace, null));
  }

  /**
   * Returns the denial to throw when reading the workspace id from a guarded method's argument
   * failed (its accessor threw): a call whose workspace is unknown is denied.
   */
  public AccessDeniedException workspaceFailed(String operation, RuntimeException failure) {
    return sourceFailed("the workspace id", operation, null, failure);
  }

  /**
   * Returns the denial to throw when reading the account id from a guarded method's argument failed
   * (its accessor threw): a call whose account is unknown is denied.
   */
  public AccessDeniedException accountFailed(String operation, RuntimeException failure) {
    return sourceFailed("the account id", operation, null, failure);
  }

  private AccessDeniedException sourceFailed(
      String what, String operation, Object workspace, RuntimeException failure) {
    return Denials.sourceFailed(this, what, operation, Objects.toString(workspace, null), failure);
  }

  /** Returns the required permissions' names, in declared order (immutable). */
  List<String> names() {
    return names;
  }

  /** Returns whether one permission suffices. */
  boolean any() {
    return any;
  }

  /** Returns whether any permission is workspace-level. */
  boolean workspaceLevel() {
    return workspaceLevel;
  }

  /** Returns the matrix the permissions belong to. */
  Matrix matrix() {
    return matrix;
  }

  /** Returns "DELETE_DEPLOYMENTS", "all of A, B" or "one of A, B". */
  public String describe() {
    String list = String.join(", ", names());
    if (permissions.length == 1) {
      return list;
    }
    return (any ? "one of " : "all of ") + list;
  }

  @Override
  public String toString() {
    return describe();
  }
}
