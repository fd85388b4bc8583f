package dev.rolegate.runtime.internal;

import dev.rolegate.runtime.Permission;
import dev.rolegate.runtime.Principal;
import dev.rolegate.runtime.Role;
import java.util.Map;

/**
 * What the decision code of this package reads from the public types' package-private state: the
 * bits of roles and permissions and a principal's assigned roles. The runtime's one
 * implementation registers itself with {@link Secrets}; nothing else can.
 *
 * <p>Not API: an application has no use for it, and it may change in any release.
 */
public interface RuntimeAccess {
  /** Returns the first 64 bits of {@code role}'s closed permission set. */
  long firstWord(Role role);

  /** Returns {@code permission}'s bit when its index is below 64, else 0. */
  long firstWordMask(Permission permission);

  /** Returns the role {@code principal} was assigned in exactly this workspace id, or null (also for a null id). */
  Role assignedRole(Principal principal, String workspace);

  /** Returns {@code principal}'s assigned roles by workspace id and UUID (never modified). */
  Map<Object, Role> assignedRoles(Principal principal);
}
