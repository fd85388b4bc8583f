package dev.rolegate.runtime.internal;

import static dev.rolegate.runtime.TestMatrix.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.rolegate.runtime.AccessDeniedException;
import dev.rolegate.runtime.CurrentPrincipal;
import dev.rolegate.runtime.Level;
import dev.rolegate.runtime.Matrix;
import dev.rolegate.runtime.Permission;
import dev.rolegate.runtime.Principal;
import dev.rolegate.runtime.PrincipalScope;
import dev.rolegate.runtime.PrincipalSource;
import dev.rolegate.runtime.TestMatrix;
import dev.rolegate.runtime.UnauthenticatedException;
import dev.rolegate.runtime.WorkspaceDefaults;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which calls a requirement allows; the denial messages are in {@link RequirementDenialTest}. */
class RequirementTest {
  static final String OP = "ThingService.delete";
  static final UUID WS_UUID = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");

  static final Principal VIEWER_IN_PROD = user("vic").workspaceRole("ws-prod", VIEWER).build();
  static final Principal DEV_IN_PROD = user("dev").workspaceRole("ws-prod", DEVELOPER).build();
  static final Principal OWNER_IN_PROD = user("olga").workspaceRole("ws-prod", OWNER).build();
  static final Principal ADMIN_NO_WS = user("ada").accountRole(ADMIN).build();

  static PrincipalSource fixed(Principal principal) {
    return () -> principal;
  }

  static PrincipalSource fixed(Principal principal, String workspace) {
    return new PrincipalSource() {
      @Override
      public Principal current() {
        return principal;
      }

      @Override
      public String currentWorkspace() {
        return workspace;
      }
    };
  }

  static boolean allowed(Requirement requirement, Principal principal, String workspace) {
    try {
      requirement.check(fixed(principal), workspace, OP);
      return true;
    } catch (AccessDeniedException denied) {
      return false;
    }
  }

  static boolean allowedByUuid(Requirement requirement, Principal principal, UUID workspace) {
    try {
      requirement.check(fixed(principal), workspace, OP);
      return true;
    } catch (AccessDeniedException denied) {
      return false;
    }
  }

  /** A call that names no workspace by argument, as a method with no {@code @WorkspaceId}. */
  static boolean allowedNamingNone(Requirement requirement, Principal principal) {
    try {
      requirement.check(fixed(principal), OP);
      return true;
    } catch (AccessDeniedException denied) {
      return false;
    }
  }

  static boolean allowedInAccount(Requirement requirement, Principal principal) {
    try {
      requirement.checkInAccount(fixed(principal), ACCOUNT, OP);
      return true;
    } catch (AccessDeniedException denied) {
      return false;
    }
  }

  private static Requirement allOf(String... names) {
    Permission[] permissions = new Permission[names.length];
    for (int i = 0; i < names.length; i++) {
      permissions[i] = permission(names[i]);
    }
    return Requirement.allOf(permissions);
  }

  private static Requirement anyOf(String... names) {
    Permission[] permissions = new Permission[names.length];
    for (int i = 0; i < names.length; i++) {
      permissions[i] = permission(names[i]);
    }
    return Requirement.anyOf(permissions);
  }

  @Test
  void allOf_singleWorkspacePermission_allowsRolesHoldingItInThatWorkspaceOnly() {
    Requirement delete = allOf(DELETE_X);
    assertTrue(allowed(delete, DEV_IN_PROD, "ws-prod"));
    assertTrue(allowed(delete, OWNER_IN_PROD, "ws-prod"));
    assertFalse(allowed(delete, VIEWER_IN_PROD, "ws-prod"));
    assertFalse(allowed(delete, OWNER_IN_PROD, "ws-dev"));
    assertFalse(allowed(delete, OWNER_IN_PROD, "WS-PROD"));
  }

