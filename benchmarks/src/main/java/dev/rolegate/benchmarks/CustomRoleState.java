package dev.rolegate.benchmarks;

import dev.rolegate.prefect.AccountRoles;
import dev.rolegate.prefect.WorkspaceRoles;
import dev.rolegate.runtime.AccessDeniedException;
import dev.rolegate.runtime.CurrentPrincipal;
import dev.rolegate.runtime.CustomRoles;
import dev.rolegate.runtime.Matrix;
import dev.rolegate.runtime.Principal;
import dev.rolegate.runtime.PrincipalScope;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * rolegate's guard when the caller holds a custom role (Prefect Enterprise) in the target
 * workspace: DEPLOYER, built at run time as RUNNER plus {@code write_deployments}, which may read
 * deployments but not delete them. Otherwise the caller of {@link Callers}.
 */
@State(Scope.Thread)
public class CustomRoleState {
  public String workspace;
  public int deploymentId;
  public DeploymentApi rolegate;

  private PrincipalScope scope;

  /** Defines the custom role, binds a caller holding it in ws-prod, and proves the guard checks. */
  @Setup(Level.Trial)
  public void setUp() {
    workspace = Callers.WORKSPACE;
    deploymentId = 1;
    rolegate = GuardedDeploymentApi.wrap(new CountingDeployments());
    CustomRoles roles = new CustomRoles(Matrix.load(), Callers.ACCOUNT);
    roles.define("DEPLOYER", WorkspaceRoles.RUNNER, "write_deployments");
    Principal.Builder caller =
        Principal.user(Callers.USER)
            .directory(Callers.directory())
            .member(Callers.ACCOUNT, AccountRoles.MEMBER)
            .customRoles(roles);
    Callers.workspaceRoles()
        .forEach((id, role) -> caller.workspaceRole(id, id.equals(workspace) ? "DEPLOYER" : role));
    scope = CurrentPrincipal.bind(caller.build());
    Expect.allowed("rolegate custom role", () -> rolegate.count(workspace));
    Expect.denied(
        "rolegate custom role",
        AccessDeniedException.class,
        () -> rolegate.delete(workspace, deploymentId));
  }

  /** Unbinds the caller. */
  @TearDown(Level.Trial)
  public void tearDown() {
    scope.close();
  }
}
