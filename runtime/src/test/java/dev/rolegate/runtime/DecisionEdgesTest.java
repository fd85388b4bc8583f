package dev.rolegate.runtime;

import static dev.rolegate.runtime.TestMatrix.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolegate.runtime.internal.Requirement;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The edges of the decision data: matrices wider than one 64-bit word, workspace ids that only look
 * alike, defaults and roles given under other spellings or from the wrong level or matrix, and a
 * listener that fails the JVM's way.
 */
class DecisionEdgesTest {
  private static final String UUID_LOWER = "123e4567-e89b-12d3-a456-426614174000";
  private static final String UUID_UPPER = UUID_LOWER.toUpperCase();

  @AfterEach
  void removeListener() {
    Decisions.setListener(null);
  }

  /**
   * 130 workspace permissions: P0..P129, each implying itself only, except P100 which implies P129.
   * BASE holds P0 and P70 (given as two words); NARROW holds P1 (one word, shorter than the
   * matrix).
   */
  private static Matrix wide(String name) {
    Matrix.Builder builder = Matrix.builder(name, "wide.md");
    for (int i = 0; i < 130; i++) {
      long[] implies = new long[3];
      implies[i >>> 6] |= 1L << i;
      if (i == 100) {
        implies[129 >>> 6] |= 1L << 129;
      }
      builder.permission("P" + i, Level.WORKSPACE, "", "", implies);
    }
    return builder
        .role("BASE", Level.WORKSPACE, new long[] {1L, 1L << (70 - 64)}, "", "")
        .role("NARROW", Level.WORKSPACE, new long[] {1L << 1}, "", "")
        .role("ALL", Level.WORKSPACE, new long[] {-1L, -1L, 3L}, "", "")
        .build();
  }

  @Test
  void wideMatrix_rolesHoldExactlyTheirBitsInEveryWord() {
    Matrix m = wide("Wide");
    Role base = m.role("BASE", Level.WORKSPACE);
    Role narrow = m.role("NARROW", Level.WORKSPACE);
    Role all = m.role("ALL", Level.WORKSPACE);
    for (Permission p : m.permissions()) {
      assertEquals(p.index() == 0 || p.index() == 70, base.holds(p), p.name());
      assertEquals(p.index() == 1, narrow.holds(p), p.name());
      assertTrue(all.holds(p), p.name());
    }
    assertEquals(List.of(m.permissionAt(0), m.permissionAt(70)), base.permissions());
    assertEquals(1L, base.firstWord());
    assertEquals(2L, narrow.firstWord());
    // A permission of another matrix at the same index is never held.
    Matrix twin = wide("Twin");
    assertFalse(all.holds(twin.permissionAt(70)));
    assertFalse(all.holds(twin.permissionAt(3)));
  }

  @Test
  void wideMatrix_permissionBitsAndImplication() {
    Matrix m = wide("Wide");
    assertEquals(1L << 5, m.permissionAt(5).firstWordMask);
    assertEquals(1L << 63, m.permissionAt(63).firstWordMask);
    assertEquals(0L, m.permissionAt(64).firstWordMask);
    assertEquals(0L, m.permissionAt(129).firstWordMask);
    assertTrue(m.permissionAt(100).implies(m.permissionAt(129)));
    assertTrue(m.permissionAt(100).implies(m.permissionAt(100)));
    assertFalse(m.permissionAt(100).implies(m.permissionAt(99)));
    assertFalse(m.permissionAt(129).implies(m.permissionAt(100)));
    assertFalse(m.permissionAt(100).implies(wide("Twin").permissionAt(129)));
    // A hand-built permission whose implication set is one word long implies nothing beyond it.
    Matrix shortImplies =
        Matrix.builder("Short", "s.md")
            .permission("A", Level.WORKSPACE, "", "", new long[] {1L})
            .permission("B", Level.WORKSPACE, "", "", new long[] {2L})
            .build();
    assertFalse(shortImplies.permissionAt(0).implies(m.permissionAt(70)));
    assertFalse(m.permissionAt(5).implies(m.permissionAt(69)));
  }

