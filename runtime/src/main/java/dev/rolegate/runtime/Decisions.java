package dev.rolegate.runtime;

import dev.rolegate.runtime.internal.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Watching and explaining decisions: the {@link DecisionListener} that sees every guard's decision,
 * and {@link #explain} for why a principal may or may not use a permission.
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
   * principal's matrix) in {@code workspace}, in that workspace's account (the principal's
   * directory says which), by the same rules a guard applies to a call naming {@code workspace}.
   *
   * @throws IllegalArgumentException if the matrix has no such permission
   */
  public static Explanation explain(Principal principal, String workspace, String permission) {
    Objects.requireNonNull(principal, "principal");
    Permission wanted = principal.matrix().resolvePermission(permission);
    if (!Principal.isWorkspaceId(workspace)) {
      // A call that names a workspace never runs without one, whatever it needs.
      return denied(
          principal,
          null,
          workspace,
          wanted,
          null,
          workspace == null
              ? wanted.name()
                  + " was asked about in no workspace; name the workspace, or use"
                  + " explainInAccount for an account permission"
              : "the workspace id "
                  + Names.quoted(workspace)
                  + " is empty or blank, and a call that"
                  + " names a workspace never runs without one");
    }
    String account = principal.accountOf(workspace);
    if (account == null) {
      return denied(
          principal,
          null,
          workspace,
          wanted,
          null,
          "the account directory knows no" + " account for workspace " + Names.escaped(workspace));
    }
    return explainIn(principal, account, workspace, wanted);
  }

  /**
   * Explains whether {@code principal} holds account permission {@code permission} in {@code
   * account}, as a guard decides an {@code @AccountId} or {@code @BoundAccount} call.
   *
   * @throws IllegalArgumentException if the matrix has no such permission
   */
  public static Explanation explainInAccount(
      Principal principal, String account, String permission) {
    Objects.requireNonNull(principal, "principal");
    Permission wanted = principal.matrix().resolvePermission(permission);
    if (!Principal.isWorkspaceId(account)) {
      return denied(principal, account, null, wanted, null, "no account was named");
    }
    if (wanted.level() == Level.WORKSPACE) {
      return denied(
          principal,
          account,
          null,
          wanted,
          principal.accountRole(account),
          wanted.name() + " is a workspace permission and no workspace was named");
    }
    return explainIn(principal, account, null, wanted);
  }

  private static Explanation explainIn(
      Principal principal, String account, String workspace, Permission wanted) {
    Matrix matrix = principal.matrix();
    String id = principal.id();
    String shownAccount = Names.escaped(account);
    Role accountRole = principal.accountRole(account);
    List<String> granting = granting(principal, wanted, account);
    if (!principal.isMemberOf(account)) {
      return new Explanation(
          false,
          id,
          account,
          workspace,
          wanted.name(),
          wanted.level(),
          null,
          false,
          null,
          "",
          granting,
          "denied: "
              + id
              + " is no member of account "
              + shownAccount
              + (workspace == null
                  ? ""
                  : ", which workspace " + Names.escaped(workspace) + " belongs to"));
    }
    String accountName = accountRole == null ? null : accountRole.name();
    if (wanted.level() == Level.ACCOUNT) {
      boolean allowed = accountRole != null && accountRole.holds(wanted);
      String sentence =
          allowed
              ? "allowed: "
                  + id
                  + "'s account role "
                  + accountName
                  + " in "
                  + shownAccount
                  + " grants "
                  + wanted.name()
              : "denied: "
                  + id
                  + "'s account role in "
                  + shownAccount
                  + " is "
                  + (accountName == null ? "none" : accountName)
                  + "; "
                  + wanted.name()
                  + " is granted by "
                  + (granting.isEmpty()
                      ? "no account role"
                      : "account roles " + String.join(", ", granting));
      return new Explanation(
          allowed,
          id,
          account,
          workspace,
          wanted.name(),
          Level.ACCOUNT,
          null,
          false,
          accountName,
          allowed ? "account role " + accountName + " in " + shownAccount : "",
          granting,
          sentence);
    }
    Role role = principal.workspaceRole(workspace);
    boolean fromDefault = role != null && !principal.hasExplicitRole(workspace);
    Role everywhere = accountRole == null ? null : accountRole.everywhere();
    String roleText = role == null ? null : role.describe();
    String held =
        role == null
            ? id + " has no role in " + Names.escaped(workspace)
            : id
                + (fromDefault ? " holds the workspace default " : " is ")
                + roleText
                + " in "
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
      grantedBy =
          "account "
              + accountName
              + " in "
              + shownAccount
              + " (workspace "
              + everywhere.name()
              + " in the account's workspaces)";
      sentence =
          "allowed: account "
              + accountName
              + " in "
              + shownAccount
              + " is workspace "
              + everywhere.name()
              + " in the account's workspaces";
    } else {
      allowed = false;
      sentence =
          "denied: "
              + held
              + "; "
              + wanted.name()
              + " is granted by "
              + (granting.isEmpty() ? "no role" : String.join(", ", granting));
    }
    assert matrix == principal.matrix();
    return new Explanation(
        allowed,
        id,
        account,
        workspace,
        wanted.name(),
        Level.WORKSPACE,
        roleText,
        fromDefault,
        accountName,
        grantedBy,
        granting,
        sentence);
  }

  private static List<String> granting(Principal principal, Permission wanted, String account) {
    List<String> granting = new ArrayList<>();
    principal
        .matrix()
        .rolesHolding(wanted, wanted.level())
        .forEach(role -> granting.add(role.name()));
    principal
        .customRoles()
        .ifPresent(
            custom ->
                custom.all().stream()
                    .filter(role -> role.holds(wanted))
                    .filter(
                        role ->
                            role.account()
                                .map(own -> own.equals(AccountIds.key(account)))
                                .orElse(true))
                    .forEach(role -> granting.add(role.name() + " (custom)")));
    return granting;
  }

  private static Explanation denied(
      Principal principal,
      String account,
      String workspace,
      Permission wanted,
      Role accountRole,
      String why) {
    return new Explanation(
        false,
        principal.id(),
        account,
        workspace,
        wanted.name(),
        wanted.level(),
        null,
        false,
        accountRole == null ? null : accountRole.name(),
        "",
        granting(principal, wanted, account),
        "denied: " + why);
  }
}
