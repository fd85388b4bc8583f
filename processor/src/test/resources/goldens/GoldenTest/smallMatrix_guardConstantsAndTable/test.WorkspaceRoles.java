package test;

import dev.rolegate.runtime.internal.RolegateGenerated;
import javax.annotation.processing.Generated;

/**
 * The workspace roles of the Test Matrix matrix (matrix.md), as names for principal builders.
 */
@Generated("dev.rolegate.processor.RolegateProcessor")
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
