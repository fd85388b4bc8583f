package dev.rolegate.runtime;

import dev.rolegate.runtime.internal.RuntimeAccess;
import dev.rolegate.runtime.internal.Secrets;
import java.util.Map;

/** The runtime's {@link RuntimeAccess}: registered with {@link Secrets} when this class initializes. */
final class InternalAccess implements RuntimeAccess {
  static {
    Secrets.setRuntimeAccess(new InternalAccess());
  }

  private InternalAccess() {}

  @Override
  public long firstWord(Role role) {
    return role.firstWord();
  }

  @Override
  public long firstWordMask(Permission permission) {
    return permission.firstWordMask;
  }

  @Override
  public Role assignedRole(Principal principal, String workspace) {
    return principal.assignedRole(workspace);
  }

  @Override
  public Map<Object, Role> assignedRoles(Principal principal) {
    return principal.assignedRoles();
  }
}
