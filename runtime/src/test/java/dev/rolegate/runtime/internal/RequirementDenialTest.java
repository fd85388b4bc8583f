package dev.rolegate.runtime.internal;

import static dev.rolegate.runtime.TestMatrix.*;
import static dev.rolegate.runtime.internal.RequirementTest.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.rolegate.runtime.AccessDeniedException;
import dev.rolegate.runtime.Level;
import dev.rolegate.runtime.Matrix;
import dev.rolegate.runtime.Principal;
import dev.rolegate.runtime.PrincipalSource;
import dev.rolegate.runtime.TestMatrix;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a denial says: the exception's message and fields. */
class RequirementDenialTest {
  private static final String SECRET = "pnu_sk_live_9f8e7d6c5b4a39281706";

  /** The denial of a call naming {@code workspace}; for null, of a call naming none. */
  private static AccessDeniedException denial(
      Requirement requirement, Principal principal, String workspace) {
    return assertThrows(
        AccessDeniedException.class,
        () -> {
          if (workspace == null) {
            requirement.checkInAccount(fixed(principal), ACCOUNT, OP);
          } else {
            requirement.check(fixed(principal), workspace, OP);
          }
        });
  }

  private static void assertContains(String message, String... parts) {
    for (String part : parts) {
      assertTrue(message.contains(part), () -> "missing [" + part + "] in: " + message);
    }
  }

  private static Requirement deleteX() {
    return Requirement.allOf(permission(DELETE_X));
  }

  @Test
  void message_workspaceDenial_saysWhoWhatWhereRoleThereAndAllowedRoles() {
    AccessDeniedException e = denial(deleteX(), VIEWER_IN_PROD, "ws-prod");
    assertContains(
        e.getMessage(),
        "user vic",
        OP,
        DELETE_X,
        "workspace \"ws-prod\"",
        "vic holds VIEWER there",
        "account role MEMBER",
        "Allowed: workspace role DEVELOPER, OWNER; account role ADMIN");
  }

  @Test
  void message_noRoleInWorkspace_saysNoRoleThere() {
    AccessDeniedException e = denial(deleteX(), VIEWER_IN_PROD, "ws-dev");
    assertContains(e.getMessage(), "workspace \"ws-dev\"", "vic holds no role there");
  }

  @Test
  void message_serviceAccount_namesKind() {
    Principal bot = serviceAccount("ci-bot").workspaceRole("ws-prod", VIEWER).build();
    assertContains(denial(deleteX(), bot, "ws-prod").getMessage(), "service account ci-bot");
  }

  @Test
  void message_onlyOwnerHoldsPermission_listsOwnerAndAdmin() {
    Requirement secrets = Requirement.allOf(permission(VIEW_SECRETS));
    AccessDeniedException e = denial(secrets, DEV_IN_PROD, "ws-prod");
    assertContains(
        e.getMessage(), "DEVELOPER there", "Allowed: workspace role OWNER; account role ADMIN");
    assertFalse(e.getMessage().contains("workspace role DEVELOPER"), e.getMessage());
  }

  @Test
  void message_anyOf_saysOneOfAndListsRolesHoldingAny() {
    Requirement either = Requirement.anyOf(permission(EDIT_X), permission(VIEW_SECRETS));
    AccessDeniedException e = denial(either, VIEWER_IN_PROD, "ws-prod");
    assertContains(
        e.getMessage(), "one of EDIT_X, VIEW_SECRETS", "Allowed: workspace role DEVELOPER, OWNER");
    assertEquals(List.of(EDIT_X, VIEW_SECRETS), e.permissions());
  }

  @Test
  void message_accountDenial_namesAccountRolesOnlyAndNoWorkspace() {
    Requirement editAccount = Requirement.allOf(permission(EDIT_ACCOUNT));
    AccessDeniedException e = denial(editAccount, OWNER_IN_PROD, null);
    assertContains(
        e.getMessage(), "EDIT_ACCOUNT", "account role MEMBER", "Allowed: account role ADMIN");
    assertFalse(e.getMessage().contains("workspace"), e.getMessage());
    assertFalse(e.getMessage().contains("there"), e.getMessage());
    assertNull(e.workspace());
  }

  @Test
  void message_mixedRequirement_namesAccountRoleThatCompletesIt() {
    Requirement mixed = Requirement.allOf(permission(DELETE_X), permission(EDIT_ACCOUNT));
    AccessDeniedException e = denial(mixed, OWNER_IN_PROD, "ws-prod");
    assertContains(
        e.getMessage(), "all of DELETE_X, EDIT_ACCOUNT", "OWNER there", "account role ADMIN");
    assertFalse(e.getMessage().contains("workspace role OWNER"), e.getMessage());
  }

  @Test
  void message_permissionNoRoleHolds_saysSo() {
    Matrix bare =
        builderWithPermissions("Bare")
            .role(VIEWER, Level.WORKSPACE, new long[] {VIEWER_BITS}, "", "")
            .build();
    Principal p =
        Principal.user("p")
            .directory(TestMatrix.SINGLE)
            .matrix(bare)
            .workspaceRole("ws", VIEWER)
            .build();
    Requirement secrets = Requirement.allOf(bare.permission(VIEW_SECRETS).orElseThrow());
    assertContains(
        denial(secrets, p, "ws").getMessage(), "account role none", "no role of matrix Bare");
  }

