package dev.rolegate.runtime.internal;

import dev.rolegate.runtime.AccessDeniedException;
import dev.rolegate.runtime.Decisions;
import dev.rolegate.runtime.Matrix;
import dev.rolegate.runtime.Principal;
import dev.rolegate.runtime.Role;
import dev.rolegate.runtime.internal.Requirement.Refusal;
import java.util.List;

/**
 * Builds the denials a {@link Requirement} throws and their messages. A message is built only when
 * read, and the roles that would have been allowed only then or for a listener, so the denied path
 * stays close to the cost of creating the exception. Every name in a message is shown by {@link
 * Names}' rule.
 */
final class Denials {
  private static final RuntimeAccess RUNTIME = Secrets.runtime();

  private Denials() {}

  /**
   * Returns the denial of {@code principal}'s call, reported to the listener if one is installed.
   * The listener is told the account; the message and the exception name it only when the call
   * named it or the principal is a member of it, so that a caller does not learn which account owns
   * a workspace of another tenant.
   *
   * @param account the account the call named, else its workspace's, or null
   * @param named whether the call named {@code account}
   * @param failure what deciding threw, or null
   */
  static AccessDeniedException denied(
      Requirement requirement,
      Principal principal,
      Refusal refusal,
      String account,
      boolean named,
      String workspace,
      String operation,
      RuntimeException failure) {
    String shown = named || refusal != Refusal.NOT_A_MEMBER ? account : null;
    AccessDeniedException denial =
        new AccessDeniedException(
            () -> message(requirement, principal, refusal, shown, workspace, operation, failure),
            principal.id(),
            operation,
            requirement.names(),
            shown,
            workspace,
            failure);
    if (Decisions.listener() != null) {
      List<String> wouldAllow =
          explainsRoles(refusal)
              ? Audit.wouldAllow(
                      requirement, principal, account, safeRole(principal, workspace, account))
                  .entries()
              : List.of();
      Audit.denied(denial, requirement, principal, wouldAllow, operation, account, workspace);
    }
    return denial;
  }

  /** Returns the denial of a call whose principal, account or workspace could not be read. */
  static AccessDeniedException sourceFailed(
      Requirement requirement,
      String what,
      String operation,
      String workspace,
      RuntimeException failure) {
    AccessDeniedException denial =
        new AccessDeniedException(
            "access denied for "
                + operation
                + ": reading "
                + what
                + " failed ("
                + failure.getClass().getName()
                + "), so the call is denied",
            "",
            operation,
            requirement.names(),
            workspace,
            failure);
    return Audit.denied(denial, requirement, null, null, operation, null, workspace);
  }

  /** Whether a denial is about the principal's roles in an account it was checked in. */
  private static boolean explainsRoles(Refusal refusal) {
    return refusal == Refusal.ROLES || refusal == Refusal.NOT_A_MEMBER;
  }

  private static String message(
      Requirement requirement,
      Principal principal,
      Refusal refusal,
      String account,
      String workspace,
      String operation,
      RuntimeException failure) {
    Matrix matrix = requirement.matrix();
    StringBuilder message =
        new StringBuilder("access denied: ")
            .append(principal)
            .append(" may not call ")
            .append(operation)
            .append(", which requires ")
            .append(requirement.describe());
    boolean inWorkspace =
        requirement.workspaceLevel() && workspace != null && refusal != Refusal.NO_WORKSPACE;
    if (requirement.workspaceLevel()) {
      message.append(inWorkspace ? " in workspace " + Names.quoted(workspace) : " in a workspace");
    }
    if (account != null && refusal != Refusal.NOT_IN_ACCOUNT && refusal != Refusal.NO_ACCOUNT) {
      message.append(inWorkspace ? " of account " : " in account ").append(Names.quoted(account));
    }
    switch (refusal) {
      case FAILED ->
          message
              .append("; deciding failed (")
              .append(failure.getClass().getName())
              .append("), so the call is denied");
      case OTHER_MATRIX ->
          message
              .append("; ")
              .append(principal.id())
              .append("'s roles come from ")
              .append(describe(principal.matrix(), matrix))
              .append(", but this guard checks matrix ")
              .append(matrix);
      case NO_WORKSPACE ->
          message.append(
              workspace == null
                  ? ", but the call names no workspace (no @WorkspaceId argument and none bound)"
                  : ", but the workspace id is empty or blank");
      case NO_ACCOUNT ->
          message.append(
              account == null
                  ? ", but the call names no account (no @AccountId argument, none bound, and no"
                      + " workspace whose account it would be)"
                  : ", but the account id is empty or blank");
      case UNKNOWN_WORKSPACE ->
          message
              .append(", but the account directory knows no account for" + " workspace ")
              .append(Names.quoted(workspace))
              .append(", so the call is denied (add the workspace to its account's directory)");
      case NOT_IN_ACCOUNT ->
          message
              .append(" in account ")
              .append(Names.quoted(account))
              .append(", but workspace ")
              .append(Names.quoted(workspace))
              .append(" does not belong to that account");
      case NOT_A_MEMBER ->
          message
              .append("; ")
              .append(principal.id())
              .append(
                  account == null
                      ? " is no member of the workspace's account"
                      : " is no member of account " + Names.quoted(account))
              .append(
                  " (a workspace role or default there, and an account role elsewhere, grant"
                      + " nothing in it)");
      case ROLES -> {
        Role role = safeRole(principal, workspace, account);
        Audit.Allowed wouldAllow = Audit.wouldAllow(requirement, principal, account, role);
        Role accountRole = principal.accountRole(account);
        message.append("; ").append(principal.id()).append(" holds ");
        if (requirement.workspaceLevel()) {
          message.append(role == null ? "no role" : role.describe()).append(" there, ");
        }
        message
            .append("account role ")
            .append(accountRole == null ? "none" : accountRole.name())
            .append(". Allowed: ")
            .append(wouldAllow.isEmpty() ? "no role of matrix " + matrix : wouldAllow.text());
      }
      default -> throw new AssertionError(refusal);
    }
    return message.toString();
  }

  /**
   * Returns "matrix Acme (com/acme/acme.md)", and for a matrix that reads exactly like {@code
   * other} (the same file loaded twice, by two class loaders, or built twice) says that it is
   * another copy, so that two matrices are never confused.
   */
  static String describe(Matrix matrix, Matrix other) {
    String text = matrix.toString();
    return text.equals(other.toString())
        ? "another copy of matrix "
            + text
            + " (the same file loaded twice, as by two class"
            + " loaders; roles of one copy hold nothing in the other)"
        : "matrix " + text;
  }

  private static Role safeRole(Principal principal, String workspace, String account) {
    if (workspace == null) {
      return null;
    }
    try {
      return RUNTIME.roleIn(principal, workspace, account);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