  @Test
  void allOf_severalPermissions_needsEveryOne() {
    Requirement both = allOf(VIEW_X, VIEW_SECRETS);
    assertFalse(allowed(both, DEV_IN_PROD, "ws-prod"));
    assertTrue(allowed(both, OWNER_IN_PROD, "ws-prod"));
  }

  @Test
  void anyOf_severalPermissions_needsOnlyOne() {
    Requirement either = anyOf(VIEW_SECRETS, DELETE_X);
    assertTrue(allowed(either, DEV_IN_PROD, "ws-prod"));
    assertTrue(allowed(either, OWNER_IN_PROD, "ws-prod"));
    assertFalse(allowed(either, VIEWER_IN_PROD, "ws-prod"));
  }

  @Test
  void anyOf_workspaceOrAccountPermission_accountRoleSufficesInANamedWorkspace() {
    Requirement either = anyOf(DELETE_X, VIEW_ACCOUNT);
    assertTrue(allowed(either, VIEWER_IN_PROD, "ws-elsewhere"));
    assertFalse(allowed(anyOf(DELETE_X, EDIT_ACCOUNT), VIEWER_IN_PROD, "ws-elsewhere"));
  }

  @Test
  void anyOf_workspaceOrAccountPermission_callNamingNoUsableWorkspace_isDenied() {
    // The account permission alone would do, but a method that names a workspace never runs
    // without one.
    Requirement either = anyOf(DELETE_X, VIEW_ACCOUNT);
    for (String missing : new String[] {null, "", " \t", "\u200b", "\u0000"}) {
      assertFalse(allowed(either, VIEWER_IN_PROD, missing), String.valueOf(missing));
      assertFalse(allowed(either, ADMIN_NO_WS, missing), String.valueOf(missing));
    }
    AccessDeniedException denial =
        assertThrows(
            AccessDeniedException.class, () -> either.check(fixed(ADMIN_NO_WS), (String) null, OP));
    assertTrue(
        denial
            .getMessage()
            .endsWith(
                ", but the call names no workspace (no @WorkspaceId argument and none bound)"),
        denial.getMessage());
    assertFalse(denial.getMessage().contains("Allowed"), denial.getMessage());
  }

  @Test
  void
      accountRequirement_callNamingNoUsableWorkspace_isDenied_callNamingItsAccount_isDecidedByAccountRole() {
    Requirement viewAccount = allOf(VIEW_ACCOUNT);
    assertFalse(allowed(viewAccount, VIEWER_IN_PROD, null));
    assertFalse(allowed(viewAccount, ADMIN_NO_WS, ""));
    assertFalse(allowedByUuid(viewAccount, ADMIN_NO_WS, null));
    AccessDeniedException blank =
        assertThrows(
            AccessDeniedException.class, () -> viewAccount.check(fixed(ADMIN_NO_WS), " ", OP));
    assertTrue(
        blank.getMessage().endsWith(", but the workspace id is empty or blank"),
        blank.getMessage());
    assertTrue(allowedInAccount(viewAccount, VIEWER_IN_PROD));
    assertFalse(allowedNamingNone(viewAccount, VIEWER_IN_PROD), "names no account");
  }

  @Test
  void accountPermission_principalWithoutAccountRole_isDenied() {
    Matrix noDefault =
        builderWithPermissions("No default")
            .role(VIEWER, Level.WORKSPACE, new long[] {VIEWER_BITS}, "", "")
            .build();
    Principal roleless = Principal.user("r").directory(TestMatrix.SINGLE).matrix(noDefault).build();
    Requirement viewAccount = Requirement.allOf(noDefault.permission(VIEW_ACCOUNT).orElseThrow());
    assertFalse(allowed(viewAccount, roleless, "ws-prod"));
    assertFalse(allowed(viewAccount, roleless, null));
  }

