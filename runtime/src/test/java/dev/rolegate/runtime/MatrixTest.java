package dev.rolegate.runtime;

import static dev.rolegate.runtime.TestMatrix.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class MatrixTest {

  private static List<String> names(List<?> items) {
    return items.stream().map(Object::toString).toList();
  }

  @Test
  void matrix_nameAndSource_areKept() {
    assertEquals(NAME, MATRIX.name());
    assertEquals(SOURCE, MATRIX.source());
    assertEquals(NAME + " (" + SOURCE + ")", MATRIX.toString());
  }

  @Test
  void permissions_inBuilderOrder_carryIndexLevelScopeAndDescription() {
    assertEquals(
        List.of(VIEW_X, EDIT_X, DELETE_X, VIEW_SECRETS, VIEW_ACCOUNT, EDIT_ACCOUNT),
        names(MATRIX.permissions()));
    Permission delete = permission(DELETE_X);
    assertEquals(2, delete.index());
    assertEquals(Level.WORKSPACE, delete.level());
    assertEquals("manage_x", delete.scope());
    assertEquals("Delete x", delete.description());
    assertSame(MATRIX, delete.matrix());
    assertEquals(DELETE_X, delete.toString());
    Permission editAccount = permission(EDIT_ACCOUNT);
    assertEquals(5, editAccount.index());
    assertEquals(Level.ACCOUNT, editAccount.level());
    assertEquals("", permission(VIEW_SECRETS).scope());
  }

  @Test
  void permissionAt_index_returnsSameInstanceAsLookup() {
    for (int i = 0; i < MATRIX.permissions().size(); i++) {
      Permission byIndex = MATRIX.permissionAt(i);
      assertEquals(i, byIndex.index());
      assertSame(byIndex, MATRIX.permission(byIndex.name()).orElseThrow());
    }
    assertThrows(IndexOutOfBoundsException.class, () -> MATRIX.permissionAt(6));
  }

  @Test
  void permission_lookupByName_isCaseSensitive() {
    assertTrue(MATRIX.permission(VIEW_X).isPresent());
    assertTrue(MATRIX.permission("view_x").isEmpty());
    assertTrue(MATRIX.permission("View_X").isEmpty());
    assertTrue(MATRIX.permission("VIEW_Y").isEmpty());
    assertTrue(MATRIX.permission("").isEmpty());
  }

  @Test
  void roleLookup_byName_isCaseSensitiveAndPerLevel() {
    assertEquals(Level.WORKSPACE, MATRIX.workspaceRole(OWNER).orElseThrow().level());
    assertEquals(Level.ACCOUNT, MATRIX.accountRole(ADMIN).orElseThrow().level());
    assertTrue(MATRIX.workspaceRole(ADMIN).isEmpty());
    assertTrue(MATRIX.accountRole(OWNER).isEmpty());
    assertTrue(MATRIX.workspaceRole("owner").isEmpty());
    assertTrue(MATRIX.workspaceRole("Owner").isEmpty());
    assertTrue(MATRIX.accountRole("admin").isEmpty());
    assertTrue(MATRIX.workspaceRole("SUPERUSER").isEmpty());
  }

  @Test
  void roleLookup_sameNameAtBothLevels_resolvesEachLevelSeparately() {
    Matrix matrix =
        builderWithPermissions("Prefect-like")
            .role(OWNER, Level.WORKSPACE, new long[] {OWNER_BITS}, "", "workspace owner")
            .role(MEMBER, Level.ACCOUNT, new long[] {MEMBER_BITS}, "", "")
            .role(OWNER, Level.ACCOUNT, new long[] {ADMIN_BITS}, OWNER, "account owner")
            .defaultAccountRole(MEMBER)
            .build();
    Role workspaceOwner = matrix.workspaceRole(OWNER).orElseThrow();
    Role accountOwner = matrix.accountRole(OWNER).orElseThrow();
    assertNotSame(workspaceOwner, accountOwner);
    assertEquals(Level.WORKSPACE, workspaceOwner.level());
    assertEquals("account owner", accountOwner.description());
    assertSame(workspaceOwner, accountOwner.everywhere());
    assertSame(workspaceOwner, matrix.role(OWNER, Level.WORKSPACE));
    assertSame(accountOwner, matrix.role(OWNER, Level.ACCOUNT));
    Principal owner =
        Principal.user("o")
            .directory(TestMatrix.SINGLE)
            .matrix(matrix)
            .accountRole(OWNER)
            .workspaceRole("ws", OWNER)
            .build();
    assertSame(accountOwner, owner.accountRole(TestMatrix.ACCOUNT));
    assertSame(workspaceOwner, owner.workspaceRole("ws"));
  }

  @Test
  void roleWithLevel_matchingLevel_returnsRole() {
    assertSame(role(DEVELOPER), MATRIX.role(DEVELOPER, Level.WORKSPACE));
    assertSame(role(MEMBER), MATRIX.role(MEMBER, Level.ACCOUNT));
  }

  @Test
  void roleWithLevel_wrongLevel_throwsNamingRoleAndKnownRoles() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> MATRIX.role(ADMIN, Level.WORKSPACE));
    assertTrue(e.getMessage().contains("\"ADMIN\""), e.getMessage());
    assertTrue(e.getMessage().contains("account role"), e.getMessage());
    assertTrue(e.getMessage().contains("VIEWER, DEVELOPER, OWNER"), e.getMessage());
    assertTrue(e.getMessage().contains(NAME), e.getMessage());
  }

  @Test
  void roleWithLevel_unknownName_throws() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> MATRIX.role("GUEST", Level.ACCOUNT));
    assertTrue(e.getMessage().contains("\"GUEST\""), e.getMessage());
    assertTrue(e.getMessage().contains("MEMBER, ADMIN"), e.getMessage());
  }

  @Test
  void roles_byLevel_returnsOnlyThatLevelInOrder() {
    assertEquals(List.of(VIEWER, DEVELOPER, OWNER), names(MATRIX.roles(Level.WORKSPACE)));
    assertEquals(List.of(MEMBER, ADMIN), names(MATRIX.roles(Level.ACCOUNT)));
    assertEquals(List.of(VIEWER, DEVELOPER, OWNER, MEMBER, ADMIN), names(MATRIX.roles()));
  }

  @Test
  void lists_returnedByMatrix_areUnmodifiable() {
    assertThrows(UnsupportedOperationException.class, () -> MATRIX.permissions().clear());
    assertThrows(UnsupportedOperationException.class, () -> MATRIX.roles().clear());
    assertThrows(UnsupportedOperationException.class, () -> MATRIX.roles(Level.WORKSPACE).clear());
    assertThrows(UnsupportedOperationException.class, () -> role(OWNER).permissions().clear());
  }

  @Test
  void defaultAccountRole_whenSet_isThatAccountRole() {
    assertSame(role(MEMBER), MATRIX.defaultAccountRole());
  }

  @Test
  void defaultAccountRole_whenNotSet_isNull() {
    Matrix matrix =
        builderWithPermissions("No default")
            .role(MEMBER, Level.ACCOUNT, new long[] {MEMBER_BITS}, "", "")
            .build();
    assertNull(matrix.defaultAccountRole());
  }

  @Test
  void build_defaultAccountRoleIsWorkspaceRole_throws() {
    Matrix.Builder builder =
        builderWithPermissions("Bad default")
            .role(VIEWER, Level.WORKSPACE, new long[] {VIEWER_BITS}, "", "")
            .role(MEMBER, Level.ACCOUNT, new long[] {MEMBER_BITS}, "", "")
            .defaultAccountRole(VIEWER);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
    assertTrue(e.getMessage().contains("VIEWER"), e.getMessage());
  }

  @Test
  void build_defaultAccountRoleUnknown_throws() {
    Matrix.Builder builder =
        builderWithPermissions("Unknown default")
            .role(MEMBER, Level.ACCOUNT, new long[] {MEMBER_BITS}, "", "")
            .defaultAccountRole("member");
    assertThrows(IllegalArgumentException.class, builder::build);
  }

  @Test
  void build_workspaceRoleHoldingAccountPermission_throws() {
    Matrix.Builder builder =
        builderWithPermissions("Mixed")
            .role("SNEAKY", Level.WORKSPACE, new long[] {VIEWER_BITS | 1L << 5}, "", "");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
    assertTrue(e.getMessage().contains("SNEAKY"), e.getMessage());
    assertTrue(e.getMessage().contains("bit 5"), e.getMessage());
  }

  @Test
  void build_accountRoleHoldingWorkspacePermission_throws() {
    Matrix.Builder builder =
        builderWithPermissions("Mixed")
            .role("SNEAKY", Level.ACCOUNT, new long[] {MEMBER_BITS | 1L << 2}, "", "");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
    assertTrue(e.getMessage().contains("bit 2"), e.getMessage());
  }

  @Test
  void build_bitPastLastPermission_throws() {
    Matrix.Builder builder =
        builderWithPermissions("Out of range")
            .role("BIG", Level.WORKSPACE, new long[] {VIEWER_BITS | 1L << 6}, "", "");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
    assertTrue(e.getMessage().contains("bit 6"), e.getMessage());
  }

  @Test
  void build_bitInSecondWord_throws() {
    Matrix.Builder builder =
        builderWithPermissions("Out of range")
            .role("BIG", Level.WORKSPACE, new long[] {VIEWER_BITS, 1L}, "", "");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
    assertTrue(e.getMessage().contains("bit 64"), e.getMessage());
  }

  @Test
  void build_highestBitOfFirstWord_throws() {
    Matrix.Builder builder =
        builderWithPermissions("Out of range")
            .role("BIG", Level.WORKSPACE, new long[] {Long.MIN_VALUE}, "", "");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
    assertTrue(e.getMessage().contains("bit 63"), e.getMessage());
  }

  @Test
  void build_emptyAndZeroPaddedBitsets_areAccepted() {
    Matrix matrix =
        builderWithPermissions("Padded")
            .role("NOTHING", Level.WORKSPACE, new long[0], "", "")
            .role("PADDED", Level.WORKSPACE, new long[] {VIEWER_BITS, 0L, 0L}, "", "")
            .build();
    assertEquals(List.of(), matrix.workspaceRole("NOTHING").orElseThrow().permissions());
    assertEquals(
        List.of(VIEW_X), names(matrix.workspaceRole("PADDED").orElseThrow().permissions()));
  }

  @Test
  void build_everywhereNamesUnknownRole_throws() {
    Matrix.Builder builder =
        builderWithPermissions("Bad everywhere")
            .role(OWNER, Level.WORKSPACE, new long[] {OWNER_BITS}, "", "")
            .role(ADMIN, Level.ACCOUNT, new long[] {ADMIN_BITS}, "owner", "");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
    assertTrue(e.getMessage().contains("\"owner\""), e.getMessage());
  }

  @Test
  void build_everywhereNamesAccountRole_throws() {
    Matrix.Builder builder =
        builderWithPermissions("Bad everywhere")
            .role(MEMBER, Level.ACCOUNT, new long[] {MEMBER_BITS}, "", "")
            .role(ADMIN, Level.ACCOUNT, new long[] {ADMIN_BITS}, MEMBER, "");
    assertThrows(IllegalArgumentException.class, builder::build);
  }

  @Test
  void builderRole_bitsArrayChangedAfterwards_roleUnaffected() {
    long[] bits = {VIEWER_BITS};
    Matrix.Builder builder =
        builderWithPermissions("Copy").role(VIEWER, Level.WORKSPACE, bits, "", "");
    bits[0] = OWNER_BITS;
    Matrix matrix = builder.build();
    assertEquals(List.of(VIEW_X), names(matrix.workspaceRole(VIEWER).orElseThrow().permissions()));
  }

  @Test
  void roleHolds_closedBitset_answersPerPermission() {
    Role viewer = role(VIEWER);
    assertTrue(viewer.holds(permission(VIEW_X)));
    assertFalse(viewer.holds(permission(EDIT_X)));
    assertFalse(viewer.holds(permission(VIEW_ACCOUNT)));
    Role developer = role(DEVELOPER);
    assertTrue(developer.holds(permission(DELETE_X)));
    assertFalse(developer.holds(permission(VIEW_SECRETS)));
    assertTrue(role(OWNER).holds(permission(VIEW_SECRETS)));
    assertTrue(role(ADMIN).holds(permission(EDIT_ACCOUNT)));
    assertFalse(role(MEMBER).holds(permission(EDIT_ACCOUNT)));
  }

  @Test
  void roleHolds_permissionOfAnotherMatrix_isFalse() {
    Matrix other = TestMatrix.build("Other");
    Permission foreignView = other.permission(VIEW_X).orElseThrow();
    assertFalse(role(OWNER).holds(foreignView));
    assertTrue(other.workspaceRole(OWNER).orElseThrow().holds(foreignView));
  }

  @Test
  void rolePermissions_listClosedSetInMatrixOrder() {
    assertEquals(List.of(VIEW_X), names(role(VIEWER).permissions()));
    assertEquals(List.of(VIEW_X, EDIT_X, DELETE_X), names(role(DEVELOPER).permissions()));
    assertEquals(List.of(VIEW_X, EDIT_X, DELETE_X, VIEW_SECRETS), names(role(OWNER).permissions()));
    assertEquals(List.of(VIEW_ACCOUNT), names(role(MEMBER).permissions()));
    assertEquals(List.of(VIEW_ACCOUNT, EDIT_ACCOUNT), names(role(ADMIN).permissions()));
  }

  @Test
  void roleEverywhere_accountAdmin_isWorkspaceOwnerOfSameMatrix() {
    assertSame(role(OWNER), role(ADMIN).everywhere());
    assertNull(role(MEMBER).everywhere());
    assertNull(role(OWNER).everywhere());
    assertNull(role(VIEWER).everywhere());
  }

  @Test
  void roleAccessors_returnBuilderValues() {
    Role admin = role(ADMIN);
    assertSame(MATRIX, admin.matrix());
    assertEquals(ADMIN, admin.name());
    assertEquals(ADMIN, admin.toString());
    assertEquals(Level.ACCOUNT, admin.level());
    assertEquals("runs the account", admin.description());
  }

  @Test
  void load_singleTableOnClassPath_returnsItsMatrix() {
    assertSame(MATRIX, Matrix.load());
    assertSame(MATRIX, Matrix.load());
  }

  @Test
  void words_levelAndKind_areLowerCase() {
    assertEquals("workspace", Level.WORKSPACE.word());
    assertEquals("account", Level.ACCOUNT.word());
    assertEquals("user", PrincipalKind.USER.word());
    assertEquals("service account", PrincipalKind.SERVICE_ACCOUNT.word());
  }

  @Test
  void packageName_andLocation_ofAMatrixInAPackage_andInNone() {
    Matrix packaged = TestMatrix.build("Acme", "com.acme", "acme.md");
    assertEquals("com.acme", packaged.packageName());
    assertEquals("com/acme/acme.md", packaged.location());
    assertEquals("", MATRIX.packageName());
    assertEquals(SOURCE, MATRIX.location());
  }
}
