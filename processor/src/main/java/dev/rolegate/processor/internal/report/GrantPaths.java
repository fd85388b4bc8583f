package dev.rolegate.processor.internal.report;

import dev.rolegate.processor.internal.matrix.CompiledMatrix;
import dev.rolegate.processor.internal.matrix.Level;
import dev.rolegate.processor.internal.matrix.PermissionRow;
import dev.rolegate.processor.internal.matrix.RoleRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Says, in words a reviewer reads, how a role of a matrix comes to hold a permission: the roles it
 * inherits, the one that grants a permission, and what that permission includes, down to the one
 * asked about ("workspace OWNER inherits EDITOR, which grants EDIT_THINGS, which includes
 * VIEW_THINGS"); and why a caller passes a requirement, as {@link AccessCalculator} decides it: a
 * workspace role with the default account role, an account role through the workspace role it holds
 * everywhere.
 */
final class GrantPaths {
  private final CompiledMatrix matrix;

  GrantPaths(CompiledMatrix matrix) {
    this.matrix = matrix;
  }

  /** Returns how {@code role} holds {@code permission}, or empty when it does not. */
  Optional<String> held(RoleRow role, PermissionRow permission) {
    int target = matrix.indexOf(permission);
    StringBuilder path = new StringBuilder(role.level().word()).append(' ').append(role.name());
    for (RoleRow r = role; r != null; r = inherited(r)) {
      if (r != role) {
        path.append(r == inherited(role) ? " inherits " : ", which inherits ").append(r.name());
      }
      for (String grant : r.grants()) {
        PermissionRow granted = matrix.permission(grant).orElseThrow();
        if (matrix.implied(granted).get(target)) {
          path.append(r == role ? " grants " : ", which grants ").append(grant);
          includes(path, granted, target);
          return Optional.of(path.toString());
        }
      }
    }
    return Optional.empty();
  }

  /** Appends the includes that lead from {@code from} to the permission at {@code target}. */
  private void includes(StringBuilder path, PermissionRow from, int target) {
    PermissionRow current = from;
    while (matrix.indexOf(current) != target) {
      for (String include : current.includes()) {
        PermissionRow next = matrix.permission(include).orElseThrow();
        if (matrix.implied(next).get(target)) {
          path.append(", which includes ").append(include);
          current = next;
          break;
        }
      }
    }
  }

  private RoleRow inherited(RoleRow role) {
    if (role.inherits().isEmpty()) {
      return null;
    }
    return role(role.level(), role.inherits()).orElse(null);
  }

  /** Returns the role of {@code level} named {@code name}. */
  Optional<RoleRow> role(Level level, String name) {
    return matrix.roles(level).stream().filter(role -> role.name().equals(name)).findFirst();
  }

  /**
   * Returns why a caller of {@code level} role {@code name} passes a requirement of {@code
   * permissions} ({@code any}: one suffices), one path per permission that counts, joined by "; ";
   * empty when the matrix does not let it pass.
   */
  Optional<String> passes(Level level, String name, boolean any, List<String> permissions) {
    Optional<RoleRow> caller = role(level, name);
    if (caller.isEmpty()) {
      return Optional.empty();
    }
    RoleRow account =
        level == Level.ACCOUNT ? caller.get() : matrix.defaultAccountRole().orElse(null);
    RoleRow workspace = level == Level.WORKSPACE ? caller.get() : null;
    List<String> paths = new ArrayList<>();
    for (String permission : permissions) {
      Optional<String> path =
          matrix.permission(permission).flatMap(row -> path(row, account, workspace, level));
      if (path.isPresent() && any) {
        return path;
      }
      if (path.isEmpty() && !any) {
        return Optional.empty();
      }
      path.ifPresent(paths::add);
    }
    return paths.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", paths));
  }

  private Optional<String> path(
      PermissionRow permission, RoleRow account, RoleRow workspace, Level callerLevel) {
    String prefix = callerLevel == Level.WORKSPACE ? "the default " : "";
    if (permission.level() == Level.ACCOUNT) {
      return account == null
          ? Optional.empty()
          : held(account, permission).map(path -> prefix + path);
    }
    if (workspace != null) {
      Optional<String> direct = held(workspace, permission);
      if (direct.isPresent()) {
        return direct;
      }
    }
    if (account == null || account.everywhere().isEmpty()) {
      return Optional.empty();
    }
    return role(Level.WORKSPACE, account.everywhere())
        .flatMap(everywhere -> held(everywhere, permission))
        .map(
            path ->
                prefix
                    + "account "
                    + account.name()
                    + " holds workspace "
                    + account.everywhere()
                    + " everywhere, and "
                    + path);
  }
}