  @Test
  void accountPermission_checkedAgainstAccountRoleOnly() {
    Requirement viewAccount = allOf(VIEW_ACCOUNT);
    Requirement editAccount = allOf(EDIT_ACCOUNT);
    assertTrue(allowedInAccount(viewAccount, VIEWER_IN_PROD));
    assertTrue(allowed(viewAccount, VIEWER_IN_PROD, "ws-prod"));
    assertFalse(allowed(editAccount, OWNER_IN_PROD, "ws-prod"));
    assertFalse(allowedInAccount(editAccount, OWNER_IN_PROD));
    assertTrue(allowedInAccount(editAccount, ADMIN_NO_WS));
    assertTrue(allowed(editAccount, ADMIN_NO_WS, "ws-prod"));
    assertFalse(editAccount.needsWorkspace());
  }

  @Test
  void allOf_workspaceAndAccountPermission_needsBothLevels() {
    Requirement mixed = allOf(DELETE_X, EDIT_ACCOUNT);
    assertTrue(mixed.needsWorkspace());
    assertFalse(allowed(mixed, OWNER_IN_PROD, "ws-prod"));
    Principal devAdmin = user("da").accountRole(ADMIN).workspaceRole("ws-prod", VIEWER).build();
    assertTrue(allowed(mixed, devAdmin, "ws-prod"));
    assertFalse(allowed(mixed, devAdmin, null));
  }

  @Test
  void accountAdmin_anyNamedWorkspace_isAllowedThroughEverywhereRole() {
    Requirement secrets = allOf(VIEW_SECRETS, DELETE_X);
    assertTrue(allowed(secrets, ADMIN_NO_WS, "ws-prod"));
    assertTrue(allowed(secrets, ADMIN_NO_WS, "any-workspace-at-all"));
    Principal adminViewer = user("av").accountRole(ADMIN).workspaceRole("ws-prod", VIEWER).build();
    assertTrue(allowed(secrets, adminViewer, "ws-prod"));
  }

  @Test
  void accountAdmin_workspaceDefaultNoAccess_isStillAllowed() {
    WorkspaceDefaults defaults = new WorkspaceDefaults(MATRIX);
    defaults.setNoAccess("ws-locked");
    Principal admin = user("ada").accountRole(ADMIN).workspaceDefaults(defaults).build();
    assertTrue(allowed(allOf(DELETE_X), admin, "ws-locked"));
  }

  @Test
  void accountAdmin_nullEmptyOrBlankWorkspace_isDenied() {
    Requirement view = allOf(VIEW_X);
    assertFalse(allowed(view, ADMIN_NO_WS, null));
    assertFalse(allowed(view, ADMIN_NO_WS, ""));
    assertFalse(allowed(view, ADMIN_NO_WS, "   "));
    assertFalse(allowed(view, ADMIN_NO_WS, "\t\n"));
    assertThrows(
        AccessDeniedException.class, () -> view.check(fixed(ADMIN_NO_WS), (UUID) null, OP));
    assertThrows(AccessDeniedException.class, () -> view.check(fixed(ADMIN_NO_WS), OP));
  }

  @Test
  void workspaceDefault_grantsWhereNoExplicitRole() {
    WorkspaceDefaults defaults = new WorkspaceDefaults(MATRIX);
    Principal member = user("m").workspaceDefaults(defaults).build();
    Requirement edit = allOf(EDIT_X);
    assertFalse(allowed(edit, member, "ws-shared"));
    defaults.setDefaultRole("ws-shared", DEVELOPER);
    assertTrue(allowed(edit, member, "ws-shared"));
    defaults.setNoAccess("ws-shared");
    assertFalse(allowed(edit, member, "ws-shared"));
  }

  @Test
  void check_noPrincipal_throwsUnauthenticatedForEveryOverload() {
    Requirement view = allOf(VIEW_X);
    PrincipalSource nobody = () -> null;
    UnauthenticatedException e =
        assertThrows(UnauthenticatedException.class, () -> view.check(nobody, "ws-prod", OP));
    assertEquals(OP, e.operation());
    assertTrue(e.getMessage().contains(OP), e.getMessage());
    assertThrows(UnauthenticatedException.class, () -> view.check(nobody, WS_UUID, OP));
    assertThrows(UnauthenticatedException.class, () -> view.check(nobody, OP));
    assertThrows(
        UnauthenticatedException.class, () -> allOf(VIEW_ACCOUNT).check(nobody, (String) null, OP));
  }

