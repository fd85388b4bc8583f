package dev.rolegate.processor.internal.base;

import dev.rolegate.processor.internal.diagnostic.NameList;
import dev.rolegate.processor.internal.matrix.CompiledMatrix;
import dev.rolegate.processor.internal.matrix.Level;
import dev.rolegate.processor.internal.matrix.PermissionRow;
import dev.rolegate.processor.internal.matrix.RoleRow;
import dev.rolegate.processor.internal.model.RequirementSpec;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * What requirements mean against one matrix: which permissions imply which, whether any role grants
 * a permission, and which roles one requirement lets through while another stops them.
 *
 * <p>Implication is logical (through includes), so it holds for custom roles too. For naming roles,
 * a workspace role stands for a member holding it with the default account role (and whatever that
 * account role holds everywhere); an account role stands for a principal holding it and no explicit
 * workspace role, so in a workspace it holds only its "everywhere" role.
 */
public final class RoleCoverage {
  private final CompiledMatrix matrix;

  public RoleCoverage(CompiledMatrix matrix) {
    this.matrix = matrix;
  }

  /** Returns whether holding {@code strong} means holding {@code weak} (itself included). */
  public boolean implies(String strong, String weak) {
    return implied(strong).get(index(weak));
  }

  /** Returns whether a role of the matrix holds {@code name} after closure. */
  public boolean granted(String name) {
    int index = index(name);
    for (RoleRow role : matrix.roles()) {
      if (matrix.closure(role).get(index)) {
        return true;
      }
    }
    return false;
  }

  /** Returns whether every principal meeting {@code first} meets {@code second}, custom or not. */
  public boolean implies(RequirementSpec first, RequirementSpec second) {
    if (!first.any()) {
      BitSet held = new BitSet();
      first.permissions().forEach(name -> held.or(implied(name)));
      return meets(held, second);
    }
    for (String name : first.permissions()) {
      if (!meets(implied(name), second)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns the roles that meet {@code first} but not {@code second}, e.g. {@code workspace roles
   * VIEWER, EDITOR and account role MEMBER}, or empty when no role of the matrix does.
   */
  public Optional<String> passFirstNotSecond(RequirementSpec first, RequirementSpec second) {
    Optional<RoleRow> defaultAccount = matrix.defaultAccountRole();
    BitSet asMember = defaultAccount.map(this::heldWithoutWorkspaceRole).orElseGet(BitSet::new);
    List<String> workspaceRoles = new ArrayList<>();
    for (RoleRow role : matrix.roles(Level.WORKSPACE)) {
      BitSet held = matrix.closure(role);
      held.or(asMember);
      if (meets(held, first) && !meets(held, second)) {
        workspaceRoles.add(role.name());
      }
    }
    List<String> accountRoles = new ArrayList<>();
    for (RoleRow role : matrix.roles(Level.ACCOUNT)) {
      BitSet held = heldWithoutWorkspaceRole(role);
      if (meets(held, first) && !meets(held, second)) {
        accountRoles.add(role.name());
      }
    }
    List<String> parts = new ArrayList<>();
    if (!workspaceRoles.isEmpty()) {
      parts.add(roles("workspace", workspaceRoles));
    }
    if (!accountRoles.isEmpty()) {
      parts.add(roles("account", accountRoles));
    }
    return parts.isEmpty() ? Optional.empty() : Optional.of(NameList.and(parts));
  }

  /** Returns what {@code account} holds with no workspace role: its own and its everywhere's. */
  private BitSet heldWithoutWorkspaceRole(RoleRow account) {
    BitSet held = matrix.closure(account);
    for (RoleRow role : matrix.roles(Level.WORKSPACE)) {
      if (role.name().equals(account.everywhere())) {
        held.or(matrix.closure(role));
      }
    }
    return held;
  }

  private boolean meets(BitSet held, RequirementSpec requirement) {
    for (String name : requirement.permissions()) {
      boolean has = held.get(index(name));
      if (has == requirement.any()) {
        return has;
      }
    }
    return !requirement.any();
  }

  private BitSet implied(String name) {
    return matrix.implied(row(name));
  }

  private int index(String name) {
    return matrix.indexOf(row(name));
  }

  private PermissionRow row(String name) {
    return matrix
        .permission(name)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "not a permission of " + matrix.describe() + ": " + name));
  }

  private static String roles(String level, List<String> names) {
    return NameList.counted(level + " role", names);
  }
}
