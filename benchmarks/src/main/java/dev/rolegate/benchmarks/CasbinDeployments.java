package dev.rolegate.benchmarks;

import java.util.List;
import org.casbin.jcasbin.main.Enforcer;

/**
 * The service guarded with jCasbin: each method asks the {@link Enforcer} whether the thread's
 * caller may take the method's action on deployments in the workspace it names, and delegates if
 * so. jCasbin's {@code enforce} answers a boolean; a denial throws the hand-written denial, with
 * who, what and where and the caller's roles in that workspace.
 */
final class CasbinDeployments implements DeploymentApi {
  /** The thread's caller id, set and removed by {@link CasbinState}. */
  static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

  static final String COUNT = "DeploymentApi.count";
  static final String DELETE = "DeploymentApi.delete";

  private static final String DEPLOYMENTS = CasbinState.object(HandPermission.VIEW_DEPLOYMENTS);
  private static final String VIEW = CasbinState.action(HandPermission.VIEW_DEPLOYMENTS);
  private static final String DELETE_ACTION = CasbinState.action(HandPermission.DELETE_DEPLOYMENTS);

  private final Enforcer enforcer;
  private final DeploymentApi delegate;

  CasbinDeployments(Enforcer enforcer, DeploymentApi delegate) {
    this.enforcer = enforcer;
    this.delegate = delegate;
  }

  @Override
  public int count(String workspace) {
    check(workspace, VIEW, COUNT);
    return delegate.count(workspace);
  }

  @Override
  public int delete(String workspace, int id) {
    check(workspace, DELETE_ACTION, DELETE);
    return delegate.delete(workspace, id);
  }

  private void check(String workspace, String action, String operation) {
    String user = CURRENT.get();
    if (user == null) {
      throw new SecurityException("no caller bound for " + operation);
    }
    if (!enforcer.enforce(user, workspace, DEPLOYMENTS, action)) {
      throw denied(user, workspace, action, operation);
    }
  }

  /** Kept out of the check, as the hand-written guard keeps its denial. */
  private HandWrittenDeniedException denied(
      String user, String workspace, String action, String operation) {
    List<String> roles = enforcer.getRolesForUserInDomain(user, workspace);
    String message =
        new StringBuilder("access denied: user ")
            .append(user)
            .append(" may not call ")
            .append(operation)
            .append(", which requires ")
            .append(action)
            .append(' ')
            .append(DEPLOYMENTS)
            .append(" in workspace \"")
            .append(workspace)
            .append("\"; ")
            .append(user)
            .append(" holds ")
            .append(roles.isEmpty() ? "no role" : roles)
            .append(" there")
            .toString();
    return new HandWrittenDeniedException(message, user, operation, workspace);
  }
}
