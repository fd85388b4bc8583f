package dev.rolegate.runtime.internal;

import dev.rolegate.runtime.Permission;
import dev.rolegate.runtime.Principal;
import dev.rolegate.runtime.Role;

/**
 * What the decision code of this package reads from the public types' package-private state: the
 * bits of roles and permissions and a principal's assigned roles. The runtime's one implementation
 * registers itself with {@link Secrets}; nothing else can.
 *
 * <p>Not API: an application has no use for it, and it may change in any release.
 */
public interface RuntimeAccess {
  /** Returns the first 64 bits of {@code role}'s closed permission set. */
  long firstWord(Role role);

  /** Returns {@code permission}'s bit when its index is below 64, else 0. */
  long firstWordMask(Permission permission);

  /**
   * Returns the role {@code principal} was assigned in exactly this workspace id, when the
   * workspace belongs to {@code account} and the principal may hold it there; else null.
   */
  Role assignedRoleIn(Principal principal, String workspace, String account);

  /**
   * Returns the workspace role {@code principal} holds in {@code workspace} (a valid String id or a
   * UUID) of {@code account}: none unless a member there; the explicit role, else the default.
   */
  Role roleIn(Principal principal, Object workspace, String account);

  /** Returns whether {@code principal} may hold {@code role} in a workspace of {@code account}. */
  boolean holdableIn(Principal principal, Role role, String account);
}
