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
 */
public final class Requirement {
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
    this.singleBit = single == null ? 0 : single.firstWordMask();
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
   * Checks the principal of {@code source} in {@code workspace} for {@code operation}.
   *
   * @throws UnauthenticatedException if no principal is bound
   * @throws AccessDeniedException if the principal lacks the requirement or deciding failed
   */
  public void check(PrincipalSource source, String workspace, String operation) {
    Principal principal;
    Role role = null;
    boolean allowed;
    RuntimeException failure = null;
    if (source instanceof BindingSource) {
      // One read of the thread's binding; a call on the bound workspace needs no lookup.
      Binding binding = ((BindingSource) source).binding();
      if (binding == null) {
        throw unauthenticated(operation, workspace);
      }
      if (binding.allowsInBoundWorkspace(workspace, singleBit, matrix)) {
        allowed(binding.principal(), binding.workspaceRole(), workspace, operation);
        return;
      }
      principal = binding.principal();
      // The same decision as below, with the binding's lookup: kept as two blocks on purpose, as
      // one block choosing the lookup measured ~0.3 ns slower on the looked-up allowed path.
      try {
        role = binding.roleIn(workspace);
        allowed = allows(principal, role, role != null || Principal.isWorkspaceId(workspace));
      } catch (RuntimeException e) {
        allowed = false;
        failure = e;
      }
    } else {
      principal = principalOf(source, workspace, operation);
      try {
        role = principal.workspaceRole(workspace);
        allowed = allows(principal, role, role != null || Principal.isWorkspaceId(workspace));
      } catch (RuntimeException e) {
        allowed = false;
        failure = e;
      }
    }
    if (!allowed) {
      throw denied(principal, workspace, operation, failure);
    }
    allowed(principal, role, workspace, operation);
  }



  private void allowed(Principal principal, Role role, String workspace, String operation) {
    DecisionListener listener = Decisions.listener();
    if (listener != null) {
      Audit.allowed(listener, this, principal, role, workspace, operation);
    }
  }

  /** As {@link #check(PrincipalSource, String, String)}, for a workspace named by UUID. */
  public void check(PrincipalSource source, UUID workspace, String operation) {
    Principal principal = principalOf(source, workspace, operation);
    Role role = null;
    boolean allowed;
    RuntimeException failure = null;
    try {
      role = principal.workspaceRole(workspace);
      allowed = allows(principal, role, workspace != null);
    } catch (RuntimeException e) {
      allowed = false;
      failure = e;
    }
    if (!allowed) {
      throw denied(principal, Objects.toString(workspace, null), operation, failure);
    }
    DecisionListener listener = Decisions.listener();
    if (listener != null) {
      Audit.allowed(listener, this, principal, role, Objects.toString(workspace, null), operation);
    }
  }

