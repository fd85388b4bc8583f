package test;

import dev.rolegate.runtime.internal.RolegateGenerated;

/**
 * The account roles of the Test Matrix matrix (matrix.md), as names for principal builders.
 */
@RolegateGenerated
public final class AccountRoles {
  /**
   * Member.
   *
   * <p>The account role of a principal that sets none.
   */
  public static final String MEMBER = "MEMBER";

  /**
   * Admin.
   *
   * <p>Holds workspace role {@code OWNER} in every workspace.
   */
  public static final String ADMIN = "ADMIN";

  private AccountRoles() {
  }
}
