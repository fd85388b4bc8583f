package dev.rolegate.runtime;

import dev.rolegate.runtime.internal.RuntimeAccess;
import dev.rolegate.runtime.internal.Secrets;

/**
 * The runtime's {@link RuntimeAccess}: registered with {@link Secrets} when this class initializes.
 */
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
  public Role assignedRoleIn(Principal principal, String workspace, String account) {
    return principal.assignedRoleIn(workspace, account);
  }

  @Override
  public Role roleIn(Principal principal, Object workspace, String account) {
    return principal.roleIn(workspace, account);
  }

  @Override
  public boolean holdableIn(Principal principal, Role role, String account) {
    return principal.holdableIn(role, AccountIds.key(account));
  }
}
