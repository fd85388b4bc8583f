package dev.rolegate.runtime;

import static dev.rolegate.runtime.TestMatrix.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.rolegate.runtime.internal.Requirement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Custom workspace roles: definition, validation, and use wherever a built-in role is used. */
class CustomRolesTest {
  private static final String OP = "ThingService.op";
  private CustomRoles roles;

  @BeforeEach
  void setUp() {
    roles = new CustomRoles(MATRIX);
  }

  private static List<String> names(Role role) {
    List<String> names = new ArrayList<>();
    role.permissions().forEach(permission -> names.add(permission.name()));
    return names;
  }

  private static boolean allowed(Requirement requirement, Principal principal, String workspace) {
    try {
      requirement.check(() -> principal, workspace, OP);
      return true;
    } catch (AccessDeniedException denied) {
      return false;
    }
  }

  private static IllegalArgumentException rejected(Runnable definition, String... named) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, definition::run);
    for (String part : named) {
      assertTrue(
          e.getMessage().contains(part), () -> "missing [" + part + "] in: " + e.getMessage());
    }
    return e;
  }

  private static void assertHoldsEveryPermissionOf(Role base, Role role) {
    for (Permission permission : base.permissions()) {
      assertTrue(
          role.holds(permission), () -> role.describe() + " lacks base permission " + permission);
    }
  }

  // --- based roles ---

  @Test
  void define_based_holdsBasePlusExtras() {
    Role auditor = roles.define("AUDITOR", VIEWER, VIEW_SECRETS);
    assertEquals(List.of(VIEW_X, VIEW_SECRETS), names(auditor));
    assertTrue(auditor.isCustom());
    assertSame(role(VIEWER), auditor.base());
    assertEquals(List.of(permission(VIEW_SECRETS)), auditor.extras());
    assertEquals(Level.WORKSPACE, auditor.level());
    assertSame(MATRIX, auditor.matrix());
    assertNull(auditor.everywhere());
    assertEquals("AUDITOR", auditor.name());
    assertEquals("AUDITOR", auditor.toString());
  }

  @Test
  void define_based_extraBringsWhatItIncludes() {
    Role deleter = roles.define("DELETER", VIEWER, DELETE_X);
    Permission delete = permission(DELETE_X);
    for (Permission permission : MATRIX.permissions()) {
      boolean expected = delete.implies(permission) || role(VIEWER).holds(permission);
      assertEquals(expected, deleter.holds(permission), permission.name());
    }
    assertEquals(List.of(VIEW_X, EDIT_X, DELETE_X), names(deleter));
  }

  @Test
  void define_basedWithoutExtras_holdsExactlyTheBase() {
    Role plain = roles.define("PLAIN_DEV", DEVELOPER);
    assertEquals(names(role(DEVELOPER)), names(plain));
    assertEquals(List.of(), plain.extras());
  }

  @Test
  void define_basedOnOwner_extrasAlreadyHeld_changeNothing() {
    Role owner2 = roles.define("OWNER2", OWNER, List.of(VIEW_X, "manage_x"));
    assertEquals(names(role(OWNER)), names(owner2));
  }

  @Test
  void define_extraTryingToDropABasePermission_isRejectedNamingIt() {
    for (String drop : List.of("-VIEW_X", "!VIEW_X", "~EDIT_X")) {
      rejected(() -> roles.define("REDUCED", DEVELOPER, VIEW_SECRETS, drop), drop, "REDUCED");
    }
    assertTrue(roles.find("REDUCED").isEmpty(), "a rejected definition was kept");
    assertTrue(roles.all().isEmpty());
    Role reduced = roles.define("REDUCED", DEVELOPER, VIEW_SECRETS);
    assertHoldsEveryPermissionOf(role(DEVELOPER), reduced);
  }

  @Test
  void define_everyBasedRole_holdsEveryBasePermission() {
    for (Role base : MATRIX.roles(Level.WORKSPACE)) {
      Role custom = roles.define("X_" + base.name(), base.name(), VIEW_SECRETS);
      assertHoldsEveryPermissionOf(base, custom);
      assertTrue(custom.holds(permission(VIEW_SECRETS)));
    }
  }

  @Test
  void define_scopeStrings_areAccepted() {
    Role editor = roles.define("EDITOR", VIEWER, "write_x");
    assertEquals(List.of(VIEW_X, EDIT_X), names(editor));
    assertEquals(List.of(permission(EDIT_X)), editor.extras());
    Role manager = roles.defineStandalone("MANAGER", List.of("manage_x"));
    assertEquals(List.of(VIEW_X, EDIT_X, DELETE_X), names(manager));
  }

  @Test
  void define_sameExtraByNameAndScope_isListedOnce() {
    Role editor = roles.define("EDITOR", VIEWER, EDIT_X, "write_x");
    assertEquals(List.of(permission(EDIT_X)), editor.extras());
    assertEquals("EDITOR (VIEWER + EDIT_X)", editor.describe());
  }

  // --- standalone roles ---

  @Test
  void defineStandalone_holdsExactlyItsListsClosure() {
    Role secrets = roles.defineStandalone("SECRETS_ONLY", List.of(VIEW_SECRETS));
    assertEquals(List.of(VIEW_SECRETS), names(secrets));
    assertFalse(secrets.holds(permission(VIEW_X)), "a standalone role has no base");
    assertNull(secrets.base());
    assertTrue(secrets.isCustom());

    Role editor = roles.defineStandalone("EDIT_ONLY", List.of(EDIT_X));
    assertEquals(List.of(VIEW_X, EDIT_X), names(editor), "EDIT_X includes VIEW_X");
  }

  @Test
  void defineStandalone_emptyList_isRejectedNamingTheRole() {
    rejected(() -> roles.defineStandalone("NOTHING", List.of()), "NOTHING");
    assertTrue(roles.find("NOTHING").isEmpty());
  }

  // --- validation ---

  @Test
  void define_unknownPermission_isRejectedNamingIt() {
    rejected(() -> roles.define("R1", VIEWER, "DEPLOY_X"), "DEPLOY_X", "R1");
    rejected(() -> roles.define("R2", VIEWER, "view_x"), "view_x");
    rejected(
        () -> roles.defineStandalone("R3", List.of(VIEW_X, "see_everything")), "see_everything");
    assertTrue(roles.all().isEmpty());
  }

  @Test
  void define_unknownBase_isRejectedNamingIt() {
    rejected(() -> roles.define("R1", "AUDITOR_BASE", VIEW_X), "AUDITOR_BASE");
    rejected(() -> roles.define("R2", "viewer"), "\"viewer\"");
  }

  @Test
  void define_accountRoleAsBase_isRejectedNamingIt() {
    rejected(() -> roles.define("R1", ADMIN), "ADMIN", "account role");
  }

  @Test
  void define_customRoleAsBase_isRejected() {
    roles.define("AUDITOR", VIEWER, VIEW_SECRETS);
    rejected(() -> roles.define("AUDITOR2", "AUDITOR", EDIT_X), "AUDITOR");
  }

  @Test
  void define_accountPermission_isRejectedNamingIt() {
    rejected(() -> roles.define("R1", VIEWER, VIEW_ACCOUNT), VIEW_ACCOUNT, "R1", "account");
    rejected(() -> roles.defineStandalone("R2", List.of(EDIT_ACCOUNT)), EDIT_ACCOUNT, "R2");
    rejected(() -> roles.define("R3", VIEWER, "read:account"), "read:account (VIEW_ACCOUNT)", "R3");
    assertTrue(roles.all().isEmpty());
  }

  @Test
  void define_nameOfBuiltInRole_isRejectedNamingIt() {
    for (Role builtIn : MATRIX.roles(Level.WORKSPACE)) {
      rejected(() -> roles.define(builtIn.name(), VIEWER, VIEW_SECRETS), builtIn.name());
      rejected(() -> roles.defineStandalone(builtIn.name(), List.of(VIEW_X)), builtIn.name());
    }
    assertTrue(roles.all().isEmpty());
    assertSame(role(OWNER), roles.workspaceRole(OWNER), "the built-in role is still the one found");
  }

  @Test
  void define_duplicateName_isRejectedNamingItAndKeepsTheFirst() {
    Role first = roles.define("AUDITOR", VIEWER, VIEW_SECRETS);
    rejected(() -> roles.define("AUDITOR", DEVELOPER), "AUDITOR");
    rejected(() -> roles.defineStandalone("AUDITOR", List.of(VIEW_X)), "AUDITOR");
    assertSame(first, roles.find("AUDITOR").orElseThrow());
    assertEquals(List.of(first), roles.all());
  }

  @Test
  void define_blankOrNullName_isRejected() {
    assertThrows(IllegalArgumentException.class, () -> roles.define(" ", VIEWER));
    assertThrows(NullPointerException.class, () -> roles.define(null, VIEWER));
    assertTrue(roles.all().isEmpty());
  }

  @Test
  void workspaceRole_findsBuiltInAndCustom_andNamesKnownRolesOtherwise() {
    Role auditor = roles.define("AUDITOR", VIEWER, VIEW_SECRETS);
    assertSame(role(DEVELOPER), roles.workspaceRole(DEVELOPER));
    assertSame(auditor, roles.workspaceRole("AUDITOR"));
    rejected(() -> roles.workspaceRole("auditor"), "\"auditor\"", "AUDITOR", "VIEWER", "OWNER");
  }

  // --- follows the base ---

  @Test
  void define_sameDefinitionInTwoMatrices_followsEachMatrixsBase() {
    Matrix other =
        builderWithPermissions("Other Matrix")
            .role(VIEWER, Level.WORKSPACE, new long[] {0b1001L}, "", "sees things and secrets")
            .role(MEMBER, Level.ACCOUNT, new long[] {MEMBER_BITS}, "", "member")
            .defaultAccountRole(MEMBER)
            .build();
    Role here = roles.define("PLUS_EDIT", VIEWER, EDIT_X);
    Role there = new CustomRoles(other).define("PLUS_EDIT", VIEWER, EDIT_X);
    assertEquals(List.of(VIEW_X, EDIT_X), names(here));
    assertEquals(List.of(VIEW_X, EDIT_X, VIEW_SECRETS), names(there));
    assertSame(other, there.matrix());
    assertHoldsEveryPermissionOf(other.workspaceRole(VIEWER).orElseThrow(), there);
  }

  @Test
  void define_matrixWiderThan64Permissions_keepsExtrasBeyondTheBasesBitset() {
    Matrix.Builder builder = Matrix.builder("Wide", "wide.md");
    for (int i = 0; i < 70; i++) {
      long[] implies = new long[2];
      implies[i >>> 6] |= 1L << i;
      builder.permission("P" + i, Level.WORKSPACE, "p" + i, "permission " + i, implies);
    }
    // A hand-built role's bitset may be shorter than the matrix: P0 only.
    Matrix wide = builder.role("BASE", Level.WORKSPACE, new long[] {1L}, "", "base").build();
    CustomRoles wideRoles = new CustomRoles(wide);
    Role based = wideRoles.define("WIDE", "BASE", "P65");
    Role standalone = wideRoles.defineStandalone("ALONE", List.of("p66"));
    assertTrue(based.holds(wide.permission("P0").orElseThrow()));
    assertTrue(
        based.holds(wide.permission("P65").orElseThrow()), "extra beyond 64 permissions lost");
    assertTrue(standalone.holds(wide.permission("P66").orElseThrow()));
    assertFalse(standalone.holds(wide.permission("P65").orElseThrow()));
  }

  // --- usable like a built-in role ---

  @Test
  void principal_customRoleByName_withCustomRoles() {
    Role auditor = roles.define("AUDITOR", VIEWER, VIEW_SECRETS);
    Principal carl =
        Principal.user("carl")
            .directory(TestMatrix.SINGLE)
            .customRoles(roles)
            .workspaceRole("ws", "AUDITOR")
            .workspaceRole("ws-2", DEVELOPER)
            .build();
    assertSame(MATRIX, carl.matrix(), "the matrix comes from the custom roles");
    assertSame(auditor, carl.workspaceRole("ws"));
    assertSame(role(DEVELOPER), carl.workspaceRole("ws-2"));
    assertEquals(auditor, carl.explicitWorkspaceRoles().get("ws"));
  }

  @Test
  void principal_customRoleByNameWithoutCustomRoles_isRejected() {
    roles.define("AUDITOR", VIEWER, VIEW_SECRETS);
    rejected(() -> user("carl").workspaceRole("ws", "AUDITOR").build(), "AUDITOR");
  }

  @Test
  void principal_customRoleByRole() {
    Role auditor = roles.define("AUDITOR", VIEWER, VIEW_SECRETS);
    Principal carl = user("carl").workspaceRole("ws", auditor).build();
    assertSame(auditor, carl.workspaceRole("ws"));
  }

  @Test
  void principal_customRoleOfAnotherMatrix_isRejected() {
    Matrix other = TestMatrix.build("Other Matrix");
    Role foreign = new CustomRoles(other).define("AUDITOR", VIEWER, VIEW_SECRETS);
    rejected(() -> user("carl").workspaceRole("ws", foreign).build(), "AUDITOR", NAME);
    // Custom roles of another matrix do not resolve names for this one, and the error says why.
    CustomRoles foreignRoles = new CustomRoles(other);
    foreignRoles.define("AUDITOR", VIEWER, VIEW_SECRETS);
    rejected(
        () -> user("carl").customRoles(foreignRoles).workspaceRole("ws", "AUDITOR").build(),
        "custom roles given belong to matrix Other Matrix",
        NAME);
  }

  @Test
  void workspaceDefaults_customRoleAsDefault() {
    Role auditor = roles.define("AUDITOR", VIEWER, VIEW_SECRETS);
    WorkspaceDefaults defaults = new WorkspaceDefaults(MATRIX);
    defaults.setDefaultRole("ws", auditor);
    assertSame(auditor, defaults.defaultRoleOf("ws").orElseThrow());
    Principal dan =
        Principal.user("dan").directory(TestMatrix.SINGLE).workspaceDefaults(defaults).build();
    assertSame(auditor, dan.workspaceRole("ws"));
    assertTrue(allowed(Requirement.allOf(permission(VIEW_SECRETS)), dan, "ws"));
    assertFalse(allowed(Requirement.allOf(permission(EDIT_X)), dan, "ws"));
    assertFalse(allowed(Requirement.allOf(permission(VIEW_SECRETS)), dan, "ws-other"));
  }

  @Test
  void workspaceDefaults_customRoleOfAnotherMatrix_isRejected() {
    Role foreign = new CustomRoles(TestMatrix.build("Other Matrix")).define("AUDITOR", VIEWER);
    WorkspaceDefaults defaults = new WorkspaceDefaults(MATRIX);
    rejected(() -> defaults.setDefaultRole("ws", foreign), "AUDITOR");
    assertTrue(defaults.defaultRoleOf("ws").isEmpty());
  }

  @Test
  void requirement_customRole_allowsAndDeniesExactlyByItsPermissions() {
    Role auditor = roles.define("AUDITOR", VIEWER, VIEW_SECRETS);
    Principal carl = user("carl").workspaceRole("ws", auditor).build();
    assertTrue(allowed(Requirement.allOf(permission(VIEW_SECRETS)), carl, "ws"));
    assertTrue(allowed(Requirement.allOf(permission(VIEW_X)), carl, "ws"));
    assertTrue(
        allowed(Requirement.allOf(permission(VIEW_X), permission(VIEW_SECRETS)), carl, "ws"));
    assertTrue(
        allowed(Requirement.anyOf(permission(DELETE_X), permission(VIEW_SECRETS)), carl, "ws"));
    assertFalse(allowed(Requirement.allOf(permission(EDIT_X)), carl, "ws"));
    assertFalse(allowed(Requirement.allOf(permission(VIEW_X), permission(EDIT_X)), carl, "ws"));
    assertFalse(allowed(Requirement.allOf(permission(VIEW_SECRETS)), carl, "ws-other"));
    AccessDeniedException denial =
        assertThrows(
            AccessDeniedException.class,
            () -> Requirement.allOf(permission(EDIT_X)).check(() -> carl, "ws", OP));
    assertTrue(
        denial.getMessage().contains("carl holds AUDITOR (VIEWER + VIEW_SECRETS) there"),
        denial.getMessage());
  }

  @Test
  void requirement_customCopyOfABuiltInRole_decidesExactlyLikeIt() {
    Role devCopy = roles.define("DEV_COPY", VIEWER, DELETE_X);
    Role standaloneDev = roles.defineStandalone("DEV_ALONE", List.of("manage_x"));
    Principal builtIn = user("b").workspaceRole("ws", DEVELOPER).build();
    Principal based = user("c").workspaceRole("ws", devCopy).build();
    Principal alone = user("s").workspaceRole("ws", standaloneDev).build();
    List<Permission> workspacePermissions = new ArrayList<>();
    MATRIX.permissions().stream()
        .filter(p -> p.level() == Level.WORKSPACE)
        .forEach(workspacePermissions::add);
    for (Permission first : workspacePermissions) {
      for (Permission second : workspacePermissions) {
        for (Requirement requirement :
            List.of(
                Requirement.allOf(first),
                Requirement.allOf(first, second),
                Requirement.anyOf(first, second))) {
          boolean expected = allowed(requirement, builtIn, "ws");
          assertEquals(expected, allowed(requirement, based, "ws"), requirement.describe());
          assertEquals(expected, allowed(requirement, alone, "ws"), requirement.describe());
        }
      }
    }
  }

  @Test
  void requirement_principalOfAnotherMatrixWithCustomRole_isDenied() {
    Matrix other = TestMatrix.build("Other Matrix");
    Role foreign = new CustomRoles(other).define("ALL", OWNER);
    Principal stranger =
        Principal.user("eve")
            .directory(TestMatrix.SINGLE)
            .matrix(other)
            .workspaceRole("ws", foreign)
            .build();
    assertFalse(allowed(Requirement.allOf(permission(VIEW_X)), stranger, "ws"));
    assertFalse(
        foreign.holds(permission(VIEW_X)), "a role never holds another matrix's permission");
  }

  // --- describe ---

  @Test
  void describe_builtInCustomBasedAndStandalone() {
    assertEquals("VIEWER", role(VIEWER).describe());
    assertFalse(role(VIEWER).isCustom());
    assertEquals(
        "AUDITOR (VIEWER + VIEW_SECRETS)",
        roles.define("AUDITOR", VIEWER, VIEW_SECRETS).describe());
    assertEquals(
        "TWO (VIEWER + EDIT_X, VIEW_SECRETS)",
        roles.define("TWO", VIEWER, "write_x", VIEW_SECRETS).describe());
    assertEquals("PLAIN (DEVELOPER)", roles.define("PLAIN", DEVELOPER).describe());
    assertEquals(
        "READER (custom: VIEW_X, VIEW_SECRETS)",
        roles.defineStandalone("READER", List.of("see_x", VIEW_SECRETS)).describe());
  }

  @Test
  void description_saysHowTheRoleIsMade() {
    assertEquals("custom role based on VIEWER", roles.define("AUDITOR", VIEWER).description());
    assertEquals(
        "standalone custom role", roles.defineStandalone("READER", List.of(VIEW_X)).description());
  }

  @Test
  void define_nameTaken_saysSo_andUnderWhichSpelling() {
    roles.defineStandalone("Auditor", List.of(VIEW_X));
    IllegalArgumentException same =
        assertThrows(
            IllegalArgumentException.class,
            () -> roles.defineStandalone("Auditor", List.of(VIEW_X)));
    assertEquals("custom role Auditor is already defined", same.getMessage());
    IllegalArgumentException other =
        assertThrows(IllegalArgumentException.class, () -> roles.define("AUDITOR", VIEWER));
    assertEquals(
        "custom role AUDITOR is already defined as Auditor (role names are told apart"
            + " ignoring case)",
        other.getMessage());
  }

  @Test
  void define_takenName_isRefusedBeforeItsBaseAndPermissionsAreRead() {
    roles.defineStandalone("Auditor", List.of(VIEW_X));
    String taken =
        "custom role auditor is already defined as Auditor (role names are told apart"
            + " ignoring case)";
    assertEquals(
        taken,
        assertThrows(
                IllegalArgumentException.class,
                () -> roles.define("auditor", "NO_SUCH_BASE", "NO_SUCH_PERMISSION"))
            .getMessage());
    assertEquals(
        taken,
        assertThrows(
                IllegalArgumentException.class, () -> roles.defineStandalone("auditor", List.of()))
            .getMessage());
  }

  @Test
  void define_sameNameOnSeveralThreadsAtOnce_exactlyOneDefinitionWins() throws Exception {
    int threads = 4;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int round = 0; round < 200; round++) {
        CustomRoles shared = new CustomRoles(MATRIX);
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Future<Role>> attempts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          attempts.add(
              pool.submit(
                  () -> {
                    start.await();
                    // A long list keeps each definition busy between its name check and its entry.
                    return shared.defineStandalone("RACER", Collections.nCopies(2_000, "manage_x"));
                  }));
        }
        List<Role> defined = new ArrayList<>();
        for (Future<Role> attempt : attempts) {
          try {
            defined.add(attempt.get(10, TimeUnit.SECONDS));
          } catch (ExecutionException refused) {
            assertEquals("custom role RACER is already defined", refused.getCause().getMessage());
          }
        }
        assertEquals(1, defined.size(), "round " + round);
        assertEquals(defined, shared.all());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
