package dev.rolegate.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.rolegate.jdbc.JdbcMembershipStore;
import dev.rolegate.jdbc.RolegateSchema;
import dev.rolegate.prefect.AccountRoles;
import dev.rolegate.prefect.WorkspaceRoles;
import dev.rolegate.runtime.Matrix;
import dev.rolegate.runtime.Principal;
import dev.rolegate.runtime.Role;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A database holding {@link Memberships} at {@link Memberships.Scale#FULL} scale, behind a HikariCP
 * pool (as an application reads it), with rolegate's store and the hand-written query over the same
 * pool and the same {@link Matrix}. The benchmarks resolve {@value Memberships#WIDE} in a workspace
 * taken in turn from {@link #workspaces}, spread over the account's workspaces, so that no single
 * row is read again and again. Its subclasses choose the database.
 *
 * <p>Setup proves what is measured: the seeded counts are what the scale claims, and in every
 * workspace of the rotation the store's principal holds exactly the seeded role there, with one
 * explicit workspace role of the {@code workspaces} the user holds; the hand-written query reads
 * the same roles.
 */
public abstract class ResolveState {
  /** How many workspaces the benchmarks take in turn. */
  static final int ROTATION = 64;

  /** rolegate's store. */
  public JdbcMembershipStore store;

  /** The hand-written query over the same pool. */
  HandWrittenMembershipQuery handWritten;

  /** The workspaces the benchmarks resolve the user in, in turn. */
  String[] workspaces;

  /** The index in the account's workspaces of each of {@link #workspaces}. */
  int[] indexes;

  /** What was seeded. */
  Memberships.Scale scale;

  private int next;
  private HikariDataSource pool;

  /** Returns the JDBC URL of a fresh, empty database. */
  abstract String freshDatabase();

  /** Seeds, migrates and verifies the database at the requirement's scale. */
  @Setup(Level.Trial)
  public void setUp() throws SQLException {
    setUp(Memberships.Scale.FULL);
  }

  /** Seeds, migrates and verifies the database at {@code scale}. */
  void setUp(Memberships.Scale scale) throws SQLException {
    this.scale = scale;
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(freshDatabase());
    config.setMaximumPoolSize(2);
    config.setPoolName("rolegate-bench-" + getClass().getSimpleName());
    pool = new HikariDataSource(config);
    RolegateSchema.migrate(pool);
    Memberships.seed(pool, scale);
    Memberships.verifyCounts(pool, scale);
    Matrix matrix = Matrix.load();
    store = new JdbcMembershipStore(pool, matrix);
    handWritten = new HandWrittenMembershipQuery(pool, matrix);
    int count = Math.min(ROTATION, scale.workspaces());
    workspaces = new String[count];
    indexes = new int[count];
    for (int i = 0; i < count; i++) {
      indexes[i] = (int) ((long) i * scale.workspaces() / count);
      workspaces[i] = Memberships.workspace(indexes[i]);
    }
    verifyResolution();
  }

  /** Returns the pool. */
  DataSource dataSource() {
    return pool;
  }

  /** Returns the next workspace of the rotation. */
  String nextWorkspace() {
    String workspace = workspaces[next];
    next = next + 1 == workspaces.length ? 0 : next + 1;
    return workspace;
  }

  private void verifyResolution() {
    for (int i = 0; i < workspaces.length; i++) {
      String workspace = workspaces[i];
      String role = Memberships.wideRole(indexes[i]);
      Principal principal = store.principalIn(Memberships.WIDE, workspace);
      Map<String, Role> explicit = principal.explicitWorkspaceRoles();
      if (explicit.size() != 1
          || explicit.get(workspace) == null
          || !explicit.get(workspace).name().equals(role)) {
        throw new IllegalStateException(
            "the store resolved "
                + Memberships.WIDE
                + " in "
                + workspace
                + " with explicit roles "
                + explicit
                + ", expected only "
                + role
                + " there (of "
                + scale.workspaces()
                + " held)");
      }
      expectRole("the store, " + workspace, role, principal.workspaceRole(workspace));
      expectRole(
          "the store's account role",
          AccountRoles.MEMBER,
          principal.accountRole(Memberships.ACCOUNT));
      HandWrittenMembershipQuery.Resolved resolved =
          handWritten.resolve(Memberships.WIDE, workspace);
      if (!Memberships.ACCOUNT.equals(resolved.account())) {
        throw new IllegalStateException(
            "the hand-written query placed " + workspace + " in " + resolved.account());
      }
      expectRole("the hand-written query, " + workspace, role, resolved.explicitRole());
      expectRole(
          "the hand-written query's account role", AccountRoles.MEMBER, resolved.accountRole());
      expectRole(
          "the hand-written query's default, " + workspace,
          Memberships.defaultRole(indexes[i]),
          resolved.defaultRole());
    }
    // A member without an explicit role there holds the workspace's default, from both.
    int member = 2;
    int defaulted = 0;
    while (holds(member, defaulted)) {
      defaulted += 5;
    }
    String workspace = Memberships.workspace(defaulted);
    Principal principal = store.principalIn(Memberships.member(member), workspace);
    if (!principal.explicitWorkspaceRoles().isEmpty()) {
      throw new IllegalStateException(
          "the store gave "
              + Memberships.member(member)
              + " explicit roles "
              + principal.explicitWorkspaceRoles()
              + " in "
              + workspace);
    }
    expectRole(
        "the store's default, " + workspace,
        WorkspaceRoles.VIEWER,
        principal.workspaceRole(workspace));
    expectRole(
        "the hand-written query's default, " + workspace,
        WorkspaceRoles.VIEWER,
        handWritten.resolve(Memberships.member(member), workspace).workspaceRole());
    // No role in the other account's workspace, where the user is no member.
    Principal outside = store.principalIn(Memberships.WIDE, "other-ws-000");
    expectRole("the store, other-ws-000", null, outside.workspaceRole("other-ws-000"));
    expectRole(
        "the hand-written query, other-ws-000",
        null,
        handWritten.resolve(Memberships.WIDE, "other-ws-000").workspaceRole());
    // Everything the user holds, as a tool reads it: every explicit role.
    int all = store.principal(Memberships.WIDE).explicitWorkspaceRoles().size();
    if (all != scale.workspaces()) {
      throw new IllegalStateException(
          Memberships.WIDE
              + " holds "
              + all
              + " explicit workspace roles, expected "
              + scale.workspaces());
    }
  }

  private boolean holds(int member, int workspace) {
    for (int n = 0; n < scale.rolesPerMember(); n++) {
      if (Memberships.memberWorkspace(scale, member, n) == workspace) {
        return true;
      }
    }
    return false;
  }

  private static void expectRole(String what, String expected, Role actual) {
    String name = actual == null ? null : actual.name();
    if (!Objects.equals(expected, name)) {
      throw new IllegalStateException(what + ": role " + name + ", expected " + expected);
    }
  }

  /** Closes the pool and drops the database where that is cheap. */
  @TearDown(Level.Trial)
  public void tearDown() {
    if (pool != null) {
      pool.close();
      pool = null;
      dropDatabase();
    }
  }

  /** Drops the database, after the pool is closed; nothing by default. */
  void dropDatabase() {}
}