  @Test
  void wideMatrix_customRoleAddsPermissionsBeyondTheBasesWords() {
    Matrix m = wide("Wide");
    CustomRoles custom = new CustomRoles(m);
    Role extended = custom.define("EXTENDED", "NARROW", "P100", "P64");
    for (Permission p : m.permissions()) {
      boolean expected = p.index() == 1 || p.index() == 64 || p.index() == 100 || p.index() == 129;
      assertEquals(expected, extended.holds(p), p.name());
    }
    Role alone = custom.defineStandalone("ALONE", List.of("P129"));
    for (Permission p : m.permissions()) {
      assertEquals(p.index() == 129, alone.holds(p), p.name());
    }
    Principal user =
        Principal.user("w")
            .directory(TestMatrix.SINGLE)
            .matrix(m)
            .workspaceRole("ws", extended)
            .build();
    assertTrue(allowed(Requirement.allOf(m.permissionAt(129)), user, "ws"));
    assertTrue(allowed(Requirement.allOf(m.permissionAt(1), m.permissionAt(64)), user, "ws"));
    assertFalse(allowed(Requirement.allOf(m.permissionAt(1), m.permissionAt(65)), user, "ws"));
    assertFalse(allowed(Requirement.allOf(m.permissionAt(128)), user, "ws"));
  }

  @Test
  void customRole_extraWithALongerImplicationSetThanTheMatrix_isCutToTheMatrix() {
    // Permissions whose implication sets are wider than the matrix (three words for two
    // permissions).
    Matrix m =
        Matrix.builder("Odd", "odd.md")
            .permission("A", Level.WORKSPACE, "", "", new long[] {1L, 0L, 0L})
            .permission("B", Level.WORKSPACE, "", "", new long[] {3L, 0L, 0L})
            .build();
    Role role = new CustomRoles(m).defineStandalone("R", List.of("B"));
    assertTrue(role.holds(m.permissionAt(0)));
    assertTrue(role.holds(m.permissionAt(1)));
    assertEquals(3L, role.firstWord());
  }

  @Test
  void permissionWithAShorterImplicationSetThanTheMatrix_impliesNothingBeyondIt() {
    // 70 permissions (two words); P0's hand-built implication set has one word only.
    Matrix.Builder builder =
        Matrix.builder("Ragged", "r.md").permission("P0", Level.WORKSPACE, "", "", new long[] {1L});
    for (int i = 1; i < 70; i++) {
      long[] implies = new long[2];
      implies[i >>> 6] |= 1L << i;
      builder.permission("P" + i, Level.WORKSPACE, "", "", implies);
    }
    Matrix m = builder.build();
    assertFalse(m.permissionAt(0).implies(m.permissionAt(65)));
    assertTrue(m.permissionAt(0).implies(m.permissionAt(0)));
    Role role = new CustomRoles(m).defineStandalone("R", List.of("P0", "P66"));
    for (Permission p : m.permissions()) {
      assertEquals(p.index() == 0 || p.index() == 66, role.holds(p), p.name());
    }
  }

  private static boolean allowed(Requirement requirement, Principal principal, String workspace) {
    try {
      requirement.check(() -> principal, workspace, "Op.call");
      return true;
    } catch (AccessDeniedException denied) {
      return false;
    }
  }

