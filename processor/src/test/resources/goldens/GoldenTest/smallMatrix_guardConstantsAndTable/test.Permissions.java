package test;

import dev.rolegate.runtime.internal.RolegateGenerated;

/**
 * The permissions of the Test Matrix matrix (matrix.md), as names for {@code @RequiresPermission}.
 */
@RolegateGenerated
public final class Permissions {
  /**
   * See things.
   *
   * <p>Workspace permission. Scope {@code see_things}.
   */
  public static final String VIEW_THINGS = "VIEW_THINGS";

  /**
   * Edit things.
   *
   * <p>Workspace permission. Scope {@code write_things}.
   */
  public static final String EDIT_THINGS = "EDIT_THINGS";

  /**
   * Delete things.
   *
   * <p>Workspace permission. Scope {@code manage_things}.
   */
  public static final String DELETE_THINGS = "DELETE_THINGS";

  /**
   * See secrets.
   *
   * <p>Workspace permission.
   */
  public static final String VIEW_SECRETS = "VIEW_SECRETS";

  /**
   * See the account.
   *
   * <p>Account permission.
   */
  public static final String VIEW_ACCOUNT = "VIEW_ACCOUNT";

  /**
   * Edit the account.
   *
   * <p>Account permission.
   */
  public static final String EDIT_ACCOUNT = "EDIT_ACCOUNT";

  private Permissions() {
  }
}
