package dev.rolegate.runtime;

import static dev.rolegate.runtime.TestMatrix.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WorkspaceDefaultsTest {
  private static final UUID WS_UUID = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

  private WorkspaceDefaults defaults;

  @BeforeEach
  void setUp() {
    defaults = new WorkspaceDefaults(MATRIX);
  }

  @Test
  void constructor_nullMatrix_isRejected() {
    assertThrows(NullPointerException.class, () -> new WorkspaceDefaults((Matrix) null));
  }

  @Test
  void matrix_returnsMatrixGiven() {
    assertSame(MATRIX, defaults.matrix());
  }

  @Test
  void defaultRoleOf_nothingSet_isEmpty() {
    assertTrue(defaults.defaultRoleOf("ws-prod").isEmpty());
  }

  @Test
  void defaultRoleOf_afterSet_isThatRole() {
    defaults.setDefaultRole("ws-prod", VIEWER);
    assertSame(role(VIEWER), defaults.defaultRoleOf("ws-prod").orElseThrow());
    assertTrue(defaults.defaultRoleOf("ws-dev").isEmpty());
  }

  @Test
  void workspaceRole_noExplicitRole_isWorkspaceDefault() {
    defaults.setDefaultRole("ws-prod", VIEWER);
    Principal alice = user("alice").workspaceDefaults(defaults).build();
    assertSame(role(VIEWER), alice.workspaceRole("ws-prod"));
    assertNull(alice.workspaceRole("ws-dev"));
  }

  @Test
  void workspaceRole_explicitRole_winsOverDefault() {
    defaults.setDefaultRole("ws-prod", OWNER);
    defaults.setDefaultRole("ws-dev", VIEWER);
    Principal alice =
        user("alice")
            .workspaceDefaults(defaults)
            .workspaceRole("ws-prod", VIEWER)
            .workspaceRole("ws-dev", DEVELOPER)
            .build();
    assertSame(role(VIEWER), alice.workspaceRole("ws-prod"));
    assertSame(role(DEVELOPER), alice.workspaceRole("ws-dev"));
  }

  @Test
  void setNoAccess_workspaceWithoutExplicitRole_givesNoRole() {
    defaults.setDefaultRole("ws-prod", DEVELOPER);
    defaults.setNoAccess("ws-prod");
    Principal alice = user("alice").workspaceDefaults(defaults).build();
    assertNull(alice.workspaceRole("ws-prod"));
    assertTrue(defaults.defaultRoleOf("ws-prod").isEmpty());
  }

  @Test
  void setNoAccess_explicitRole_stillWins() {
    defaults.setNoAccess("ws-prod");
    Principal alice =
        user("alice").workspaceDefaults(defaults).workspaceRole("ws-prod", VIEWER).build();
    assertSame(role(VIEWER), alice.workspaceRole("ws-prod"));
  }

  @Test
  void setDefaultRole_afterNoAccess_restoresAccess() {
    defaults.setNoAccess("ws-prod");
    defaults.setDefaultRole("ws-prod", VIEWER);
    Principal alice = user("alice").workspaceDefaults(defaults).build();
    assertSame(role(VIEWER), alice.workspaceRole("ws-prod"));
  }

  @Test
  void changes_afterPrincipalBuilt_areSeenByIt() {
    Principal alice = user("alice").workspaceDefaults(defaults).build();
    assertNull(alice.workspaceRole("ws-prod"));
    defaults.setDefaultRole("ws-prod", DEVELOPER);
    assertSame(role(DEVELOPER), alice.workspaceRole("ws-prod"));
    defaults.setDefaultRole("ws-prod", VIEWER);
    assertSame(role(VIEWER), alice.workspaceRole("ws-prod"));
    defaults.setNoAccess("ws-prod");
    assertNull(alice.workspaceRole("ws-prod"));
  }

  @Test
  void principal_builtWithoutDefaults_ignoresThem() {
    defaults.setDefaultRole("ws-prod", OWNER);
    Principal alice = user("alice").build();
    assertNull(alice.workspaceRole("ws-prod"));
  }

  @Test
  void setDefaultRole_uuidWorkspace_foundByUuidAndString() {
    defaults.setDefaultRole(WS_UUID.toString(), DEVELOPER);
    Principal alice = user("alice").workspaceDefaults(defaults).build();
    assertSame(role(DEVELOPER), alice.workspaceRole(WS_UUID));
    assertSame(role(DEVELOPER), alice.workspaceRole(WS_UUID.toString()));
    defaults.setNoAccess(WS_UUID.toString());
    assertNull(alice.workspaceRole(WS_UUID));
    assertNull(alice.workspaceRole(WS_UUID.toString()));
  }

  @Test
  void explicitUuidRole_winsOverUuidDefault() {
    defaults.setDefaultRole(WS_UUID.toString(), OWNER);
    Principal alice =
        user("alice").workspaceDefaults(defaults).workspaceRole(WS_UUID, VIEWER).build();
    assertSame(role(VIEWER), alice.workspaceRole(WS_UUID));
    assertSame(role(VIEWER), alice.workspaceRole(WS_UUID.toString()));
  }

  @Test
  void setDefaultRole_unknownRole_isRejectedNamingKnownRoles() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> defaults.setDefaultRole("ws-prod", "viewer"));
    assertTrue(e.getMessage().contains("\"viewer\""), e.getMessage());
    assertTrue(e.getMessage().contains("VIEWER, DEVELOPER, OWNER"), e.getMessage());
    assertTrue(defaults.defaultRoleOf("ws-prod").isEmpty());
  }

  @Test
  void setDefaultRole_accountRole_isRejected() {
    assertThrows(IllegalArgumentException.class, () -> defaults.setDefaultRole("ws-prod", ADMIN));
    assertTrue(defaults.defaultRoleOf("ws-prod").isEmpty());
  }

  @Test
  void setDefaultRole_rejectedRole_keepsPreviousDefault() {
    defaults.setDefaultRole("ws-prod", VIEWER);
    assertThrows(IllegalArgumentException.class, () -> defaults.setDefaultRole("ws-prod", "X"));
    assertSame(role(VIEWER), defaults.defaultRoleOf("ws-prod").orElseThrow());
  }

  @Test
  void set_nullOrBlankWorkspace_isRejected() {
    assertThrows(NullPointerException.class, () -> defaults.setDefaultRole(null, VIEWER));
    assertThrows(NullPointerException.class, () -> defaults.setDefaultRole("ws", (String) null));
    assertThrows(IllegalArgumentException.class, () -> defaults.setDefaultRole(" ", VIEWER));
    assertThrows(NullPointerException.class, () -> defaults.setNoAccess(null));
    assertThrows(IllegalArgumentException.class, () -> defaults.setNoAccess(""));
  }

  @Test
  void build_defaultsOfAnotherMatrixWithExplicitMatrix_isRejected() {
    WorkspaceDefaults foreign = new WorkspaceDefaults(TestMatrix.build("Other"));
    Principal.Builder builder = user("alice").workspaceDefaults(foreign);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
    assertTrue(e.getMessage().contains("Other"), e.getMessage());
    assertTrue(e.getMessage().contains(NAME), e.getMessage());
  }

  @Test
  void build_matrixSetAfterDefaultsOfAnotherMatrix_isRejected() {
    WorkspaceDefaults foreign = new WorkspaceDefaults(TestMatrix.build("Other"));
    Principal.Builder builder =
        Principal.user("alice")
            .directory(TestMatrix.SINGLE)
            .workspaceDefaults(foreign)
            .matrix(MATRIX);
    assertThrows(IllegalArgumentException.class, builder::build);
  }

  @Test
  void build_defaultsWithoutMatrix_takesMatrixOfDefaults() {
    Matrix other = TestMatrix.build("Other");
    WorkspaceDefaults otherDefaults = new WorkspaceDefaults(other);
    otherDefaults.setDefaultRole("ws-prod", VIEWER);
    Principal alice =
        Principal.user("alice")
            .directory(TestMatrix.SINGLE)
            .workspaceDefaults(otherDefaults)
            .build();
    assertSame(other, alice.matrix());
    assertSame(other.workspaceRole(VIEWER).orElseThrow(), alice.workspaceRole("ws-prod"));
  }
}