  @Test
  void check_nothingBoundOnThread_throwsUnauthenticated() {
    assertThrows(
        UnauthenticatedException.class,
        () -> allOf(VIEW_X).check(CurrentPrincipal.source(), "ws-prod", OP));
  }

  @Test
  void check_principalOfAnotherMatrix_isDeniedEvenWithSameRoleNames() {
    Matrix other = TestMatrix.build("Other");
    Principal stranger =
        Principal.user("eve")
            .directory(TestMatrix.SINGLE)
            .matrix(other)
            .accountRole(ADMIN)
            .workspaceRole("ws-prod", OWNER)
            .build();
    assertFalse(allowed(allOf(VIEW_X), stranger, "ws-prod"));
    assertFalse(allowed(allOf(VIEW_ACCOUNT), stranger, null));
    assertFalse(allowed(anyOf(VIEW_X, VIEW_ACCOUNT), stranger, "ws-prod"));
  }

  @Test
  void check_sourceThrows_failsClosedWithCause() {
    IllegalStateException failure = new IllegalStateException("token store down");
    PrincipalSource broken =
        () -> {
          throw failure;
        };
    AccessDeniedException e =
        assertThrows(AccessDeniedException.class, () -> allOf(VIEW_X).check(broken, "ws-prod", OP));
    assertSame(failure, e.getCause());
    assertEquals("ws-prod", e.workspace());
    assertEquals(OP, e.operation());
    AccessDeniedException viaOp =
        assertThrows(AccessDeniedException.class, () -> allOf(VIEW_ACCOUNT).check(broken, OP));
    assertSame(failure, viaOp.getCause());
  }

  @Test
  void check_nullSource_failsClosed() {
    assertThrows(AccessDeniedException.class, () -> allOf(VIEW_X).check(null, "ws-prod", OP));
  }

  @Test
  void checkUuid_sourceThrows_failsClosedNamingWorkspace() {
    IllegalStateException failure = new IllegalStateException();
    PrincipalSource broken =
        () -> {
          throw failure;
        };
    AccessDeniedException e =
        assertThrows(AccessDeniedException.class, () -> allOf(VIEW_X).check(broken, WS_UUID, OP));
    assertSame(failure, e.getCause());
    assertEquals(WS_UUID.toString(), e.workspace());
  }

  @Test
  void checkWithoutWorkspace_usesSourceCurrentWorkspace() {
    Requirement delete = allOf(DELETE_X);
    delete.check(fixed(DEV_IN_PROD, "ws-prod"), OP);
    AccessDeniedException e =
        assertThrows(
            AccessDeniedException.class, () -> delete.check(fixed(DEV_IN_PROD, "ws-dev"), OP));
    assertEquals("ws-dev", e.workspace());
    AccessDeniedException none =
        assertThrows(AccessDeniedException.class, () -> delete.check(fixed(DEV_IN_PROD), OP));
    assertNull(none.workspace());
  }

  @Test
  void checkWithoutWorkspace_threadBinding_usesBoundWorkspace() {
    Requirement delete = allOf(DELETE_X);
    try (PrincipalScope scope = CurrentPrincipal.bind(DEV_IN_PROD, "ws-prod")) {
      delete.check(CurrentPrincipal.source(), OP);
    }
    try (PrincipalScope scope = CurrentPrincipal.bind(DEV_IN_PROD)) {
      assertThrows(AccessDeniedException.class, () -> delete.check(CurrentPrincipal.source(), OP));
    }
  }