  @Test
  void workspaceIds_visibility() {
    assertFalse(WorkspaceIds.isVisible(null));
    assertFalse(WorkspaceIds.isVisible(""));
    assertFalse(WorkspaceIds.isVisible(" "));
    assertFalse(WorkspaceIds.isVisible("\t \n"));
    assertFalse(WorkspaceIds.isVisible("\u00a0"));
    assertFalse(WorkspaceIds.isVisible("\u200b\u2003"));
    assertFalse(WorkspaceIds.isVisible("\u001f"));
    assertTrue(WorkspaceIds.isVisible("!"));
    assertTrue(WorkspaceIds.isVisible("~"));
    assertTrue(WorkspaceIds.isVisible(" x"));
    assertTrue(WorkspaceIds.isVisible("\u00e9quipe"));
    assertTrue(WorkspaceIds.isVisible("\u200bx"));
  }

  @Test
  void workspaceIds_onlyCanonicalUuidSpellingsAreUuids() {
    assertTrue(WorkspaceIds.looksLikeUuid(UUID_LOWER));
    assertTrue(WorkspaceIds.looksLikeUuid(UUID_UPPER));
    assertFalse(WorkspaceIds.looksLikeUuid(UUID_LOWER + "0"));
    assertFalse(WorkspaceIds.looksLikeUuid(UUID_LOWER.substring(1)));
    // Hex digit where a dash belongs, and a dash where a digit belongs.
    assertFalse(WorkspaceIds.looksLikeUuid("123e45670e89b-12d3-a456-426614174000"));
    assertFalse(WorkspaceIds.looksLikeUuid("123e4567-e89b-12d3-a456-42661417400-"));
    // Letters past f, and digits Character.digit accepts but a UUID spelling does not.
    assertFalse(WorkspaceIds.looksLikeUuid("123e4567-e89b-12d3-a456-42661417400g"));
    assertFalse(WorkspaceIds.looksLikeUuid("123e4567-e89b-12d3-a456-42661417400\uff10"));
    assertFalse(WorkspaceIds.looksLikeUuid("123e4567-e89b-12d3-a456-42661417400\uff41"));
    assertEquals(Optional.of(UUID.fromString(UUID_LOWER)), WorkspaceIds.uuidOf(UUID_UPPER));
    assertEquals(Optional.empty(), WorkspaceIds.uuidOf("ws"));
  }

  @Test
  void principal_uuidRole_lookAlikeIdsDoNotShareIt() {
    Principal p = user("u").workspaceRole(UUID_LOWER, DEVELOPER).build();
    assertEquals(DEVELOPER, p.workspaceRole(UUID_UPPER).name());
    assertEquals(DEVELOPER, p.workspaceRole(UUID.fromString(UUID_LOWER)).name());
    assertNull(p.workspaceRole((String) null));
    assertNull(p.workspaceRole((UUID) null));
    assertNull(p.workspaceRole(UUID_LOWER + "0"));
    assertNull(p.workspaceRole(UUID_LOWER.substring(0, 35)));
    assertNull(p.workspaceRole("123e45670e89b-12d3-a456-426614174000"));
    assertNull(p.workspaceRole(UUID_LOWER.substring(0, 35) + "\uff10"));
    assertTrue(p.hasExplicitRole(UUID_UPPER));
    assertFalse(p.hasExplicitRole(null));
    assertFalse(p.hasExplicitRole("ws"));
  }

  @Test
  void principal_uuidRoleElsewhere_defaultStillAppliesToAnotherUuid() {
    String other = "00000000-0000-0000-0000-0000000000AB";
    WorkspaceDefaults defaults = new WorkspaceDefaults(MATRIX);
    defaults.setDefaultRole(other.toLowerCase(), VIEWER);
    Principal p =
        user("u").workspaceRole(UUID_LOWER, DEVELOPER).workspaceDefaults(defaults).build();
    assertEquals(VIEWER, p.workspaceRole(other).name());
    assertEquals(VIEWER, p.workspaceRole(UUID.fromString(other)).name());
    assertEquals(DEVELOPER, p.workspaceRole(UUID.fromString(UUID_LOWER)).name());
    assertFalse(p.hasExplicitRole(other));
    assertNull(p.workspaceRole(" "));
    // A default for the workspace where the principal has its own role never replaces that role.
    defaults.setDefaultRole(UUID_UPPER, OWNER);
    assertEquals(DEVELOPER, p.workspaceRole(UUID.fromString(UUID_LOWER)).name());
    assertEquals(DEVELOPER, p.workspaceRole(UUID_UPPER).name());
  }

