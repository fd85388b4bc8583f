package dev.rolegate.runtime.internal;

import dev.rolegate.runtime.AccessDeniedException;
import dev.rolegate.runtime.Decisions;
import dev.rolegate.runtime.Matrix;
import dev.rolegate.runtime.Principal;
import dev.rolegate.runtime.Role;
import java.util.List;

/**
 * Builds the denials a {@link Requirement} throws and their messages. A message is built only
 * when read, and the roles that would have been allowed only then or for a listener, so the
 * denied path stays close to the cost of creating the exception. Every name in a message is
 * shown by {@link Names}' rule.
 */
final class Denials {
  private Denials() {}

  /**
   * Returns the denial of {@code principal}'s call, reported to the listener if one is installed.
   *
   * @param named false when the call names a workspace by an id that is null or invisible
   * @param failure what deciding threw, or null when the principal simply lacks the requirement
   */
  static AccessDeniedException denied(Requirement requirement, Principal principal,
      String workspace, boolean named, String operation, RuntimeException failure) {
    AccessDeniedException denial = new AccessDeniedException(
        () -> message(requirement, principal, workspace, named, operation, failure),
        principal.id(), operation, requirement.names(), workspace, failure);
    if (Decisions.listener() != null) {
      List<String> wouldAllow = explainsRoles(requirement, principal, named, failure)
          ? Audit.wouldAllow(requirement, principal, safeRole(principal, workspace)).entries()
          : List.of();
      Audit.denied(denial, requirement, principal, wouldAllow, operation, workspace);
    }
    return denial;
  }

  /** Returns the denial of a call whose principal or workspace could not be read. */
  static AccessDeniedException sourceFailed(Requirement requirement, String what,
      String operation, String workspace, RuntimeException failure) {
    AccessDeniedException denial = new AccessDeniedException(
        "access denied for " + operation + ": reading " + what + " failed ("
            + failure.getClass().getName() + "), so the call is denied",
        "", operation, requirement.names(), workspace, failure);
    return Audit.denied(denial, requirement, null, null, operation, workspace);
  }

  /**
   * Whether a denial is about the principal's roles: not a failure, not another matrix, and not
   * a call that named a workspace without a usable id.
   */
  private static boolean explainsRoles(
      Requirement requirement, Principal principal, boolean named, RuntimeException failure) {
    return failure == null && principal.matrix() == requirement.matrix() && named;
  }

  private static String message(Requirement requirement, Principal principal, String workspace,
      boolean named, String operation, RuntimeException failure) {
    Matrix matrix = requirement.matrix();
    StringBuilder message = new StringBuilder("access denied: ")
        .append(principal).append(" may not call ").append(operation)
        .append(", which requires ").append(requirement.describe());
    if (requirement.workspaceLevel()) {
      message.append(named && workspace != null ? " in workspace " + Names.quoted(workspace)
          : " in a workspace");
    }
    if (failure != null) {
      message.append("; deciding failed (").append(failure.getClass().getName())
          .append("), so the call is denied");
    } else if (principal.matrix() != matrix) {
      message.append("; ").append(principal.id()).append("'s roles come from ")
          .append(describe(principal.matrix(), matrix)).append(", but this guard checks matrix ")
          .append(matrix);
    } else if (!named) {
      message.append(workspace == null
          ? ", but the call names no workspace (no @WorkspaceId argument and none bound)"
          : ", but the workspace id is empty or blank");
    } else {
      Role role = safeRole(principal, workspace);
      Audit.Allowed wouldAllow = Audit.wouldAllow(requirement, principal, role);
      Role account = principal.accountRole();
      message.append("; ").append(principal.id()).append(" holds ");
      if (requirement.workspaceLevel()) {
        message.append(role == null ? "no role" : role.describe()).append(" there, ");
      }
      message.append("account role ").append(account == null ? "none" : account.name())
          .append(". Allowed: ")
          .append(wouldAllow.isEmpty() ? "no role of matrix " + matrix : wouldAllow.text());
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
        ? "another copy of matrix " + text + " (the same file loaded twice, as by two class"
            + " loaders; roles of one copy hold nothing in the other)"
        : "matrix " + text;
  }

  private static Role safeRole(Principal principal, String workspace) {
    try {
      return principal.workspaceRole(workspace);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
