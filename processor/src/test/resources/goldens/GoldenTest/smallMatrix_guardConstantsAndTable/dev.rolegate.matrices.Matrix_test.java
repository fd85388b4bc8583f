package dev.rolegate.matrices;

import dev.rolegate.runtime.internal.RolegateGenerated;

/**
 * Lets later compilations find the Test Matrix matrix compiled into {@code test}.
 */
@RolegateGenerated
public final class Matrix_test {
  public static final String PACKAGE = "test";

  public static final String SOURCE = "matrix.md";

  public static final String SHA256 = "291fbcbfca9f23d0034e3d521c3231067b4594006726ea11c30fbbf25bf1ff70";

  public static final int CHUNKS = 1;

  public static final String TEXT_0 = "# Test Matrix\n"
      + "\n"
      + "| Permission | Level | Scope | Includes | Description |\n"
      + "|---|---|---|---|---|\n"
      + "| VIEW_THINGS | workspace | see_things | | See things. |\n"
      + "| EDIT_THINGS | workspace | write_things | VIEW_THINGS | Edit things. |\n"
      + "| DELETE_THINGS | workspace | manage_things | VIEW_THINGS, EDIT_THINGS | Delete things. |\n"
      + "| VIEW_SECRETS | workspace | | | See secrets. |\n"
      + "| VIEW_ACCOUNT | account | | | See the account. |\n"
      + "| EDIT_ACCOUNT | account | | VIEW_ACCOUNT | Edit the account. |\n"
      + "\n"
      + "| Role | Level | Inherits | Grants | Workspace role everywhere | Description |\n"
      + "|---|---|---|---|---|---|\n"
      + "| VIEWER | workspace | | VIEW_THINGS | | Looks. |\n"
      + "| EDITOR | workspace | VIEWER | EDIT_THINGS | | Edits. |\n"
      + "| OWNER | workspace | EDITOR | DELETE_THINGS, VIEW_SECRETS | | Owns. |\n"
      + "| MEMBER | account (default) | | VIEW_ACCOUNT | | Member. |\n"
      + "| ADMIN | account | MEMBER | EDIT_ACCOUNT | OWNER | Admin. |\n";

  private Matrix_test() {
  }
}
