package dev.rolegate.runtime;

import dev.rolegate.runtime.internal.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Watching and explaining decisions: the {@link DecisionListener} that sees every guard's
 * decision, and {@link #explain} for why a principal may or may not use a permission.
 */
public final class Decisions {
  private static volatile DecisionListener listener;

  private Decisions() {}

  /** Installs {@code listener} for every guard in this JVM; null removes it. */
  public static void setListener(DecisionListener listener) {
    Decisions.listener = listener;
  }

  /** Returns the installed listener, or null. Guards read this once per call. */
  public static DecisionListener listener() {
    return listener;
  }

  /**
   * Explains whether {@code principal} holds {@code permission} (a name or scope string of the
   * principal's matrix) in {@code workspace}, by the same rules a guard applies.
   *
   * @throws IllegalArgumentException if the matrix has no such permission
   */
  public static Explanation explain(Principal principal, String workspace, String permission) {
    Objects.requireNonNull(principal, "principal");
    Matrix matrix = principal.matrix();
    Permission wanted = matrix.resolvePermission(permission);
    Role account = principal.accountRole();
    String accountName = account == null ? null : account.name();
    List<String> granting = new ArrayList<>();
    matrix.rolesHolding(wanted, wanted.level()).forEach(role -> granting.add(role.name()));
    principal.customRoles().ifPresent(custom -> custom.all().stream()
        .filter(role -> role.holds(wanted))
        .forEach(role -> granting.add(role.name() + " (custom)")));
    String id = principal.id();
    if (wanted.level() == Level.ACCOUNT && workspace != null && !Principal.isWorkspaceId(workspace)) {
      // A call that names a workspace never runs without one, whatever it needs.
      return new Explanation(false, id, workspace, wanted.name(), wanted.level(), null, false,
          accountName, "", granting, "denied: the workspace id " + Names.quoted(workspace)
              + " is empty or blank, and a call that names a workspace never runs without one");
    }
    if (wanted.level() == Level.ACCOUNT) {
      boolean allowed = account != null && account.holds(wanted);
      String sentence = allowed
          ? "allowed: " + id + "'s account role " + accountName + " grants " + wanted.name()
          : "denied: " + id + "'s account role is " + (account == null ? "none" : accountName) + "; "
              + wanted.name() + " is granted by "
              + (granting.isEmpty() ? "no account role" : "account roles " + String.join(", ", granting));
      return new Explanation(allowed, id, workspace, wanted.name(), Level.ACCOUNT, null, false,
          accountName, allowed ? "account role " + accountName : "", granting, sentence);
    }
    if (!Principal.isWorkspaceId(workspace)) {
      return new Explanation(false, id, workspace, wanted.name(), Level.WORKSPACE, null, false,
          accountName, "", granting, "denied: " + wanted.name()
              + " is a workspace permission and no workspace was named");
    }
    Role role = principal.workspaceRole(workspace);
    boolean fromDefault = role != null && !principal.hasExplicitRole(workspace);
    Role everywhere = account == null ? null : account.everywhere();
    String roleText = role == null ? null : role.describe();
    String held = role == null
        ? id + " has no role in " + Names.escaped(workspace)
        : id + (fromDefault ? " holds the workspace default " : " is ") + roleText + " in "
            + Names.escaped(workspace);
    String sentence;
    String grantedBy = "";
    boolean allowed;
    if (role != null && role.holds(wanted)) {
      allowed = true;
      grantedBy = roleText + " in " + Names.escaped(workspace);
      sentence = "allowed: " + held + ", which grants " + wanted.name();
    } else if (everywhere != null && everywhere.holds(wanted)) {
      allowed = true;
      grantedBy = "account " + accountName + " (workspace " + everywhere.name() + " everywhere)";
      sentence = "allowed: account " + accountName + " is workspace " + everywhere.name() + " everywhere";
    } else {
      allowed = false;
      sentence = "denied: " + held + "; " + wanted.name() + " is granted by "
          + (granting.isEmpty() ? "no role" : String.join(", ", granting));
    }
    return new Explanation(allowed, id, workspace, wanted.name(), Level.WORKSPACE, roleText,
        fromDefault, accountName, grantedBy, granting, sentence);
  }
}
