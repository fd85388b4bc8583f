package dev.rolegate.processor.internal.report;

import dev.rolegate.processor.internal.matrix.CompiledMatrix;
import dev.rolegate.processor.internal.matrix.Level;
import dev.rolegate.processor.internal.matrix.PermissionRow;
import dev.rolegate.processor.internal.matrix.RoleRow;
import java.util.List;

/**
 * Whether a caller holding an account role, a workspace role and the account role's workspace role
 * everywhere satisfies a requirement, as {@code Requirement.satisfied} decides at run time: the one
 * rule the access report and the matrix diff both compute who may call a method with.
 */
public final class CallerRule {
  private CallerRule() {}

  /**
   * Returns whether {@code permissions} (all of them, or any one when {@code any}) are held in
   * {@code matrix}: an account permission through {@code account}, a workspace permission through
   * {@code workspace} or {@code everywhere}. A null permission (one the matrix does not define) is
   * held by nobody. Any role may be null (none). The first permission whose answer settles it wins.
   */
  public static boolean satisfied(
      CompiledMatrix matrix,
      boolean any,
      List<PermissionRow> permissions,
      RoleRow account,
      RoleRow workspace,
      RoleRow everywhere) {
    for (PermissionRow permission : permissions) {
      if (held(matrix, permission, account, workspace, everywhere) == any) {
        return any;
      }
    }
    return !any;
  }

  private static boolean held(
      CompiledMatrix matrix,
      PermissionRow permission,
      RoleRow account,
      RoleRow workspace,
      RoleRow everywhere) {
    if (permission == null) {
      return false;
    }
    if (permission.level() == Level.ACCOUNT) {
      return holds(matrix, account, permission);
    }
    return holds(matrix, workspace, permission) || holds(matrix, everywhere, permission);
  }

  private static boolean holds(CompiledMatrix matrix, RoleRow role, PermissionRow permission) {
    return role != null && matrix.closure(role).get(matrix.indexOf(permission));
  }
}
