package dev.rolegate.jdbc;

import dev.rolegate.jdbc.MembershipException.Reason;
import dev.rolegate.runtime.Permission;
import dev.rolegate.runtime.Principal;
import dev.rolegate.runtime.PrincipalSource;
import dev.rolegate.runtime.Role;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * The no-escalation rule, one place: what an acting principal holds (as the database says while the
 * change runs) must cover every permission of a role it grants, and of the role a member it changes
 * holds.
 */
final class Authority {
  private Authority() {}

  /** Returns the id of the principal the guard checked: the caller bound to this call. */
  static String actor(PrincipalSource source) {
    Principal principal = source.current();
    if (principal == null) {
      // A guard lets no call through without a principal; a source that loses it is refused.
      throw new MembershipException(
          Reason.NOT_PERMITTED, "no principal is bound to this change; nothing was changed");
    }
    return principal.id();
  }

  /** Returns every permission {@code role} gives, with its workspace role everywhere, if any. */
  static Set<Permission> of(Role role) {
    Set<Permission> held = new HashSet<>(role.permissions());
    if (role.everywhere() != null) {
      held.addAll(role.everywhere().permissions());
    }
    return held;
  }

  /** Returns whether {@code held} covers every permission {@code role} gives. */
  static boolean covers(Collection<Permission> held, Role role) {
    return held.containsAll(of(role));
  }
}
