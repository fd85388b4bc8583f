package dev.rolegate.processor.internal.diff;

import dev.rolegate.processor.internal.matrix.CompiledMatrix;
import dev.rolegate.processor.internal.matrix.Level;
import dev.rolegate.processor.internal.matrix.PermissionRow;
import dev.rolegate.processor.internal.matrix.RoleRow;
import dev.rolegate.processor.internal.report.CallerRule;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the built-in roles of one matrix may do: each role's permissions after closure (an account
 * role's include those of the workspace role it holds everywhere), and who may call a guarded
 * method, decided as the runtime's {@code Requirement.satisfied} and the access report decide.
 *
 * <p>A workspace role may call a method when a caller holding it in the workspace, with the default
 * account role, may; an account role when a caller holding it and no role in the workspace may. A
 * method needing no workspace permission is called by no workspace role as such: the workspace role
 * plays no part in it. A permission the matrix does not define is held by nobody (code naming it
 * does not compile against this matrix).
 */
final class RoleAccess {
  private final CompiledMatrix matrix;
  private final Map<RoleKey, RoleRow> roles = new LinkedHashMap<>();
  private final Optional<RoleRow> defaultAccount;

  RoleAccess(CompiledMatrix matrix) {
    this.matrix = matrix;
    for (Level level : Level.values()) {
      for (RoleRow role : matrix.roles(level)) {
        roles.put(new RoleKey(level, role.name()), role);
      }
    }
    this.defaultAccount = matrix.defaultAccountRole();
  }

  CompiledMatrix matrix() {
    return matrix;
  }

  /** Returns the roles, workspace roles first, each level in file order. */
  Set<RoleKey> roles() {
    return roles.keySet();
  }

  /** Returns the default account role's name, if the matrix marks one. */
  Optional<String> defaultAccountRole() {
    return defaultAccount.map(RoleRow::name);
  }

  /** Returns the workspace role {@code role} (an account role) holds everywhere, if any. */
  Optional<String> everywhere(RoleKey role) {
    RoleRow row = roles.get(role);
    return Optional.ofNullable(everywhere(row)).map(RoleRow::name);
  }

  /**
   * Returns the names of the permissions {@code role} holds after closure, in file order: for an
   * account role, with those of the workspace role it holds everywhere. Empty for a role this
   * matrix does not define.
   */
  List<String> permissions(RoleKey role) {
    RoleRow row = roles.get(role);
    if (row == null) {
      return List.of();
    }
    BitSet held = matrix.closure(row);
    RoleRow everywhere = everywhere(row);
    if (everywhere != null) {
      held.or(matrix.closure(everywhere));
    }
    List<String> names = new ArrayList<>();
    List<PermissionRow> permissions = matrix.permissions();
    for (int i = held.nextSetBit(0); i >= 0; i = held.nextSetBit(i + 1)) {
      names.add(permissions.get(i).name());
    }
    return names;
  }

  /** Returns the names of {@code permissions} this matrix does not define, in their order. */
  List<String> unknown(List<String> permissions) {
    return permissions.stream().filter(name -> matrix.permission(name).isEmpty()).toList();
  }

  /** Returns the roles that may call {@code operation}, in {@link #roles()} order. */
  Set<RoleKey> callers(GuardedOperation operation) {
    List<PermissionRow> permissions = new ArrayList<>();
    for (String name : operation.permissions()) {
      permissions.add(matrix.permission(name).orElse(null));
    }
    boolean workspaceLevel =
        permissions.stream().anyMatch(p -> p != null && p.level() == Level.WORKSPACE);
    RoleRow account = defaultAccount.orElse(null);
    Set<RoleKey> callers = new LinkedHashSet<>();
    for (Map.Entry<RoleKey, RoleRow> entry : roles.entrySet()) {
      RoleRow role = entry.getValue();
      boolean allowed =
          role.level() == Level.WORKSPACE
              ? workspaceLevel
                  && CallerRule.satisfied(
                      matrix, operation.any(), permissions, account, role, everywhere(account))
              : CallerRule.satisfied(
                  matrix, operation.any(), permissions, role, null, everywhere(role));
      if (allowed) {
        callers.add(entry.getKey());
      }
    }
    return callers;
  }

  private RoleRow everywhere(RoleRow account) {
    if (account == null || account.level() != Level.ACCOUNT || account.everywhere().isEmpty()) {
      return null;
    }
    return roles.get(new RoleKey(Level.WORKSPACE, account.everywhere()));
  }
}
