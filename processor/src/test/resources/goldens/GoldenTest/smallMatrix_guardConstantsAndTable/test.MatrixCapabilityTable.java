package test;

import dev.rolegate.runtime.CapabilityTable;
import dev.rolegate.runtime.Level;
import dev.rolegate.runtime.Matrix;
import dev.rolegate.runtime.Permission;
import dev.rolegate.runtime.internal.RolegateGenerated;

/**
 * The compiled matrix Test Matrix (matrix.md): every permission, and each role's permissions after closure
 * (grants, what they include, what the role inherits) as a bitset over permission indexes.
 *
 * <p>The roles after closure:
 *
 * <ul>
 *   <li>workspace VIEWER (1): VIEW_THINGS
 *   <li>workspace EDITOR (2): VIEW_THINGS, EDIT_THINGS
 *   <li>workspace OWNER (4): VIEW_THINGS, EDIT_THINGS, DELETE_THINGS, VIEW_SECRETS
 *   <li>account MEMBER (1): VIEW_ACCOUNT
 *   <li>account ADMIN (2): VIEW_ACCOUNT, EDIT_ACCOUNT
 * </ul>
 */
@RolegateGenerated
public final class MatrixCapabilityTable {
  private static final Matrix matrix = build();

  /**
   * See things.
   */
  public static final Permission VIEW_THINGS = matrix.permissionAt(0);

  /**
   * Edit things.
   */
  public static final Permission EDIT_THINGS = matrix.permissionAt(1);

  /**
   * Delete things.
   */
  public static final Permission DELETE_THINGS = matrix.permissionAt(2);

  /**
   * See secrets.
   */
  public static final Permission VIEW_SECRETS = matrix.permissionAt(3);

  /**
   * See the account.
   */
  public static final Permission VIEW_ACCOUNT = matrix.permissionAt(4);

  /**
   * Edit the account.
   */
  public static final Permission EDIT_ACCOUNT = matrix.permissionAt(5);

  private MatrixCapabilityTable() {
  }

  private static Matrix build() {
    Matrix.Builder builder = Matrix.builder("Test Matrix", "test", "matrix.md");
    builder.compiledFromSource("291fbcbfca9f23d0034e3d521c3231067b4594006726ea11c30fbbf25bf1ff70", MatrixCapabilityTable.class.getResource("matrix.md"));
    addRows0(builder);
    builder.defaultAccountRole("MEMBER");
    return builder.build();
  }

  private static void addRows0(Matrix.Builder builder) {
    builder.permission("VIEW_THINGS", Level.WORKSPACE, "see_things", "See things.", new long[] {0x1L});
    builder.permission("EDIT_THINGS", Level.WORKSPACE, "write_things", "Edit things.", new long[] {0x3L});
    builder.permission("DELETE_THINGS", Level.WORKSPACE, "manage_things", "Delete things.", new long[] {0x7L});
    builder.permission("VIEW_SECRETS", Level.WORKSPACE, "", "See secrets.", new long[] {0x8L});
    builder.permission("VIEW_ACCOUNT", Level.ACCOUNT, "", "See the account.", new long[] {0x10L});
    builder.permission("EDIT_ACCOUNT", Level.ACCOUNT, "", "Edit the account.", new long[] {0x30L});
    builder.role("VIEWER", Level.WORKSPACE, new long[] {0x1L}, "", "Looks.");
    builder.role("EDITOR", Level.WORKSPACE, new long[] {0x3L}, "", "Edits.");
    builder.role("OWNER", Level.WORKSPACE, new long[] {0xfL}, "", "Owns.");
    builder.role("MEMBER", Level.ACCOUNT, new long[] {0x10L}, "", "Member.");
    builder.role("ADMIN", Level.ACCOUNT, new long[] {0x30L}, "OWNER", "Admin.");
  }

  /**
   * Returns the compiled matrix.
   */
  public static Matrix matrix() {
    return matrix;
  }

  /**
   * Registers the matrix as a {@code ServiceLoader} service for {@code Matrix.load()}.
   */
  public static final class Provider implements CapabilityTable {
    @Override
    public Matrix matrix() {
      return MatrixCapabilityTable.matrix;
    }
  }
}