  @Test
  void workspaceDefaults_spellingsOfOneUuidAreOneDefault() {
    WorkspaceDefaults defaults = new WorkspaceDefaults(MATRIX);
    defaults.setDefaultRole(UUID_LOWER, VIEWER);
    defaults.setDefaultRole(UUID_UPPER, OWNER);
    assertEquals(OWNER, defaults.defaultRoleOf(UUID_LOWER).orElseThrow().name());
    assertEquals(OWNER, defaults.defaultRole(UUID.fromString(UUID_LOWER)).name());
    defaults.setNoAccess(UUID_LOWER);
    assertTrue(defaults.isNoAccess(UUID_UPPER));
    assertEquals(Optional.empty(), defaults.defaultRoleOf(UUID_UPPER));
    defaults.setDefaultRole("plain", DEVELOPER);
    defaults.clear(UUID_UPPER.substring(0, 8) + UUID_LOWER.substring(8));
    assertFalse(defaults.isNoAccess(UUID_LOWER));
    assertFalse(defaults.isNoAccess(UUID_UPPER));
    assertFalse(defaults.isNoAccess(null));
    assertFalse(defaults.isNoAccess("plain"));
    assertEquals(DEVELOPER, defaults.defaultRoleOf("plain").orElseThrow().name());
    defaults.clear("plain");
    assertEquals(Optional.empty(), defaults.defaultRoleOf("plain"));
    assertThrows(IllegalArgumentException.class, () -> defaults.setNoAccess(" "));
    assertThrows(NullPointerException.class, () -> defaults.setNoAccess(null));
  }

  @Test
  void workspaceDefaults_rejectAccountRolesAndRolesOfAnotherMatrix() {
    WorkspaceDefaults defaults = new WorkspaceDefaults(MATRIX);
    IllegalArgumentException account =
        assertThrows(
            IllegalArgumentException.class, () -> defaults.setDefaultRole("ws", role(ADMIN)));
    assertEquals("role ADMIN is not a workspace role of matrix Test Matrix", account.getMessage());
    Role foreign = build("Other").role(VIEWER, Level.WORKSPACE);
    assertThrows(IllegalArgumentException.class, () -> defaults.setDefaultRole("ws", foreign));
    assertThrows(IllegalArgumentException.class, () -> defaults.setDefaultRole("ws", ADMIN));
    assertEquals(Optional.empty(), defaults.defaultRoleOf("ws"));
  }

  @Test
  void builder_rejectsAccountRoleAsWorkspaceRole_andForeignRoles() {
    assertThrows(
        IllegalArgumentException.class, () -> user("u").workspaceRole("ws", role(ADMIN)).build());
    Role foreign = build("Other").role(VIEWER, Level.WORKSPACE);
    assertThrows(
        IllegalArgumentException.class, () -> user("u").workspaceRole("ws", foreign).build());
    assertSame(
        role(VIEWER), user("u").workspaceRole("ws", role(VIEWER)).build().workspaceRole("ws"));
  }

  @Test
  void builder_customRolesOrDefaultsOfAnotherMatrix_setThePrincipalsMatrix() {
    Matrix other = build("Other");
    Principal viaCustom =
        Principal.user("u")
            .directory(TestMatrix.SINGLE)
            .customRoles(new CustomRoles(other))
            .build();
    assertSame(other, viaCustom.matrix());
    assertSame(other.defaultAccountRole(), viaCustom.accountRole(TestMatrix.ACCOUNT));
    Principal viaDefaults =
        Principal.user("u")
            .directory(TestMatrix.SINGLE)
            .workspaceDefaults(new WorkspaceDefaults(other))
            .build();
    assertSame(other, viaDefaults.matrix());
    // An explicit matrix is kept.
    Principal explicit =
        Principal.user("u")
            .directory(TestMatrix.SINGLE)
            .matrix(MATRIX)
            .customRoles(new CustomRoles(MATRIX))
            .build();
    assertSame(MATRIX, explicit.matrix());
  }