  /**
   * Checks a method that declares {@code @BoundWorkspace} (or needs no workspace): a workspace
   * requirement uses the workspace the source has bound.
   */
  public void check(PrincipalSource source, String operation) {
    String workspace;
    try {
      workspace = workspaceLevel ? source.currentWorkspace() : null;
    } catch (RuntimeException failure) {
      throw sourceFailed("the bound workspace", operation, null, failure);
    }
    check(source, workspace, operation);
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

  /** Kept out of the checks so that they stay small enough to inline. */
  private AccessDeniedException sourceFailed(
      String what, String operation, Object workspace, RuntimeException failure) {
    String id = Objects.toString(workspace, null);
    AccessDeniedException denial = new AccessDeniedException(
        "access denied for " + operation + ": reading " + what + " failed ("
            + failure.getClass().getName() + "), so the call is denied",
        "", operation, names(), id, failure);
    return Audit.denied(denial, this, null, null, operation, id);
  }

  /** Whether the requirement holds; the first test is the whole work for one workspace permission. */
  private boolean allows(Principal principal, Role workspaceRole, boolean named) {
    long bit = singleBit;
    if (bit != 0 && workspaceRole != null && (workspaceRole.firstWord() & bit) != 0
        && workspaceRole.matrix() == matrix) {
      return true;
    }
    if (single != null && workspaceRole != null && workspaceRole.holds(single)) {
      return true;
    }
    if (principal.matrix() != matrix) {
      return false;
    }
    Role account = principal.accountRole();
    Role everywhere = named && account != null ? account.everywhere() : null;
    return satisfied(account, workspaceRole, everywhere);
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

  /**
   * Returns the denial to throw. Its message is built only when read, and the roles that would
   * have been allowed only then or for a listener: the denied path stays close to the cost of
   * creating the exception.
   */
  private AccessDeniedException denied(
      Principal principal, String workspace, String operation, RuntimeException failure) {
    AccessDeniedException denial = new AccessDeniedException(
        () -> message(principal, workspace, operation, failure), principal.id(), operation, names,
        workspace, failure);
    if (Decisions.listener() != null) {
      List<String> wouldAllow = explainsRoles(principal, workspace, failure)
          ? Audit.wouldAllow(this, principal, safeRole(principal, workspace),
              Principal.isWorkspaceId(workspace)).entries()
          : List.of();
      Audit.denied(denial, this, principal, wouldAllow, operation, workspace);
    }
    return denial;
  }

  /** Whether a denial is about the principal's roles (not a failure, another matrix or no workspace). */
  private boolean explainsRoles(Principal principal, String workspace, RuntimeException failure) {
    return failure == null && principal.matrix() == matrix
        && (!workspaceLevel || Principal.isWorkspaceId(workspace));
  }

  private String message(
      Principal principal, String workspace, String operation, RuntimeException failure) {
    StringBuilder message = new StringBuilder("access denied: ")
        .append(principal).append(" may not call ").append(operation)
        .append(", which requires ").append(describe());
    boolean named = Principal.isWorkspaceId(workspace);
    if (workspaceLevel) {
      message.append(named ? " in workspace " + quoted(workspace) : " in a workspace");
    }
    if (failure != null) {
      message.append("; deciding failed (").append(failure.getClass().getName())
          .append("), so the call is denied");
    } else if (principal.matrix() != matrix) {
      message.append("; ").append(principal.id()).append("'s roles come from matrix ")
          .append(principal.matrix().name()).append(", but this guard checks matrix ")
          .append(matrix.name());
    } else if (workspaceLevel && !named) {
      message.append(workspace == null
          ? ", but the call names no workspace (no @WorkspaceId argument and none bound)"
          : ", but the workspace id is empty or blank");
    } else {
      Role role = named ? safeRole(principal, workspace) : null;
      Audit.Allowed wouldAllow = Audit.wouldAllow(this, principal, role, named);
      Role account = principal.accountRole();
      message.append("; ").append(principal.id()).append(" holds ");
      if (workspaceLevel) {
        message.append(role == null ? "no role" : role.describe()).append(" there, ");
      }
      message.append("account role ").append(account == null ? "none" : account.name())
          .append(". Allowed: ")
          .append(wouldAllow.isEmpty() ? "no role of matrix " + matrix.name() : wouldAllow.text());
    }
    return message.toString();
  }

  /** The longest workspace id a message quotes whole. */
  private static final int QUOTED_MAX = 100;

  /**
   * Returns the workspace id in quotes, fit for a log line: the caller chose it, so line breaks,
   * escape sequences and other invisible characters are escaped ({@code \n}, {@code \u001b}) and
   * a long id is cut, with its length.
   */
  static String quoted(String workspace) {
    StringBuilder out = new StringBuilder(Math.min(workspace.length(), QUOTED_MAX) + 24).append('"');
    int end = Math.min(workspace.length(), QUOTED_MAX);
    for (int i = 0; i < end; i++) {
      char c = workspace.charAt(i);
      switch (c) {
        case '"', '\\' -> out.append('\\').append(c);
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          int type = Character.getType(c);
          if (Character.isISOControl(c) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
              || type == Character.PARAGRAPH_SEPARATOR) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
    if (workspace.length() > QUOTED_MAX) {
      out.insert(out.length() - 1, "...").append(" (").append(workspace.length()).append(" characters)");
    }
    return out.toString();
  }

  private static Role safeRole(Principal principal, String workspace) {
    try {
      return principal.workspaceRole(workspace);
    } catch (RuntimeException e) {
      return null;
    }
  }

  @Override
  public String toString() {
    return describe();
  }
}
