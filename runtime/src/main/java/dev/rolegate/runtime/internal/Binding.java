package dev.rolegate.runtime.internal;

import dev.rolegate.runtime.Matrix;
import dev.rolegate.runtime.Matrix;
import dev.rolegate.runtime.Principal;
import dev.rolegate.runtime.Role;
import java.util.Map;

/**
 * What a thread has bound: the principal, the workspace its calls act on when they name none, and
 * the role the principal was given in that workspace, found once when bound. Immutable, so a
 * binding captured on one thread may be installed on others.
 *
 * <p>Not API: {@code CurrentPrincipal} makes these, and a guard's check reads them through {@link
 * BindingSource}, so that a call on the bound workspace needs no lookup at all.
 */
public abstract class Binding {
  private final Principal principal;
  private final String workspace;
  private final Role workspaceRole;
  /** The principal's assigned roles (never modified): a lookup from here is one load shorter. */
  private final Map<Object, Role> assignedRoles;

  /**
   * @param workspaceRole the role {@code principal} was given in {@code workspace} (an explicit
   *     assignment, never a workspace default, which can change while bound), or null
   * @param assignedRoles the principal's assigned roles by workspace id, as the principal holds
   *     them (read only)
   */
  protected Binding(
      Principal principal, String workspace, Role workspaceRole, Map<Object, Role> assignedRoles) {
    this.principal = principal;
    this.workspace = workspace;
    this.workspaceRole = workspace == null ? null : workspaceRole;
    this.assignedRoles = assignedRoles;
  }

  /** Returns the bound principal. */
  public final Principal principal() {
    return principal;
  }

  /** Returns the bound workspace, or null. */
  public final String workspace() {
    return workspace;
  }

  /** Returns the principal's assigned role in {@link #workspace()}, or null. */
  public final Role workspaceRole() {
    return workspaceRole;
  }

  /**
   * Returns the principal's role in {@code target}: the role found when bound if {@code target}
   * is the bound workspace and the principal was assigned one there, else {@link
   * Principal#workspaceRole(String)} (which also reads a workspace default, at each call).
   */
  final Role roleIn(String target) {
    Role role = workspaceRole;
    if (role != null && (target == workspace || workspace.equals(target))) {
      return role;
    }
    role = assignedRoles.get(target);
    // A miss: another spelling of a UUID, or a workspace default, by the principal's full rules.
    return role != null ? role : principal.workspaceRole(target);
  }

  /**
   * Returns whether the role assigned in the bound workspace answers a one-permission check in
   * {@code target} by itself: {@code target} is the bound workspace and the role holds {@code
   * bit} of {@code matrix}. False means "look it up", never "denied".
   */
  final boolean allowsInBoundWorkspace(String target, long bit, Matrix matrix) {
    Role role = workspaceRole;
    return role != null
        && (role.firstWord() & bit) != 0
        && (target == workspace || workspace.equals(target))
        && role.matrix() == matrix;
  }
}