  @Test
  void matrix_scopesResolve_emptyScopeIsNoScope() {
    assertEquals(permission(VIEW_X), MATRIX.permissionByScope("see_x").orElseThrow());
    assertEquals(Optional.empty(), MATRIX.permissionByScope(""));
    assertEquals(Optional.empty(), MATRIX.permissionByScope("VIEW_X"));
    assertSame(permission(EDIT_X), MATRIX.resolvePermission("write_x"));
    assertSame(permission(EDIT_X), MATRIX.resolvePermission(EDIT_X));
    IllegalArgumentException empty =
        assertThrows(IllegalArgumentException.class, () -> MATRIX.resolvePermission(""));
    assertEquals(
        "\"\" is neither a permission name nor a scope of matrix Test Matrix; names look like"
            + " DELETE_DEPLOYMENTS, scopes like see_x",
        empty.getMessage());
    assertThrows(IllegalArgumentException.class, () -> MATRIX.resolvePermission(null));
    Matrix noScopes =
        Matrix.builder("Plain", "p.md")
            .permission("A", Level.WORKSPACE, "", "", new long[] {1L})
            .build();
    assertEquals(
        "\"a\" is neither a permission name nor a scope of matrix Plain; names look like"
            + " DELETE_DEPLOYMENTS, scopes like (this matrix has none)",
        assertThrows(IllegalArgumentException.class, () -> noScopes.resolvePermission("a"))
            .getMessage());
  }

  @Test
  void customRoles_accountPermissionByScope_namesBoth() {
    CustomRoles custom = new CustomRoles(MATRIX);
    IllegalArgumentException byScope =
        assertThrows(
            IllegalArgumentException.class, () -> custom.define("X", VIEWER, "read:account"));
    assertEquals(
        "custom role X lists read:account (VIEW_ACCOUNT), an account permission; a workspace"
            + " role holds only workspace permissions",
        byScope.getMessage());
    IllegalArgumentException byName =
        assertThrows(
            IllegalArgumentException.class, () -> custom.define("X", VIEWER, VIEW_ACCOUNT));
    assertEquals(
        "custom role X lists VIEW_ACCOUNT, an account permission; a workspace role holds only"
            + " workspace permissions",
        byName.getMessage());
    Role twice = custom.define("TWICE", VIEWER, VIEW_SECRETS, "see_x", VIEW_SECRETS);
    assertEquals(List.of(permission(VIEW_SECRETS), permission(VIEW_X)), twice.extras());
  }

  @Test
  void listenerThrowingAVirtualMachineError_isLetThrough_stackOverflowIsNot() {
    Principal dev = user("d").workspaceRole("ws", DEVELOPER).build();
    Requirement view = Requirement.allOf(permission(VIEW_X));
    Decisions.setListener(
        d -> {
          throw new OutOfMemoryError("listener");
        });
    assertThrows(OutOfMemoryError.class, () -> view.check(() -> dev, "ws", "Op.call"));
    Decisions.setListener(
        d -> {
          throw new StackOverflowError("listener");
        });
    view.check(() -> dev, "ws", "Op.call");
    AccessDeniedException denied =
        assertThrows(
            AccessDeniedException.class,
            () -> Requirement.allOf(permission(VIEW_SECRETS)).check(() -> dev, "ws", "Op.call"));
    assertEquals(1, denied.getSuppressed().length);
    assertTrue(denied.getSuppressed()[0] instanceof StackOverflowError);
  }
}
