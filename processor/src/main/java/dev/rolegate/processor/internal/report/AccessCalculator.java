package dev.rolegate.processor.internal.report;

import dev.rolegate.processor.internal.matrix.CompiledMatrix;
import dev.rolegate.processor.internal.matrix.Level;
import dev.rolegate.processor.internal.matrix.PermissionRow;
import dev.rolegate.processor.internal.matrix.RoleRow;
import dev.rolegate.processor.internal.model.GuardedMethod;
import dev.rolegate.processor.internal.model.GuardedService;
import dev.rolegate.processor.internal.model.IdArgument;
import dev.rolegate.processor.internal.model.MatrixHandle;
import dev.rolegate.processor.internal.model.RequirementSpec;
import dev.rolegate.processor.internal.report.AccessReport.Exact;
import dev.rolegate.processor.internal.report.AccessReport.IdSource;
import dev.rolegate.processor.internal.report.AccessReport.MatrixSummary;
import dev.rolegate.processor.internal.report.AccessReport.MethodAccess;
import dev.rolegate.processor.internal.report.AccessReport.Mode;
import dev.rolegate.processor.internal.report.AccessReport.ServiceAccess;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Works out who may call each method of a validated service, deciding exactly as the runtime's
 * {@code Requirement.satisfied} does: an account permission is held through the account role; a
 * workspace permission through the role in the workspace or the workspace role the account role
 * holds everywhere; {@code allOf} needs every permission, {@code anyOf} one.
 *
 * <p>The workspace-role column answers "a caller with this role in the workspace and the default
 * account role"; the account-role column answers "a caller with this account role and no role in
 * the workspace". A requirement with no workspace permission lists no workspace role: the workspace
 * role plays no part in it.
 */
final class AccessCalculator {
  private final CompiledMatrix matrix;
  private final List<RoleRow> workspaceRoles;
  private final List<RoleRow> accountRoles;
  private final Optional<RoleRow> defaultAccount;

  /** Who meets each requirement met so far: many methods share one. */
  private final Map<RequirementSpec, Meeting> meetings = new HashMap<>();

  /** Who meets one requirement, and whether it has a workspace permission. */
  private record Meeting(
      boolean workspaceLevel, List<String> workspaceRoles, List<String> accountRoles) {}

  AccessCalculator(CompiledMatrix matrix) {
    this.matrix = matrix;
    this.workspaceRoles = matrix.roles(Level.WORKSPACE);
    this.accountRoles = matrix.roles(Level.ACCOUNT);
    this.defaultAccount = matrix.defaultAccountRole();
  }

  /** Returns the report's summary of {@code handle}. */
  static MatrixSummary summary(MatrixHandle handle) {
    CompiledMatrix matrix = handle.matrix();
    return new MatrixSummary(
        matrix.title(),
        matrix.sourceName(),
        handle.packageName(),
        matrix.defaultAccountRole().map(RoleRow::name));
  }

  /** Returns the rows of {@code service}, one per method its guard implements, in its order. */
  ServiceAccess service(GuardedService service) {
    List<MethodAccess> methods = new ArrayList<>();
    for (GuardedMethod method : service.methods()) {
      methods.add(method(method));
    }
    return new ServiceAccess(service.qualifiedName(), service.guardName().canonicalName(), methods);
  }

  private MethodAccess method(GuardedMethod method) {
    String operation = method.operation() + method.text().parameters();
    if (method.requirement().isEmpty()) {
      return new MethodAccess(
          operation,
          Mode.UNGUARDED,
          List.of(),
          false,
          method.unguardedReason(),
          IdSource.NONE,
          IdSource.NONE,
          names(workspaceRoles),
          names(accountRoles),
          new Exact(exact(method), "none", "none"));
    }
    RequirementSpec requirement = method.requirement().get();
    Meeting meeting = meetings.computeIfAbsent(requirement, this::meeting);
    boolean workspaceLevel = meeting.workspaceLevel();
    return new MethodAccess(
        operation,
        requirement.any() ? Mode.ANY_OF : Mode.ALL_OF,
        requirement.permissions(),
        workspaceLevel,
        Optional.empty(),
        workspace(method, workspaceLevel),
        account(method),
        meeting.workspaceRoles(),
        meeting.accountRoles(),
        new Exact(exact(method), workspaceFrom(method, workspaceLevel), accountFrom(method)));
  }

