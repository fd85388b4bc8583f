package dev.rolegate.runtime;

import static dev.rolegate.runtime.TestMatrix.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PrincipalTest {
  private static final UUID WS_UUID = UUID.fromString("3f2504e0-4f89-11d3-9a0c-0305e82c3301");

  private static void assertMessageNames(Exception e, String... parts) {
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), () -> "missing " + part + " in: " + e.getMessage());
    }
  }

  @Test
  void user_built_isUserKindWithIdAndMatrix() {
    Principal alice = user("alice").build();
    assertEquals("alice", alice.id());
    assertEquals(PrincipalKind.USER, alice.kind());
    assertSame(MATRIX, alice.matrix());
  }

  @Test
  void serviceAccount_built_isServiceAccountKindWithDefaultAccountRole() {
    Principal bot = serviceAccount("ci-bot").workspaceRole("ws-prod", OWNER).build();
    assertEquals(PrincipalKind.SERVICE_ACCOUNT, bot.kind());
    assertSame(role(MEMBER), bot.accountRole(TestMatrix.ACCOUNT));
    assertSame(role(OWNER), bot.workspaceRole("ws-prod"));
  }

  @Test
  void accountRole_notSet_isMatrixDefault() {
    assertSame(role(MEMBER), user("alice").build().accountRole(TestMatrix.ACCOUNT));
  }

  @Test
  void accountRole_notSetAndMatrixHasNoDefault_isNull() {
    Matrix noDefault =
        builderWithPermissions("No default")
            .role(VIEWER, Level.WORKSPACE, new long[] {VIEWER_BITS}, "", "")
            .build();
    Principal alice =
        Principal.user("alice").directory(TestMatrix.SINGLE).matrix(noDefault).build();
    assertNull(alice.accountRole(TestMatrix.ACCOUNT));
  }

  @Test
  void accountRole_setByName_isResolved() {
    assertSame(
        role(ADMIN), user("root").accountRole(ADMIN).build().accountRole(TestMatrix.ACCOUNT));
  }

  @Test
  void workspaceRole_setByName_isResolvedPerWorkspace() {
    Principal alice =
        user("alice").workspaceRole("ws-prod", VIEWER).workspaceRole("ws-dev", DEVELOPER).build();
    assertSame(role(VIEWER), alice.workspaceRole("ws-prod"));
    assertSame(role(DEVELOPER), alice.workspaceRole("ws-dev"));
    assertNull(alice.workspaceRole("ws-other"));
  }

  @Test
  void workspaceRole_lookupIdIsCaseSensitive_returnsNullForOtherCase() {
    Principal alice = user("alice").workspaceRole("ws-prod", VIEWER).build();
    assertNull(alice.workspaceRole("WS-PROD"));
  }

  @Test
  void workspaceRole_nullOrBlankLookup_returnsNull() {
    Principal alice = user("alice").workspaceRole("ws-prod", OWNER).build();
    assertNull(alice.workspaceRole((String) null));
    assertNull(alice.workspaceRole(""));
    assertNull(alice.workspaceRole("   "));
    assertNull(alice.workspaceRole((UUID) null));
  }

  @Test
  void explicitWorkspaceRoles_keepOrderAndAreUnmodifiable() {
    Principal alice =
        user("alice").workspaceRole("ws-b", OWNER).workspaceRole("ws-a", VIEWER).build();
    Map<String, Role> roles = alice.explicitWorkspaceRoles();
    assertEquals(List.of("ws-b", "ws-a"), List.copyOf(roles.keySet()));
    assertSame(role(OWNER), roles.get("ws-b"));
    assertThrows(UnsupportedOperationException.class, () -> roles.put("ws-c", role(OWNER)));
  }

  @Test
  void build_unknownWorkspaceRole_throwsNamingRoleAndKnownRoles() {
    Principal.Builder builder = user("alice").workspaceRole("ws-prod", "ROOT");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
    assertMessageNames(e, "\"ROOT\"", "VIEWER, DEVELOPER, OWNER", NAME);
  }

  @Test
  void build_lowerCaseRoleName_throwsBecauseNamesAreCaseSensitive() {
    Principal.Builder builder = user("alice").workspaceRole("ws-prod", "owner");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
    assertMessageNames(e, "\"owner\"", "case-sensitive", "VIEWER, DEVELOPER, OWNER");
  }

  @Test
  void build_accountRoleUsedAsWorkspaceRole_throwsNamingLevels() {
    Principal.Builder builder = user("alice").workspaceRole("ws-prod", ADMIN);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
    assertMessageNames(
        e, "\"ADMIN\"", "an account role, not a workspace role", "VIEWER, DEVELOPER, OWNER");
  }

  @Test
  void build_workspaceRoleUsedAsAccountRole_throwsNamingKnownAccountRoles() {
    Principal.Builder builder = user("alice").accountRole(OWNER);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
    assertMessageNames(e, "\"OWNER\"", "workspace role, not a", "MEMBER, ADMIN");
  }

  @Test
  void build_unknownAccountRole_throws() {
    Principal.Builder builder = user("alice").accountRole("admin");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
    assertMessageNames(e, "\"admin\"", "MEMBER, ADMIN");
  }

  @Test
  void builder_nullId_isRejected() {
    assertThrows(
        NullPointerException.class, () -> Principal.user(null).directory(TestMatrix.SINGLE));
    assertThrows(
        NullPointerException.class,
        () -> Principal.serviceAccount(null).directory(TestMatrix.SINGLE));
  }

  @Test
  void builder_emptyOrBlankId_isRejected() {
    assertThrows(
        IllegalArgumentException.class, () -> Principal.user("").directory(TestMatrix.SINGLE));
    assertThrows(
        IllegalArgumentException.class, () -> Principal.user("  \t").directory(TestMatrix.SINGLE));
    assertThrows(
        IllegalArgumentException.class,
        () -> Principal.serviceAccount(" ").directory(TestMatrix.SINGLE));
  }

  @Test
  void builder_blankWorkspace_isRejected() {
    Principal.Builder builder = user("alice");
    assertThrows(IllegalArgumentException.class, () -> builder.workspaceRole("", VIEWER));
    assertThrows(IllegalArgumentException.class, () -> builder.workspaceRole("   ", VIEWER));
  }

  @Test
  void builder_nullArguments_areRejected() {
    Principal.Builder builder = user("alice");
    assertThrows(NullPointerException.class, () -> builder.workspaceRole((String) null, VIEWER));
    assertThrows(NullPointerException.class, () -> builder.workspaceRole((UUID) null, VIEWER));
    assertThrows(NullPointerException.class, () -> builder.workspaceRole("ws", (String) null));
    assertThrows(NullPointerException.class, () -> builder.accountRole(null));
    assertThrows(NullPointerException.class, () -> builder.matrix(null));
    assertThrows(NullPointerException.class, () -> builder.workspaceDefaults(null));
  }

  @Test
  void builder_duplicateWorkspace_isRejectedEvenWithSameRole() {
    Principal.Builder builder = user("alice").workspaceRole("ws-prod", VIEWER);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> builder.workspaceRole("ws-prod", OWNER));
    assertMessageNames(e, "ws-prod", "alice");
    assertThrows(IllegalArgumentException.class, () -> builder.workspaceRole("ws-prod", VIEWER));
    assertSame(role(VIEWER), builder.build().workspaceRole("ws-prod"));
  }

  @Test
  void builder_duplicateUuidWorkspaceGivenAsUuidAndString_isRejected() {
    Principal.Builder builder = user("alice").workspaceRole(WS_UUID, VIEWER);
    assertThrows(
        IllegalArgumentException.class, () -> builder.workspaceRole(WS_UUID.toString(), OWNER));
    assertThrows(IllegalArgumentException.class, () -> builder.workspaceRole(WS_UUID, OWNER));
  }

  @Test
  void builder_duplicateUuidWorkspaceInOtherLetterCase_isRejected() {
    Principal.Builder builder = user("alice").workspaceRole(WS_UUID, VIEWER);
    String upper = WS_UUID.toString().toUpperCase(java.util.Locale.ROOT);
    assertThrows(IllegalArgumentException.class, () -> builder.workspaceRole(upper, OWNER));
  }

  @Test
  void workspaceRole_givenAsUuid_isFoundByUuidAndByItsString() {
    Principal alice = user("alice").workspaceRole(WS_UUID, DEVELOPER).build();
    assertSame(role(DEVELOPER), alice.workspaceRole(WS_UUID));
    assertSame(role(DEVELOPER), alice.workspaceRole(WS_UUID.toString()));
    assertSame(role(DEVELOPER), alice.workspaceRole(UUID.fromString(WS_UUID.toString())));
    assertNull(alice.workspaceRole(UUID.randomUUID()));
  }

  @Test
  void workspaceRole_givenAsUuidString_isFoundByUuid() {
    Principal alice = user("alice").workspaceRole(WS_UUID.toString(), OWNER).build();
    assertSame(role(OWNER), alice.workspaceRole(WS_UUID));
  }

  @Test
  void workspaceRole_nonUuidString_isNotFoundByAnyUuid() {
    Principal alice = user("alice").workspaceRole("not-a-uuid", OWNER).build();
    assertNull(alice.workspaceRole(WS_UUID));
    assertSame(role(OWNER), alice.workspaceRole("not-a-uuid"));
  }

  @Test
  void toString_principal_namesKindAndIdButNoRoles() {
    Principal alice = user("alice").accountRole(ADMIN).workspaceRole("ws-prod", DEVELOPER).build();
    assertEquals("user alice", alice.toString());
    Principal bot = serviceAccount("ci-bot").workspaceRole("ws-prod", OWNER).build();
    assertEquals("service account ci-bot", bot.toString());
    for (String roleName : List.of(ADMIN, DEVELOPER, OWNER, MEMBER, "ws-prod")) {
      assertFalse(alice.toString().contains(roleName));
      assertFalse(bot.toString().contains(roleName));
    }
  }

  @Test
  void build_builderReusedAfterBuild_doesNotChangeBuiltPrincipal() {
    Principal.Builder builder = user("alice").workspaceRole("ws-a", VIEWER);
    Principal first = builder.build();
    builder.workspaceRole("ws-b", OWNER);
    assertNull(first.workspaceRole("ws-b"));
    assertSame(role(OWNER), builder.build().workspaceRole("ws-b"));
  }

  @Test
  void build_noMatrixGiven_usesSingleMatrixOnClassPath() {
    Principal alice =
        Principal.user("alice").directory(TestMatrix.SINGLE).workspaceRole("ws", VIEWER).build();
    assertSame(MATRIX, alice.matrix());
    assertSame(role(VIEWER), alice.workspaceRole("ws"));
  }

  @Test
  void build_otherMatrixGiven_resolvesRolesInThatMatrix() {
    Matrix other = TestMatrix.build("Other");
    Principal alice =
        Principal.user("alice")
            .directory(TestMatrix.SINGLE)
            .matrix(other)
            .workspaceRole("ws", VIEWER)
            .build();
    assertSame(other, alice.matrix());
    assertSame(other.workspaceRole(VIEWER).orElseThrow(), alice.workspaceRole("ws"));
    assertNotSame(role(VIEWER), alice.workspaceRole("ws"));
    assertSame(other.accountRole(MEMBER).orElseThrow(), alice.accountRole(TestMatrix.ACCOUNT));
  }

  @Test
  void workspaceRole_nullId_isNull_withUuidRolesAndDefaultsToo() {
    WorkspaceDefaults defaults = new WorkspaceDefaults(MATRIX);
    defaults.setDefaultRole("ws-b", VIEWER);
    Principal alice =
        user("alice").workspaceRole(WS_UUID, DEVELOPER).workspaceDefaults(defaults).build();
    assertNull(alice.workspaceRole((String) null));
    assertNull(alice.workspaceRole((UUID) null));
    assertSame(
        role(DEVELOPER),
        alice.workspaceRole(WS_UUID.toString().toUpperCase(java.util.Locale.ROOT)));
    assertSame(role(VIEWER), alice.workspaceRole("ws-b"));
  }
}