  @Test
  void message_nullWorkspace_saysCallNamesNone() {
    AccessDeniedException e = denial(deleteX(), ADMIN_NO_WS, null);
    assertContains(e.getMessage(), "user ada", DELETE_X, "names no workspace");
    assertNull(e.workspace());
  }

  @Test
  void message_blankWorkspace_saysEmptyOrBlank() {
    AccessDeniedException empty = denial(deleteX(), ADMIN_NO_WS, "");
    assertContains(empty.getMessage(), "empty or blank");
    assertEquals("", empty.workspace());
    AccessDeniedException blank = denial(deleteX(), ADMIN_NO_WS, "   ");
    assertContains(blank.getMessage(), "empty or blank");
    assertEquals("   ", blank.workspace());
  }

  @Test
  void message_principalOfAnotherMatrix_namesBothMatrices() {
    Principal stranger =
        Principal.user("eve")
            .directory(TestMatrix.SINGLE)
            .matrix(TestMatrix.build("Other"))
            .workspaceRole("ws-prod", OWNER)
            .build();
    AccessDeniedException e = denial(deleteX(), stranger, "ws-prod");
    assertContains(e.getMessage(), "user eve", "matrix Other", "matrix " + NAME);
    assertNull(e.getCause());
  }

  @Test
  void fields_denial_carryPrincipalOperationPermissionsAndWorkspace() {
    AccessDeniedException e = denial(deleteX(), VIEWER_IN_PROD, "ws-prod");
    assertEquals("vic", e.principalId());
    assertEquals(OP, e.operation());
    assertEquals(List.of(DELETE_X), e.permissions());
    assertEquals("ws-prod", e.workspace());
    assertNull(e.getCause());
    assertThrows(UnsupportedOperationException.class, () -> e.permissions().add("X"));
  }

  @Test
  void fields_uuidDenial_carryWorkspaceAsString() {
    UUID workspace = UUID.fromString("00000000-0000-0000-0000-0000000000ab");
    AccessDeniedException e =
        assertThrows(
            AccessDeniedException.class,
            () -> deleteX().check(fixed(VIEWER_IN_PROD), workspace, OP));
    assertEquals(workspace.toString(), e.workspace());
    assertContains(e.getMessage(), "workspace \"" + workspace + "\"", "no role there");
  }

  @Test
  void message_sourceFailure_namesExceptionClassButNotItsMessage() {
    PrincipalSource broken =
        () -> {
          throw new IllegalStateException("could not parse bearer " + SECRET);
        };
    AccessDeniedException e =
        assertThrows(AccessDeniedException.class, () -> deleteX().check(broken, "ws-prod", OP));
    assertContains(e.getMessage(), OP, "IllegalStateException", "denied");
    assertFalse(e.getMessage().contains(SECRET), e.getMessage());
    assertEquals("", e.principalId());
    assertEquals(List.of(DELETE_X), e.permissions());
  }

  @Test
  void message_workspaceReadFailure_namesExceptionClassButNotItsMessage() {
    PrincipalSource broken =
        new PrincipalSource() {
          @Override
          public Principal current() {
            return OWNER_IN_PROD;
          }

          @Override
          public String currentWorkspace() {
            throw new IllegalArgumentException("header X-Api-Key=" + SECRET);
          }
        };
    AccessDeniedException e =
        assertThrows(AccessDeniedException.class, () -> deleteX().check(broken, OP));
    assertContains(e.getMessage(), OP, "IllegalArgumentException");
    assertFalse(e.getMessage().contains(SECRET), e.getMessage());
    assertNull(e.workspace());
  }

  @Test
  void message_guardedCallWithSecretArgument_neverContainsIt() {
    // As a generated guard for KeyService.rotate(@WorkspaceId String ws, String apiKey) calls it:
    // only the workspace and the operation name reach the requirement, never the other arguments.
    String workspace = "ws-prod";
    String apiKey = SECRET;
    Requirement edit = Requirement.allOf(permission(EDIT_X));
    AccessDeniedException e =
        assertThrows(
            AccessDeniedException.class,
            () -> edit.check(fixed(VIEWER_IN_PROD), workspace, "KeyService.rotate"));
    String everything =
        e.getMessage() + e.principalId() + e.operation() + e.permissions() + e.workspace() + e;
    assertFalse(everything.contains(apiKey), everything);
    assertContains(e.getMessage(), "KeyService.rotate", "EDIT_X", "ws-prod");
  }

  @Test
  void message_denial_doesNotListRolesOfOtherWorkspaces() {
    Principal multi =
        user("multi")
            .workspaceRole("ws-prod", VIEWER)
            .workspaceRole("ws-secret-project", OWNER)
            .build();
    AccessDeniedException e = denial(deleteX(), multi, "ws-prod");
    assertFalse(e.getMessage().contains("ws-secret-project"), e.getMessage());
  }
}