  private Meeting meeting(RequirementSpec requirement) {
    List<PermissionRow> permissions = new ArrayList<>();
    for (String name : requirement.permissions()) {
      permissions.add(
          matrix
              .permission(name)
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "validated permission " + name + " is not in the matrix")));
    }
    boolean workspaceLevel = permissions.stream().anyMatch(p -> p.level() == Level.WORKSPACE);
    return new Meeting(
        workspaceLevel,
        workspaceLevel ? List.copyOf(workspaceRoles(requirement.any(), permissions)) : List.of(),
        List.copyOf(accountRoles(requirement.any(), permissions)));
  }

  /** Returns the erased parameter types of {@code method} by binary name, in parentheses. */
  private static String exact(GuardedMethod method) {
    return "(" + String.join(", ", method.text().erasedTypes()) + ")";
  }

  /** The lock's form of {@link #workspace}: {@code parameter 0 (from)}, {@code bound}, ... */
  private static String workspaceFrom(GuardedMethod method, boolean workspaceLevel) {
    if (method.workspace().isPresent()) {
      return argument(method, method.workspace().get());
    }
    return workspaceLevel ? "bound" : "none";
  }

  /** The lock's form of {@link #account}: its argument, {@code bound}, or {@code workspace ...}. */
  private static String accountFrom(GuardedMethod method) {
    if (method.account().isPresent()) {
      return argument(method, method.account().get());
    }
    if (method.boundAccount()) {
      return "bound";
    }
    return "workspace "
        + method.workspace().map(argument -> argument(method, argument)).orElse("bound");
  }

  /**
   * Returns {@code parameter 0 (from)} or {@code carrier 1 (ref) test.DeploymentRef.workspace()}.
   */
  private static String argument(GuardedMethod method, IdArgument argument) {
    String parameter =
        argument.parameter()
            + " ("
            + method.text().parameterNames().get(argument.parameter())
            + ")";
    if (argument.accessorText().isEmpty()) {
      return "parameter " + parameter;
    }
    IdArgument.AccessorText accessor = argument.accessorText().get();
    return "carrier " + parameter + " " + accessor.declaringType() + "." + accessor.name() + "()";
  }

  /**
   * The workspace a guarded method names: its {@code @WorkspaceId} argument (which the guard reads
   * and requires, also for account permissions only: their account is that workspace's), else the
   * bound one for a workspace permission, else none.
   */
  private static IdSource workspace(GuardedMethod method, boolean workspaceLevel) {
    if (method.workspace().isPresent()) {
      return source(method, method.workspace().get());
    }
    return workspaceLevel ? IdSource.BOUND : IdSource.NONE;
  }

  /**
   * Where a guarded method's account comes from: its {@code @AccountId} argument, the bound
   * account, or else the workspace it names (a {@code @WorkspaceId} argument, or the bound one).
   */
  private static IdSource account(GuardedMethod method) {
    if (method.account().isPresent()) {
      return source(method, method.account().get());
    }
    if (method.boundAccount()) {
      return IdSource.BOUND;
    }
    IdSource workspace =
        method.workspace().map(argument -> source(method, argument)).orElse(IdSource.NONE);
    return new IdSource(IdSource.Kind.WORKSPACE, workspace.parameter(), workspace.accessor());
  }

  private static IdSource source(GuardedMethod method, IdArgument argument) {
    Optional<String> parameter =
        Optional.of(method.text().parameterNames().get(argument.parameter()));
    if (argument.accessorText().isEmpty()) {
      return new IdSource(IdSource.Kind.PARAMETER, parameter, Optional.empty());
    }
    return new IdSource(
        IdSource.Kind.CARRIER, parameter, Optional.of(argument.accessorText().get().signature()));
  }

  /** Workspace roles that let a caller holding the default account role call the method. */
  private List<String> workspaceRoles(boolean any, List<PermissionRow> permissions) {
    RoleRow account = defaultAccount.orElse(null);
    RoleRow everywhere = everywhere(account);
    List<String> allowed = new ArrayList<>();
    for (RoleRow role : workspaceRoles) {
      if (CallerRule.satisfied(matrix, any, permissions, account, role, everywhere)) {
        allowed.add(role.name());
      }
    }
    return allowed;
  }

  /** Account roles that let a caller with no role in the workspace call the method. */
  private List<String> accountRoles(boolean any, List<PermissionRow> permissions) {
    List<String> allowed = new ArrayList<>();
    for (RoleRow role : accountRoles) {
      if (CallerRule.satisfied(matrix, any, permissions, role, null, everywhere(role))) {
        allowed.add(role.name());
      }
    }
    return allowed;
  }

  private RoleRow everywhere(RoleRow account) {
    if (account == null || account.everywhere().isEmpty()) {
      return null;
    }
    for (RoleRow role : workspaceRoles) {
      if (role.name().equals(account.everywhere())) {
        return role;
      }
    }
    return null;
  }

  private static List<String> names(List<RoleRow> roles) {
    return roles.stream().map(RoleRow::name).toList();
  }
}
