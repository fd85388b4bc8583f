package dev.rolegate.benchmarks;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The baseline the guards are measured against: what a careful engineer writes by hand to do
 * rolegate's work. The caller comes from a {@code ThreadLocal}; the target workspace's account from
 * a map (the directory), the caller's membership there from another, its role in the workspace from
 * a third, then one test: a bit of a {@code long} mask, or membership of an {@link EnumSet}. Bound
 * with its request's workspace, the caller's role there is found once, when bound, as a rolegate
 * binding finds it. A denial throws {@link HandWrittenDeniedException} with a message as
 * informative as rolegate's (who, what, where, the role held there and the roles that would be
 * allowed), built the same way, with a filled stack trace.
 */
public final class HandWritten {
  /** The thread's current caller, set and removed by the benchmark states. */
  public static final ThreadLocal<Caller> CURRENT = new ThreadLocal<>();

  /**
   * The thread's current caller with the workspace its request acts on and its role there, found
   * once when bound: the hand-written counterpart of a rolegate binding with a workspace.
   */
  public static final ThreadLocal<BoundCaller> BOUND = new ThreadLocal<>();

  private HandWritten() {}

  /** A role: its name, and the permissions it holds as a mask and as an {@code EnumSet}. */
  public record Role(String name, long mask, Set<HandPermission> permissions) {
    /** Returns the role holding {@code permissions}. */
    public static Role of(String name, Set<HandPermission> permissions) {
      EnumSet<HandPermission> set = EnumSet.noneOf(HandPermission.class);
      set.addAll(permissions);
      long mask = 0;
      for (HandPermission permission : set) {
        mask |= permission.bit();
      }
      return new Role(name, mask, set);
    }
  }

  /**
   * A caller: its id, account role per account it is a member of, role per workspace id, and the
   * directory of workspace id to account id.
   */
  public record Caller(
      String id,
      Map<String, String> accountRoles,
      Map<String, Role> roles,
      Map<String, String> directory) {
    /** Returns its role in {@code workspace}: none unless a member of the workspace's account. */
    Role roleIn(String workspace) {
      String account = directory.get(workspace);
      return account != null && accountRoles.containsKey(account) ? roles.get(workspace) : null;
    }
  }

  /** A caller bound with a workspace, and its role there resolved when bound (or null). */
  public record BoundCaller(Caller caller, String workspace, Role role) {
    /** Binds {@code caller} to {@code workspace}, looking its role there up once. */
    public static BoundCaller of(Caller caller, String workspace) {
      return new BoundCaller(caller, workspace, caller.roleIn(workspace));
    }
  }

  /**
   * What one guarded method requires, kept as a constant by the hand-written guard: the operation's
   * name, the permission, and the roles that hold it (for the denial message).
   */
  public record Rule(String operation, HandPermission permission, long bit, String allowedRoles) {
    /** Returns the rule for {@code operation}, which needs {@code permission}. */
    public static Rule of(String operation, HandPermission permission, String allowedRoles) {
      return new Rule(operation, permission, permission.bit(), allowedRoles);
    }
  }

  /** Checks the current caller against {@code rule} in {@code workspace} with one bit test. */
  public static void checkMask(String workspace, Rule rule) {
    Caller caller = caller(rule);
    Role role = workspace == null ? null : caller.roleIn(workspace);
    if (role == null || (role.mask() & rule.bit()) == 0) {
      throw denied(caller, role, workspace, rule);
    }
  }

  /**
   * Checks the bound caller against {@code rule} in {@code workspace}: the role found when bound if
   * {@code workspace} is the bound one, else a lookup, then one bit test.
   */
  public static void checkBound(String workspace, Rule rule) {
    BoundCaller bound = BOUND.get();
    if (bound == null) {
      throw new SecurityException("no caller bound for " + rule.operation());
    }
    Role role =
        workspace == bound.workspace() || (workspace != null && workspace.equals(bound.workspace()))
            ? bound.role()
            : workspace == null ? null : bound.caller().roleIn(workspace);
    if (role == null || (role.mask() & rule.bit()) == 0) {
      throw denied(bound.caller(), role, workspace, rule);
    }
  }

  /** Checks the current caller against {@code rule} in {@code workspace} with its EnumSet. */
  public static void checkEnumSet(String workspace, Rule rule) {
    Caller caller = caller(rule);
    Role role = workspace == null ? null : caller.roleIn(workspace);
    if (role == null || !role.permissions().contains(rule.permission())) {
      throw denied(caller, role, workspace, rule);
    }
  }

  private static Caller caller(Rule rule) {
    Caller caller = CURRENT.get();
    if (caller == null) {
      throw new SecurityException("no caller bound for " + rule.operation());
    }
    return caller;
  }

  /** Kept out of the checks so that they stay small enough to inline, as rolegate does. */
  private static HandWrittenDeniedException denied(
      Caller caller, Role role, String workspace, Rule rule) {
    String message =
        new StringBuilder("access denied: user ")
            .append(caller.id())
            .append(" may not call ")
            .append(rule.operation())
            .append(", which requires ")
            .append(rule.permission().name())
            .append(" in workspace \"")
            .append(workspace)
            .append("\"; ")
            .append(caller.id())
            .append(" holds ")
            .append(role == null ? "no role" : role.name())
            .append(" there, account role ")
            .append(caller.accountRoles().get(caller.directory().get(workspace)))
            .append(". Allowed: ")
            .append(rule.allowedRoles())
            .toString();
    return new HandWrittenDeniedException(message, caller.id(), rule.operation(), workspace);
  }
}