  @Test
  void checkWithoutWorkspace_currentWorkspaceThrows_failsClosedWithCause() {
    RuntimeException failure = new RuntimeException();
    PrincipalSource broken =
        new PrincipalSource() {
          @Override
          public Principal current() {
            return OWNER_IN_PROD;
          }

          @Override
          public String currentWorkspace() {
            throw failure;
          }
        };
    AccessDeniedException e =
        assertThrows(AccessDeniedException.class, () -> allOf(VIEW_X).check(broken, OP));
    assertSame(failure, e.getCause());
    // An account-only requirement needs no workspace, so it does not ask for one.
    allOf(VIEW_ACCOUNT).checkInAccount(broken, ACCOUNT, OP);
  }

  @Test
  void checkUuid_roleGivenByUuidOrString_isFound() {
    Principal byUuid = user("u").workspaceRole(WS_UUID, DEVELOPER).build();
    Principal byString = user("s").workspaceRole(WS_UUID.toString(), DEVELOPER).build();
    Requirement delete = allOf(DELETE_X);
    delete.check(fixed(byUuid), WS_UUID, OP);
    delete.check(fixed(byString), WS_UUID, OP);
    delete.check(fixed(byUuid), WS_UUID.toString(), OP);
    AccessDeniedException e =
        assertThrows(
            AccessDeniedException.class, () -> delete.check(fixed(byUuid), UUID.randomUUID(), OP));
    assertNotEquals(WS_UUID.toString(), e.workspace());
    delete.check(fixed(ADMIN_NO_WS), UUID.randomUUID(), OP);
  }

  @Test
  void factories_invalidPermissions_areRejected() {
    assertThrows(IllegalArgumentException.class, Requirement::allOf);
    assertThrows(IllegalArgumentException.class, Requirement::anyOf);
    Permission foreign = TestMatrix.build("Other").permission(VIEW_X).orElseThrow();
    assertThrows(
        IllegalArgumentException.class, () -> Requirement.allOf(permission(VIEW_X), foreign));
    assertThrows(NullPointerException.class, () -> Requirement.anyOf(permission(VIEW_X), null));
    assertThrows(NullPointerException.class, () -> Requirement.allOf((Permission) null));
  }

  @Test
  void factories_arrayChangedAfterwards_requirementUnaffected() {
    Permission[] permissions = {permission(VIEW_X)};
    Requirement view = Requirement.allOf(permissions);
    permissions[0] = permission(VIEW_SECRETS);
    assertTrue(allowed(view, VIEWER_IN_PROD, "ws-prod"));
    assertEquals(VIEW_X, view.describe());
  }

  @Test
  void needsWorkspace_trueWhenAnyPermissionIsWorkspaceLevel() {
    assertTrue(allOf(VIEW_X).needsWorkspace());
    assertTrue(anyOf(VIEW_ACCOUNT, VIEW_X).needsWorkspace());
    assertFalse(anyOf(VIEW_ACCOUNT, EDIT_ACCOUNT).needsWorkspace());
  }

  @Test
  void describe_namesPermissionsAndMode() {
    assertEquals(DELETE_X, allOf(DELETE_X).describe());
    assertEquals(DELETE_X, anyOf(DELETE_X).describe());
    assertEquals("all of VIEW_X, VIEW_SECRETS", allOf(VIEW_X, VIEW_SECRETS).describe());
    assertEquals("one of VIEW_X, VIEW_SECRETS", anyOf(VIEW_X, VIEW_SECRETS).toString());
  }

  @Test
  void idsOfOnlyControlCharacters_nameNoWorkspace_evenForAccountOwners() {
    Requirement delete = allOf(DELETE_X);
    for (String id : new String[] {"\u0000", "\u007f", "\u0000\u0001 \u009f", "\t\u0085"}) {
      assertFalse(allowed(delete, ADMIN_NO_WS, id), () -> "id " + id.codePoints().boxed().toList());
      assertFalse(Principal.isWorkspaceId(id));
    }
    assertTrue(
        allowed(delete, ADMIN_NO_WS, "ws\u0000"),
        "a visible id with a control character names a workspace");
  }
}
