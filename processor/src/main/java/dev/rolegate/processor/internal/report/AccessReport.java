package dev.rolegate.processor.internal.report;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Who may call each guarded method of one compilation: the model both report files are written
 * from. Holds strings only (no {@code Element}), so it can be collected across rounds. Services are
 * sorted by qualified name; methods keep the order of the guarded service (source order, then
 * inherited methods); roles keep the matrix's order.
 */
record AccessReport(MatrixSummary matrix, List<ServiceAccess> services) {
  AccessReport {
    services = services.stream().sorted(Comparator.comparing(ServiceAccess::type)).toList();
  }

  /**
   * The matrix the compilation checked against; {@code defaultAccountRole} is the account role of a
   * principal that sets none, which the workspace-role column assumes.
   */
  record MatrixSummary(
      String title, String source, String packageName, Optional<String> defaultAccountRole) {}

  /** One guarded type and its guard, with a row per method the guard implements. */
  record ServiceAccess(String type, String guard, List<MethodAccess> methods) {
    ServiceAccess {
      methods = List.copyOf(methods);
    }
  }

  /**
   * One method: its operation ({@code Type.method(ParamTypes)}), requirement, how the workspace and
   * the account are found, and the roles that may call it. {@code reason} is present only when
   * unguarded; {@code workspaceLevel} says whether any permission is a workspace one; {@code exact}
   * is what the access lock writes of it.
   */
  record MethodAccess(
      String operation,
      Mode mode,
      List<String> permissions,
      boolean workspaceLevel,
      Optional<String> reason,
      IdSource workspace,
      IdSource account,
      List<String> workspaceRoles,
      List<String> accountRoles,
      Exact exact) {
    MethodAccess {
      permissions = List.copyOf(permissions);
      workspaceRoles = List.copyOf(workspaceRoles);
      accountRoles = List.copyOf(accountRoles);
    }
  }

  /**
   * A method as the access lock names it: {@code parameters}, its erased parameter types by binary
   * name in parentheses ({@code (java.lang.String, test.Deployment)}), which tell apart overloads
   * that read alike; and where its check reads the workspace and the account, with the parameter's
   * index ({@code parameter 0 (from)}).
   */
  record Exact(String parameters, String workspaceFrom, String accountFrom) {}

  /** How a method's requirement is read: all permissions, any one of them, or not at all. */
  enum Mode {
    ALL_OF("allOf"),
    ANY_OF("anyOf"),
    UNGUARDED("unguarded");

    private final String json;

    Mode(String json) {
      this.json = json;
    }

    /** Returns the name the JSON report uses. */
    String json() {
      return json;
    }
  }

  /**
   * Where the workspace a call acts on, or the account it acts in, comes from. {@code parameter} is
   * set for PARAMETER and CARRIER, {@code accessor} (e.g. {@code DeploymentRef.workspace()}) for
   * CARRIER only; for an account of kind WORKSPACE, they name the workspace argument whose account
   * it is (both empty for the bound workspace).
   */
  record IdSource(Kind kind, Optional<String> parameter, Optional<String> accessor) {
    static final IdSource NONE = new IdSource(Kind.NONE, Optional.empty(), Optional.empty());
    static final IdSource BOUND = new IdSource(Kind.BOUND, Optional.empty(), Optional.empty());

    /** The kinds of source. */
    enum Kind {
      /** A {@code @WorkspaceId} or {@code @AccountId} {@code String} or {@code UUID} parameter. */
      PARAMETER("parameter"),
      /** A marked parameter whose type carries the id in a marked accessor. */
      CARRIER("carrier"),
      /** {@code @BoundWorkspace}, {@code @BoundAccount}: the one bound to the caller's context. */
      BOUND("bound"),
      /** An account only: the account of the workspace the call names. */
      WORKSPACE("workspace"),
      /** Nothing is read: for a workspace, account permissions only; or unguarded. */
      NONE("none");

      private final String json;

      Kind(String json) {
        this.json = json;
      }

      /** Returns the name the JSON report uses. */
      String json() {
        return json;
      }
    }
  }
}
