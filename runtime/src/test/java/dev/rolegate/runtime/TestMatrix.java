package dev.rolegate.runtime;

/**
 * A small hand-built matrix shared by the runtime tests.
 *
 * <pre>
 * index  permission     level      VIEWER DEVELOPER OWNER | MEMBER ADMIN
 *   0    VIEW_X         workspace    x       x        x   |
 *   1    EDIT_X         workspace            x        x   |
 *   2    DELETE_X       workspace            x        x   |
 *   3    VIEW_SECRETS   workspace                     x   |
 *   4    VIEW_ACCOUNT   account                           |   x      x
 *   5    EDIT_ACCOUNT   account                           |          x
 * </pre>
 *
 * <p>MEMBER is the default account role; ADMIN holds workspace OWNER everywhere.
 */
public final class TestMatrix {
  public static final String NAME = "Test Matrix";
  public static final String SOURCE = "test-matrix.md";

  public static final String VIEW_X = "VIEW_X";
  public static final String EDIT_X = "EDIT_X";
  public static final String DELETE_X = "DELETE_X";
  public static final String VIEW_SECRETS = "VIEW_SECRETS";
  public static final String VIEW_ACCOUNT = "VIEW_ACCOUNT";
  public static final String EDIT_ACCOUNT = "EDIT_ACCOUNT";

  public static final String VIEWER = "VIEWER";
  public static final String DEVELOPER = "DEVELOPER";
  public static final String OWNER = "OWNER";
  public static final String MEMBER = "MEMBER";
  public static final String ADMIN = "ADMIN";

  public static final long VIEWER_BITS = 0b0001L;
  public static final long DEVELOPER_BITS = 0b0111L;
  public static final long OWNER_BITS = 0b1111L;
  public static final long MEMBER_BITS = 0b01_0000L;
  public static final long ADMIN_BITS = 0b11_0000L;

  /** The shared matrix. */
  public static final Matrix MATRIX = build(NAME);

  private TestMatrix() {}

  /** Builds a matrix with the same shape under another name: a distinct matrix. */
  public static Matrix build(String name) {
    return withRoles(builderWithPermissions(name));
  }

  /**
   * Builds a matrix with the same shape from file {@code source} of package {@code packageName}.
   */
  public static Matrix build(String name, String packageName, String source) {
    return withRoles(withPermissions(Matrix.builder(name, packageName, source)));
  }

  private static Matrix withRoles(Matrix.Builder builder) {
    return builder
        .role(VIEWER, Level.WORKSPACE, new long[] {VIEWER_BITS}, "", "sees things")
        .role(DEVELOPER, Level.WORKSPACE, new long[] {DEVELOPER_BITS}, "", "changes things")
        .role(OWNER, Level.WORKSPACE, new long[] {OWNER_BITS}, "", "owns the workspace")
        .role(MEMBER, Level.ACCOUNT, new long[] {MEMBER_BITS}, "", "an account member")
        .role(ADMIN, Level.ACCOUNT, new long[] {ADMIN_BITS}, OWNER, "runs the account")
        .defaultAccountRole(MEMBER)
        .build();
  }

  /** Returns a builder holding only the six permissions, for tests that add their own roles. */
  public static Matrix.Builder builderWithPermissions(String name) {
    return withPermissions(Matrix.builder(name, SOURCE));
  }

  private static Matrix.Builder withPermissions(Matrix.Builder builder) {
    return builder
        .permission(VIEW_X, Level.WORKSPACE, "see_x", "View x", new long[] {0x1L})
        .permission(EDIT_X, Level.WORKSPACE, "write_x", "Edit x", new long[] {0x3L})
        .permission(DELETE_X, Level.WORKSPACE, "manage_x", "Delete x", new long[] {0x7L})
        .permission(VIEW_SECRETS, Level.WORKSPACE, "", "View secret x data", new long[] {0x8L})
        .permission(
            VIEW_ACCOUNT, Level.ACCOUNT, "read:account", "View the account", new long[] {0x10L})
        .permission(
            EDIT_ACCOUNT, Level.ACCOUNT, "update:account", "Edit the account", new long[] {0x30L});
  }

  /** Returns the shared matrix's permission of this name. */
  public static Permission permission(String name) {
    return MATRIX.permission(name).orElseThrow();
  }

  /**
   * Returns the shared matrix's role of this name (the fixture's names are unique across levels).
   */
  public static Role role(String name) {
    return MATRIX.workspaceRole(name).or(() -> MATRIX.accountRole(name)).orElseThrow();
  }

  /** The account of the single-account tests. */
  public static final String ACCOUNT = "acme";

  /** The directory of the single-account tests: every workspace is {@link #ACCOUNT}'s. */
  public static final AccountDirectory SINGLE = AccountDirectory.singleAccount(ACCOUNT);

  /** Starts a user of the shared matrix, in the single account. */
  public static Principal.Builder user(String id) {
    return Principal.user(id).matrix(MATRIX).directory(SINGLE);
  }

  /** Starts a service account of the shared matrix, in the single account. */
  public static Principal.Builder serviceAccount(String id) {
    return Principal.serviceAccount(id).matrix(MATRIX).directory(SINGLE);
  }
}
