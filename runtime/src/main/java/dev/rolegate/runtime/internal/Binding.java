package dev.rolegate.runtime.internal;

import dev.rolegate.runtime.AccountDirectory;
import dev.rolegate.runtime.Principal;
import dev.rolegate.runtime.PrincipalScope;
import dev.rolegate.runtime.Role;

/**
 * One open scope of a thread's bindings: the principal, the account and the workspace its calls act
 * on when they name none, the account the bound workspace belongs to and the role the principal was
 * assigned there, found here from the principal itself (a member of that account, a role it may
 * hold there), so that no binding can claim a role its principal does not hold. A binding links to
 * the one it hides. What it says never changes, so one captured on a thread may be installed on
 * others; only {@link Bindings} makes them.
 *
 * <p>Not API: {@code CurrentPrincipal} hands them out as {@link PrincipalScope}s, and a guard's
 * check reads them so that a call on the bound workspace needs no lookup at all.
 */
public final class Binding implements PrincipalScope {
  private static final RuntimeAccess RUNTIME = Secrets.runtime();
  private static final System.Logger LOG = System.getLogger("dev.rolegate");

  private final Principal principal;
  private final String account;
  private final String workspace;

  /** The account {@link #workspace} belongs to, found when bound, or null. */
  private final String workspaceAccount;

  /** The role assigned in {@link #workspace} (never a default, which can change), or null. */
  private final Role workspaceRole;

  /** The binding this one hides, restored when this one closes. */
  final Binding previous;

  /** The thread that opened this scope: only there can it be closed. */
  final Thread owner;

  /** Set on the owner thread when this scope is closed, or the task that opened it ends. */
  boolean closed;

  Binding(Principal principal, String account, String workspace, Binding previous, Thread owner) {
    this.principal = principal;
    this.account = account;
    this.workspace = workspace;
    String found = null;
    try {
      found = principal.accountOf(workspace);
    } catch (RuntimeException failure) {
      // Nothing is resolved ahead: each call asks the directory again, and is denied if it throws.
      LOG.log(
          System.Logger.Level.WARNING,
          "the account directory threw "
              + failure.getClass().getName()
              + " when a workspace was bound; calls on it are decided"
              + " in full");
    }
    if (account != null && found != null && !AccountDirectory.sameAccount(account, found)) {
      // A call on the bound workspace would be checked in its account while the code reading the
      // bound account acts in another.
      throw new IllegalArgumentException(
          "the bound workspace "
              + Names.quoted(workspace)
              + " does not belong to the bound account "
              + Names.quoted(account)
              + "; bind a workspace"
              + " of that account (a web filter answers such a path 403 before binding)");
    }
    this.workspaceAccount = found;
    this.workspaceRole = RUNTIME.assignedRoleIn(principal, workspace, found);
    this.previous = previous;
    this.owner = owner;
  }

  /** Returns the bound principal. */
  public Principal principal() {
    return principal;
  }

  /** Returns the bound workspace, or null. */
  public String workspace() {
    return workspace;
  }

  /** Returns the bound account, or null. */
  public String account() {
    return account;
  }

  /** Returns the account the bound workspace belongs to, as found when bound, or null. */
  String workspaceAccount() {
    return workspaceAccount;
  }

  /**
   * Returns the role the principal was assigned in {@code target} when it is the bound workspace:
   * the one found when bound (a member of its account, a role it may hold there); null for any
   * other workspace, and for none. Never a workspace default (it can change while bound) nor
   * another spelling of a UUID: those are the principal's full lookup.
   */
  Role assignedRoleIn(String target) {
    Role role = workspaceRole;
    return role != null && binds(target) ? role : null;
  }

  /** Returns whether {@code target} is the bound workspace (a null target is not). */
  boolean binds(String target) {
    return target == workspace || (target != null && target.equals(workspace));
  }

  /**
   * Unbinds this scope, and every scope opened inside it on this thread that is still open, when it
   * is in this thread's current bindings; the binding under it is current again. A scope that is no
   * longer there (a task's wrapper or an enclosing scope unbound it already), a scope closed
   * before, and a scope of another thread unbind nothing: closing never binds anyone.
   */
  @Override
  public void close() {
    Thread current = Thread.currentThread();
    if (current != owner) {
      // A binding lives in its thread: closing it here cannot unbind it there. Say so, since the
      // owner thread (a pooled one, say) keeps the principal until it closes the scope.
      LOG.log(
          System.Logger.Level.WARNING,
          "a principal scope opened on thread "
              + owner.getName()
              + " was closed on thread "
              + current.getName()
              + "; it stays bound on "
              + owner.getName()
              + " until closed there");
      return;
    }
    closed = true;
    Bindings.unbind(this);
  }

  @Override
  public String toString() {
    return "binding of "
        + principal
        + (account == null ? "" : " in an account")
        + (workspace == null ? "" : " in a workspace");
  }
}
