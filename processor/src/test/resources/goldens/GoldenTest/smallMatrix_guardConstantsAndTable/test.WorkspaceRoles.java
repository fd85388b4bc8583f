package test;

import dev.rolegate.runtime.internal.RolegateGenerated;

/**
 * The workspace roles of the Test Matrix matrix (matrix.md), as names for principal builders.
 */
@RolegateGenerated
public final class WorkspaceRoles {
  /**
   * Looks.
   */
  public static final String VIEWER = "VIEWER";

  /**
   * Edits.
   */
  public static final String EDITOR = "EDITOR";

  /**
   * Owns.
   */
  public static final String OWNER = "OWNER";

  private WorkspaceRoles() {
  }
}
