package dev.rolegate.benchmarks;

import dev.rolegate.runtime.AccessDeniedException;
import dev.rolegate.runtime.CurrentPrincipal;
import dev.rolegate.runtime.Principal;
import dev.rolegate.runtime.PrincipalScope;
import dev.rolegate.runtime.Role;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A request's principal as the store resolved it ({@code principalIn("wide", "ws-00001")}, a RUNNER
 * there), bound with that workspace as a web filter binds it, and rolegate's generated guard: the
 * counterpart of {@link BoundState}'s {@code rolegate} with a principal from the database instead
 * of one built in memory.
 */
@State(Scope.Thread)
public class ResolvedBoundState {
  /** The workspace the request acts on. */
  public String workspace;

  public int deploymentId;
  public DeploymentApi rolegate;

  /** The principal the store resolved. */
  Principal principal;

  private PrincipalScope scope;

  /** Resolves and binds the principal, proves the guard allows the read and denies the delete. */
  @Setup(Level.Trial)
  public void setUp(H2ResolveState database) {
    workspace = Memberships.workspace(1);
    deploymentId = 1;
    principal = database.store.principalIn(Memberships.WIDE, workspace);
    Role role = principal.workspaceRole(workspace);
    if (principal.explicitWorkspaceRoles().size() != 1
        || role == null
        || !Callers.ROLE.equals(role.name())) {
      throw new IllegalStateException(
          "resolved "
              + principal.explicitWorkspaceRoles()
              + ", expected only "
              + Callers.ROLE
              + " in "
              + workspace);
    }
    rolegate = GuardedDeploymentApi.wrap(new CountingDeployments());
    scope = CurrentPrincipal.bind(principal, workspace);
    Expect.allowed(
        "rolegate, principal resolved from the database", () -> rolegate.count(workspace));
    Expect.denied(
        "rolegate, principal resolved from the database",
        AccessDeniedException.class,
        () -> rolegate.delete(workspace, deploymentId));
  }

  /** Unbinds the principal. */
  @TearDown(Level.Trial)
  public void tearDown() {
    scope.close();
  }
}
