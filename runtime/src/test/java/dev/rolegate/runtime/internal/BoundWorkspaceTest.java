package dev.rolegate.runtime.internal;

import static dev.rolegate.runtime.TestMatrix.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.rolegate.runtime.AccessDeniedException;
import dev.rolegate.runtime.CurrentPrincipal;
import dev.rolegate.runtime.Decision;
import dev.rolegate.runtime.Decisions;
import dev.rolegate.runtime.Principal;
import dev.rolegate.runtime.PrincipalContext;
import dev.rolegate.runtime.PrincipalScope;
import dev.rolegate.runtime.PrincipalSource;
import dev.rolegate.runtime.TestMatrix;
import dev.rolegate.runtime.UnauthenticatedException;
import dev.rolegate.runtime.WorkspaceDefaults;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A binding resolves the principal's assigned role in its workspace once, and a check of a call on
 * that workspace uses it without a lookup. These tests pin that the shortcut answers exactly as the
 * lookup would: never for another workspace, never from a workspace default (which can change while
 * bound), never for another matrix, and the same for listeners.
 */
class BoundWorkspaceTest {
  private static final String OP = "ThingService.delete";
  private static final PrincipalSource THREAD = CurrentPrincipal.source();
  private static final Requirement DELETE = Requirement.allOf(permission(DELETE_X));
  private static final Requirement VIEW = Requirement.allOf(permission(VIEW_X));

  private static final Principal DEV_PROD_VIEWER_DEV =
      user("dev").workspaceRole("ws-prod", DEVELOPER).workspaceRole("ws-dev", VIEWER).build();

  @AfterEach
  void unbindAndUnlisten() {
    Decisions.setListener(null);
    assertTrue(CurrentPrincipal.get().isEmpty(), "a test left a principal bound");
  }

  private static boolean allowed(Requirement requirement, String workspace) {
    try {
      requirement.check(THREAD, workspace, OP);
      return true;
    } catch (AccessDeniedException denied) {
      return false;
    }
  }

  private static boolean allowedOnBound(Requirement requirement) {
    try {
      requirement.check(THREAD, OP);
      return true;
    } catch (AccessDeniedException denied) {
      return false;
    }
  }

  private static boolean allowedInBoundAccount(Requirement requirement) {
    try {
      requirement.checkInBoundAccount(THREAD, OP);
      return true;
    } catch (AccessDeniedException denied) {
      return false;
    }
  }

  @Test
  void callOnTheBoundWorkspace_isDecidedByTheRoleAssignedThere() {
    try (PrincipalScope scope = CurrentPrincipal.bind(DEV_PROD_VIEWER_DEV, "ws-prod")) {
      assertTrue(allowed(DELETE, "ws-prod"));
      assertTrue(allowed(DELETE, new String("ws-prod")), "the same id in another String");
      assertTrue(allowedOnBound(DELETE));
      assertTrue(allowedOnBound(VIEW));
    }
    try (PrincipalScope scope = CurrentPrincipal.bind(DEV_PROD_VIEWER_DEV, "ws-dev")) {
      assertFalse(allowed(DELETE, "ws-dev"), "VIEWER in the bound workspace may not delete");
      assertFalse(allowedOnBound(DELETE));
      assertTrue(allowedOnBound(VIEW));
    }
  }

  @Test
  void callOnAnotherWorkspace_usesTheRoleThere_notTheBoundOne() {
    try (PrincipalScope scope = CurrentPrincipal.bind(DEV_PROD_VIEWER_DEV, "ws-prod")) {
      assertFalse(allowed(DELETE, "ws-dev"), "DEVELOPER in the bound ws-prod, VIEWER in ws-dev");
      assertFalse(allowed(DELETE, "ws-other"), "no role at all there");
      assertFalse(allowed(DELETE, "WS-PROD"), "ids are case-sensitive");
      assertFalse(allowed(DELETE, null));
      assertFalse(allowed(DELETE, ""));
      assertTrue(allowed(VIEW, "ws-dev"));
    }
  }

  @Test
  void aWorkspaceDefault_isReadAtEachCall_notWhenBound() {
    WorkspaceDefaults defaults = new WorkspaceDefaults(TestMatrix.MATRIX);
    defaults.setDefaultRole("ws-team", DEVELOPER);
    Principal newcomer = user("new").workspaceDefaults(defaults).build();
    try (PrincipalScope scope = CurrentPrincipal.bind(newcomer, "ws-team")) {
      assertTrue(allowed(DELETE, "ws-team"));
      assertTrue(allowedOnBound(DELETE));
      defaults.setNoAccess("ws-team");
      assertFalse(allowed(DELETE, "ws-team"), "the default changed while bound");
      assertFalse(allowedOnBound(DELETE));
      assertFalse(allowedOnBound(VIEW));
      defaults.setDefaultRole("ws-team", VIEWER);
      assertTrue(allowedOnBound(VIEW));
      assertFalse(allowedOnBound(DELETE));
    }
  }

  @Test
  void anAssignedRole_winsOverTheDefault_inTheBoundWorkspace() {
    WorkspaceDefaults defaults = new WorkspaceDefaults(TestMatrix.MATRIX);
    defaults.setDefaultRole("ws-prod", OWNER);
    Principal viewer =
        user("vic").workspaceRole("ws-prod", VIEWER).workspaceDefaults(defaults).build();
    try (PrincipalScope scope = CurrentPrincipal.bind(viewer, "ws-prod")) {
      assertFalse(allowed(DELETE, "ws-prod"));
      assertFalse(allowedOnBound(DELETE));
      assertTrue(allowedOnBound(VIEW));
    }
  }

