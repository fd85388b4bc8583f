package dev.rolegate.runtime.internal;

import dev.rolegate.runtime.CustomRoles;
import dev.rolegate.runtime.Decision;
import dev.rolegate.runtime.DecisionListener;
import dev.rolegate.runtime.Decisions;
import dev.rolegate.runtime.Level;
import dev.rolegate.runtime.Principal;
import dev.rolegate.runtime.PrincipalKind;
import dev.rolegate.runtime.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * Tells the {@link DecisionListener} about decisions, so that a listener can never change one:
 * whatever it throws, a denial is still thrown and an allowed call still goes on. Also works out
 * which roles would have been allowed. Runs only off the allowed fast path, or when a listener is
 * installed.
 */
final class Audit {
  private static final System.Logger LOG = System.getLogger("dev.rolegate");
  private static final RuntimeAccess RUNTIME = Secrets.runtime();

  private Audit() {}

  /** The roles that would have been allowed, by level, in matrix order. */
  record Allowed(List<String> workspaceRoles, List<String> accountRoles) {
    static final Allowed NONE = new Allowed(List.of(), List.of());

    boolean isEmpty() {
      return workspaceRoles.isEmpty() && accountRoles.isEmpty();
    }

    /** Returns "workspace role DEVELOPER, OWNER; account role ADMIN, OWNER". */
    String text() {
      List<String> parts = new ArrayList<>();
      if (!workspaceRoles.isEmpty()) {
        parts.add("workspace role " + String.join(", ", workspaceRoles));
      }
      if (!accountRoles.isEmpty()) {
        parts.add("account role " + String.join(", ", accountRoles));
      }
      return String.join("; ", parts);
    }

    /** Returns "workspace DEVELOPER", "workspace OWNER", "account ADMIN", ... */
    List<String> entries() {
      List<String> entries = new ArrayList<>();
      workspaceRoles.forEach(role -> entries.add("workspace " + role));
      accountRoles.forEach(role -> entries.add("account " + role));
      return entries;
    }
  }

  /**
   * Returns the roles with which {@code principal} would have been allowed in {@code inAccount},
   * everything else about it unchanged: another workspace role there, or another account role (for
   * a principal that is no member there: the roles a member would need). Only for a denial about
   * roles.
   */
  static Allowed wouldAllow(
      Requirement requirement, Principal principal, String inAccount, Role role) {
    Role account = principal.accountRole(inAccount);
    Role everywhere = account == null ? null : account.everywhere();
    List<String> workspaceRoles = new ArrayList<>();
    List<String> accountRoles = new ArrayList<>();
    // A workspace role answers only for a workspace requirement.
    if (requirement.workspaceLevel()) {
      for (Role candidate : requirement.matrix().roles(Level.WORKSPACE)) {
        if (requirement.satisfied(account, candidate, everywhere)) {
          workspaceRoles.add(candidate.name());
        }
      }
      for (Role custom : principal.customRoles().map(CustomRoles::all).orElse(List.of())) {
        if (!RUNTIME.holdableIn(principal, custom, inAccount)) {
          continue;
        }
        if (requirement.satisfied(account, custom, everywhere)) {
          workspaceRoles.add(custom.name() + " (custom)");
        }
      }
    }
    for (Role candidate : requirement.matrix().roles(Level.ACCOUNT)) {
      if (requirement.satisfied(candidate, role, candidate.everywhere())) {
        accountRoles.add(candidate.name());
      }
    }
    return new Allowed(workspaceRoles, accountRoles);
  }

  /** Tells the listener about an allowed call; never throws what the listener throws. */
  static void allowed(
      DecisionListener listener,
      Requirement requirement,
      Principal principal,
      Role role,
      String account,
      String workspace,
      String operation) {
    Decision decision =
        new Decision(
            true,
            operation,
            principal.id(),
            principal.kind(),
            account,
            workspace,
            requirement.names(),
            requirement.any(),
            grantedBy(requirement, principal, role, account, workspace),
            List.of(),
            "allowed");
    deliver(listener, decision, null);
  }

  /** Tells the installed listener, if any, about a denial; returns the denial to throw. */
  static <T extends RuntimeException> T denied(
      T denial,
      Requirement requirement,
      Principal principal,
      List<String> wouldAllow,
      String operation,
      String account,
      String workspace) {
    DecisionListener listener = Decisions.listener();
    if (listener != null) {
      String id = principal == null ? null : principal.id();
      PrincipalKind kind = principal == null ? null : principal.kind();
      // Unauthenticated calls and source failures pass null: nobody to say which role would do.
      deliver(
          listener,
          new Decision(
              false,
              operation,
              id,
              kind,
              account,
              workspace,
              requirement.names(),
              requirement.any(),
              "",
              wouldAllow == null ? List.of() : wouldAllow,
              denial.getMessage()),
          denial);
    }
    return denial;
  }

  private static String grantedBy(
      Requirement requirement, Principal principal, Role role, String inAccount, String workspace) {
    Role account = principal.accountRole(inAccount);
    // A workspace role grants only workspace permissions: an account-level call is the account
    // role's.
    if (requirement.workspaceLevel()
        && role != null
        && requirement.satisfied(account, role, null)) {
      // A role is found only under an id given a role or a default, which the name rule checked
      // when it was given (or a UUID's spelling): shown as it is.
      return role.describe() + " in " + workspace;
    }
    // Not granted by the workspace role alone, so by the account role: there is one.
    String shown = Names.escaped(inAccount);
    if (!requirement.workspaceLevel() || account.everywhere() == null) {
      return "account role " + account.name() + " in " + shown;
    }
    return "account "
        + account.name()
        + " in "
        + shown
        + " (workspace "
        + account.everywhere().name()
        + " in the account's workspaces)";
  }

  private static void deliver(
      DecisionListener listener, Decision decision, RuntimeException denial) {
    // The listener runs in a frame of its own: whatever it binds and leaves bound is unbound
    // before the call goes on, so the delegate acts for the principal that was checked.
    Bindings.Entered entered = Bindings.enter(Bindings.current());
    try {
      listener.onDecision(decision);
    } catch (Throwable e) {
      // Anything a listener throws, checked exceptions smuggled past the compiler included:
      // only the JVM failing is let through.
      if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
        throw (VirtualMachineError) e;
      }
      if (denial != null) {
        denial.addSuppressed(e);
      }
      // The class names only: a listener's message may quote whatever it was handed.
      LOG.log(
          System.Logger.Level.WARNING,
          "decision listener "
              + listener.getClass().getName()
              + " threw "
              + e.getClass().getName()
              + "; the decision stands ("
              + (decision.allowed() ? "allowed" : "denied")
              + " "
              + decision.operation()
              + ")");
    } finally {
      Bindings.exit(entered);
    }
  }
}
