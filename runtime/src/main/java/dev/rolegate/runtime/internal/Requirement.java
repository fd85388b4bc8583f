package dev.rolegate.runtime.internal;

import dev.rolegate.runtime.AccessDeniedException;
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
 * The permissions one guarded method requires (all of them, or any one), checked by the
 * generated guard before it delegates. Guards hold their requirements as constants, so the
 * allowed path reads the principal, finds its role in the target workspace and tests bits: no
 * allocation, no reflection, no lookup by name.
 *
 * <p>The decision is {@link #allows}, written once. For the runtime's own thread source, a call
 * whose assigned role ({@link Binding#assignedRoleIn}: the role found when bound for the bound
 * workspace, else one map lookup) holds the one permission it needs is answered by that bit test
 * ({@link #singleHeldBy}, the first test of {@link #allows} too) before anything else, which never
 * answers differently; everything else is decided in full. Denials and their messages are built
 * by {@link Denials}.
 */
public final class Requirement {
  private static final RuntimeAccess RUNTIME = Secrets.runtime();

  private final Matrix matrix;
  private final Permission[] permissions;
  private final boolean any;
  private final boolean workspaceLevel;
  /** The one workspace permission of a single-permission requirement, for the fast path; else null. */
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
   * workspace} (a {@code @WorkspaceId} argument, or the bound workspace): a null id, or one with
   * nothing visible in it, is denied whatever the requirement and the principal.
   *
   * @throws UnauthenticatedException if no principal is bound
   * @throws AccessDeniedException if the principal lacks the requirement or deciding failed
   */
  public void check(PrincipalSource source, String workspace, String operation) {
    Principal principal;
    Role role = null;
    if (Bindings.isThreadSource(source)) {
      // One read of the thread's binding; a call on the bound workspace needs no lookup, and a
      // role assigned there that holds the one permission needed answers the call by itself.
      Binding binding = Bindings.current();
      if (binding == null) {
        throw unauthenticated(operation, workspace);
      }
      principal = binding.principal();
      role = binding.assignedRoleIn(workspace);
      if (singleHeldBy(role)) {
        allowed(principal, role, workspace, operation);
        return;
      }
    } else {
      principal = principalOf(source, workspace, operation);
    }
    if (role == null) {
      // A workspace default, another spelling of a UUID: the principal's full lookup.
      try {
        role = principal.workspaceRole(workspace);
      } catch (RuntimeException failure) {
        throw Denials.denied(this, principal, workspace, true, operation, failure);
      }
    }
    decide(principal, role, role != null || Principal.isWorkspaceId(workspace), workspace, operation);
  }

  /** As {@link #check(PrincipalSource, String, String)}, for a workspace named by UUID. */
  public void check(PrincipalSource source, UUID workspace, String operation) {
    Principal principal = principalOf(source, workspace, operation);
    Role role;
    try {
      role = principal.workspaceRole(workspace);
    } catch (RuntimeException failure) {
      throw Denials.denied(
          this, principal, Objects.toString(workspace, null), true, operation, failure);
    }
    decide(principal, role, workspace != null, workspace, operation);
  }

  /**
   * Checks a call that names no workspace by argument: a workspace requirement acts on the
   * workspace the source has bound ({@code @BoundWorkspace}), which must be there; an account
   * requirement needs none.
   */
  public void check(PrincipalSource source, String operation) {
    if (workspaceLevel) {
      String workspace;
      try {
        workspace = source.currentWorkspace();
      } catch (RuntimeException failure) {
        throw sourceFailed("the bound workspace", operation, null, failure);
      }
      check(source, workspace, operation);
      return;
    }
    Principal principal = principalOf(source, null, operation);
    decide(principal, null, true, null, operation);
  }

  /**
   * Allows the call or throws its denial: the one place a decision is taken. {@code workspace} is
   * a String, a UUID or null, turned into a String only for a denial or a listener.
   */
  private void decide(
      Principal principal, Role role, boolean named, Object workspace, String operation) {
    if (!allows(principal, role, named)) {
      throw Denials.denied(
          this, principal, Objects.toString(workspace, null), named, operation, null);
    }
    allowed(principal, role, workspace, operation);
  }

  /**
   * Whether the requirement holds for {@code principal} with {@code workspaceRole} in the target
   * workspace. A call that names no workspace ({@code named} false) while the requirement needs
   * one is denied, even where an account permission of an {@code anyOf} would do: a method that
   * names a workspace never runs without one.
   */
  boolean allows(Principal principal, Role workspaceRole, boolean named) {
    if (singleHeldBy(workspaceRole)) {
      return true;
    }
    if (!named || principal.matrix() != matrix) {
      return false;
    }
    Role account = principal.accountRole();
    return satisfied(account, workspaceRole, account != null ? account.everywhere() : null);
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

  private static boolean held(Permission permission, Role account, Role workspace, Role everywhere) {
    if (permission.level() == Level.ACCOUNT) {
      return account != null && account.holds(permission);
    }
    return (workspace != null && workspace.holds(permission))
        || (everywhere != null && everywhere.holds(permission));
  }

  private void allowed(Principal principal, Role role, Object workspace, String operation) {
    DecisionListener listener = Decisions.listener();
    if (listener != null) {
      Audit.allowed(listener, this, principal, role, Objects.toString(workspace, null), operation);
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
    return Audit.denied(new UnauthenticatedException(operation), this, null, null, operation,
        Objects.toString(workspace, null));
  }

  /**
   * Returns the denial to throw when reading the workspace id from a guarded method's argument
   * failed (its accessor threw): a call whose workspace is unknown is denied.
   */
  public AccessDeniedException workspaceFailed(String operation, RuntimeException failure) {
    return sourceFailed("the workspace id", operation, null, failure);
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