  @Test
  void aUuidBoundInAnotherSpelling_isStillTheAssignedWorkspace() {
    String lower = "123e4567-e89b-12d3-a456-426614174000";
    Principal dev = user("dev").workspaceRole(lower, DEVELOPER).build();
    try (PrincipalScope scope = CurrentPrincipal.bind(dev, lower.toUpperCase())) {
      assertTrue(allowedOnBound(DELETE));
      assertTrue(allowed(DELETE, lower));
      assertTrue(allowed(DELETE, lower.toUpperCase()));
    }
  }

  @Test
  void aRequirementOfAnotherMatrix_isNotAnsweredByTheBoundRole() {
    Requirement foreign =
        Requirement.allOf(TestMatrix.build("Other").permission(DELETE_X).orElseThrow());
    try (PrincipalScope scope = CurrentPrincipal.bind(DEV_PROD_VIEWER_DEV, "ws-prod")) {
      AccessDeniedException denial =
          assertThrows(AccessDeniedException.class, () -> foreign.check(THREAD, "ws-prod", OP));
      assertTrue(
          denial.getMessage().contains("this guard checks matrix Other"), denial.getMessage());
      assertThrows(AccessDeniedException.class, () -> foreign.check(THREAD, OP));
    }
  }

  @Test
  void severalPermissions_andAccountPermissions_takeTheFullPath() {
    Principal admin = user("ada").accountRole(ADMIN).workspaceRole("ws-prod", VIEWER).build();
    try (PrincipalScope scope = CurrentPrincipal.bind(admin, "ws-prod")) {
      // ADMIN holds OWNER in the account's workspaces: the assigned VIEWER role alone would deny.
      assertTrue(allowed(DELETE, "ws-prod"));
      assertTrue(allowedOnBound(DELETE));
      assertTrue(
          allowed(Requirement.allOf(permission(DELETE_X), permission(EDIT_ACCOUNT)), "ws-prod"));
      // An account permission of a call that names no account nor workspace: denied.
      assertFalse(allowedOnBound(Requirement.allOf(permission(EDIT_ACCOUNT))));
    }
    try (PrincipalScope scope = CurrentPrincipal.bind(admin, ACCOUNT, "ws-prod")) {
      assertTrue(allowedInBoundAccount(Requirement.allOf(permission(EDIT_ACCOUNT))));
    }
    try (PrincipalScope scope = CurrentPrincipal.bind(DEV_PROD_VIEWER_DEV, "ws-prod")) {
      assertFalse(
          allowed(Requirement.allOf(permission(DELETE_X), permission(EDIT_ACCOUNT)), "ws-prod"));
      assertTrue(
          allowed(Requirement.anyOf(permission(VIEW_SECRETS), permission(DELETE_X)), "ws-prod"));
      assertFalse(
          allowed(Requirement.allOf(permission(VIEW_SECRETS), permission(DELETE_X)), "ws-prod"));
    }
  }

  @Test
  void nestedBindings_eachUseTheirOwnBoundRole() {
    Principal viewer = user("vic").workspaceRole("ws-prod", VIEWER).build();
    try (PrincipalScope outer = CurrentPrincipal.bind(DEV_PROD_VIEWER_DEV, "ws-prod")) {
      assertTrue(allowedOnBound(DELETE));
      try (PrincipalScope inner = CurrentPrincipal.bind(viewer, "ws-prod")) {
        assertFalse(allowedOnBound(DELETE));
        assertFalse(allowed(DELETE, "ws-prod"));
      }
      try (PrincipalScope inner = CurrentPrincipal.bind(DEV_PROD_VIEWER_DEV)) {
        assertFalse(allowedOnBound(DELETE), "the inner scope binds no workspace");
        assertTrue(allowed(DELETE, "ws-prod"));
      }
      assertTrue(allowedOnBound(DELETE));
    }
    assertThrows(UnauthenticatedException.class, () -> DELETE.check(THREAD, "ws-prod", OP));
    assertThrows(UnauthenticatedException.class, () -> DELETE.check(THREAD, OP));
  }

  @Test
  void aBindingCarriedToAnotherThread_decidesThereAsHere() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      PrincipalContext context;
      try (PrincipalScope scope = CurrentPrincipal.bind(DEV_PROD_VIEWER_DEV, "ws-prod")) {
        context = PrincipalContext.capture();
      }
      assertTrue(pool.submit(context.callable(() -> allowedOnBound(DELETE))).get());
      assertTrue(pool.submit(context.callable(() -> allowed(DELETE, "ws-prod"))).get());
      assertFalse(pool.submit(context.callable(() -> allowed(DELETE, "ws-dev"))).get());
      assertThrows(
          java.util.concurrent.ExecutionException.class,
          () -> pool.submit(() -> DELETE.check(THREAD, "ws-prod", OP)).get(),
          "the pool thread has nothing bound of its own");
    } finally {
      pool.shutdown();
      assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
    }
  }

  @Test
  void aListener_seesTheSameDecision_withTheShortcutAsWithTheLookup() {
    List<Decision> seen = new ArrayList<>();
    Decisions.setListener(seen::add);
    try (PrincipalScope scope = CurrentPrincipal.bind(DEV_PROD_VIEWER_DEV, "ws-prod")) {
      DELETE.check(THREAD, "ws-prod", OP);
      DELETE.check(THREAD, OP);
    }
    DELETE.check(() -> DEV_PROD_VIEWER_DEV, "ws-prod", OP);
    assertEquals(3, seen.size());
    for (Decision decision : seen) {
      assertTrue(decision.allowed());
      assertEquals("dev", decision.principalId());
      assertEquals("ws-prod", decision.workspace());
      assertEquals(List.of(DELETE_X), decision.permissions());
      assertEquals(OP, decision.operation());
    }
    assertEquals(seen.get(2), seen.get(0));
    assertEquals(seen.get(2), seen.get(1));
  }
}
