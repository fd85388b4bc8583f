package dev.rolegate.samples;

import dev.rolegate.prefect.WorkspaceRoles;
import dev.rolegate.runtime.CustomRoles;
import dev.rolegate.runtime.Matrix;
import dev.rolegate.runtime.Role;

/**
 * The custom workspace role of account {@value SampleData#ACME}, defined at run time as a Prefect
 * Enterprise account would: {@value #DEPLOYER} is RUNNER plus {@code write_deployments}, given as
 * Prefect's scope string (it is {@code CREATE_EDIT_DEPLOYMENTS}, which brings what it includes).
 * Principals and workspace members name it like a built-in role once they resolve names through
 * {@link #CUSTOM}. As in Prefect, it belongs to its account: it is held only in that account's
 * workspaces.
 */
public final class SampleRoles {
  /** The custom role's name. */
  public static final String DEPLOYER = "DEPLOYER";

  /**
   * The custom roles of {@value SampleData#ACME}, validated against the compiled matrix when
   * defined.
   */
  public static final CustomRoles CUSTOM = new CustomRoles(Matrix.load(), SampleData.ACME);

  /**
   * RUNNER + {@code write_deployments}: runs, creates and edits deployments; cannot delete them.
   */
  public static final Role DEPLOYER_ROLE =
      CUSTOM.define(DEPLOYER, WorkspaceRoles.RUNNER, "write_deployments");

  private SampleRoles() {}

  /**
   * Returns the built-in or custom workspace role of this exact name.
   *
   * @throws IllegalArgumentException naming it and the known roles when there is none
   */
  public static Role workspaceRole(String name) {
    return CUSTOM.workspaceRole(name);
  }
}
