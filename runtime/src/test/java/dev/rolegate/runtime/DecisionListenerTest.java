package dev.rolegate.runtime;

import static dev.rolegate.runtime.TestMatrix.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.rolegate.runtime.internal.Requirement;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a {@link DecisionListener} sees of guard decisions, and that it can never change one. */
class DecisionListenerTest {
  private static final String OP = "ThingService.delete";
  private static final Principal VIC = user("vic").workspaceRole("ws", VIEWER).build();
  private static final Principal DEV = user("dev").workspaceRole("ws", DEVELOPER).build();
  private static final Principal ADA = user("ada").accountRole(ADMIN).build();
  private static final Principal BOT =
      serviceAccount("ci-bot").workspaceRole("ws", DEVELOPER).build();

  private final List<Decision> seen = new CopyOnWriteArrayList<>();

  @AfterEach
  void removeListener() {
    Decisions.setListener(null);
  }

  private void record() {
    Decisions.setListener(seen::add);
  }

  private static Requirement require(String... names) {
    return Requirement.allOf(
        Arrays.stream(names).map(TestMatrix::permission).toArray(Permission[]::new));
  }

  private Decision only() {
    assertEquals(1, seen.size(), () -> "decisions seen: " + seen);
    return seen.get(0);
  }

  // --- allowed ---

  @Test
  void allowed_explicitRole_reportsWhoWhereWhatAndGrantingRole() {
    record();
    require(DELETE_X).check(() -> DEV, "ws", OP);
    Decision d = only();
    assertTrue(d.allowed());
    assertEquals(OP, d.operation());
    assertEquals("dev", d.principalId());
    assertEquals(PrincipalKind.USER, d.principalKind());
    assertEquals("ws", d.workspace());
    assertEquals(List.of(DELETE_X), d.permissions());
    assertFalse(d.anyOf());
    assertEquals("DEVELOPER in ws", d.grantedBy());
    assertEquals(List.of(), d.wouldAllow());
    assertEquals("allowed", d.reason());
  }

  @Test
  void allowed_anyOf_reportsAllPermissionsAndAnyOf() {
    record();
    Requirement.anyOf(permission(VIEW_SECRETS), permission(EDIT_X)).check(() -> DEV, "ws", OP);
    Decision d = only();
    assertTrue(d.allowed());
    assertTrue(d.anyOf());
    assertEquals(List.of(VIEW_SECRETS, EDIT_X), d.permissions());
  }

  @Test
  void allowed_accountAdmin_isGrantedByOwnerEverywhere() {
    record();
    require(VIEW_SECRETS).check(() -> ADA, "ws-any", OP);
    Decision d = only();
    assertTrue(d.allowed());
    assertEquals("ada", d.principalId());
    assertEquals(
        "account ADMIN in acme (workspace OWNER in the account's workspaces)", d.grantedBy());
  }

  @Test
  void allowed_serviceAccount_reportsItsKind() {
    record();
    require(EDIT_X).check(() -> BOT, "ws", OP);
    assertEquals(PrincipalKind.SERVICE_ACCOUNT, only().principalKind());
    assertEquals("ci-bot", only().principalId());
  }

  @Test
  void allowed_customRole_isGrantedByItsDescription() {
    Role auditor = new CustomRoles(MATRIX).define("AUDITOR", VIEWER, VIEW_SECRETS);
    Principal carl = user("carl").workspaceRole("ws", auditor).build();
    record();
    require(VIEW_SECRETS).check(() -> carl, "ws", OP);
    assertEquals("AUDITOR (VIEWER + VIEW_SECRETS) in ws", only().grantedBy());
  }

  @Test
  void allowed_uuidWorkspace_reportsItAsString() {
    UUID ws = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
    Principal dev = user("dev").workspaceRole(ws, DEVELOPER).build();
    record();
    require(EDIT_X).check(() -> dev, ws, OP);
    assertEquals(ws.toString(), only().workspace());
    assertEquals("DEVELOPER in " + ws, only().grantedBy());
  }

  @Test
  void allowed_accountPermission_isGrantedByTheAccountRole() {
    record();
    require(VIEW_ACCOUNT).checkInAccount(() -> DEV, ACCOUNT, OP);
    assertEquals("account role MEMBER in acme", only().grantedBy());
    assertEquals(ACCOUNT, only().account());
    assertNull(only().workspace());
  }

  @Test
  void allowed_accountPermissionWithWorkspaceNamed_isStillGrantedByTheAccountRole() {
    record();
    // DEV holds DEVELOPER in ws, but DEVELOPER grants no account permission.
    require(VIEW_ACCOUNT).check(() -> DEV, "ws", OP);
    assertEquals("account role MEMBER in acme", only().grantedBy());
  }

  // --- denied ---

  @Test
  void denied_reportsRolesThatWouldAllowAndTheMessage() {
    record();
    AccessDeniedException e =
        assertThrows(
            AccessDeniedException.class, () -> require(DELETE_X).check(() -> VIC, "ws", OP));
    Decision d = only();
    assertFalse(d.allowed());
    assertEquals("vic", d.principalId());
    assertEquals(PrincipalKind.USER, d.principalKind());
    assertEquals("ws", d.workspace());
    assertEquals(List.of(DELETE_X), d.permissions());
    assertEquals("", d.grantedBy());
    assertEquals(
        List.of("workspace DEVELOPER", "workspace OWNER", "account ADMIN"), d.wouldAllow());
    assertEquals(e.getMessage(), d.reason());
    assertEquals(0, e.getSuppressed().length);
  }

  @Test
  void denied_accountPermission_wouldAllowAccountRolesOnly() {
    record();
    assertThrows(
        AccessDeniedException.class,
        () -> require(EDIT_ACCOUNT).checkInAccount(() -> DEV, ACCOUNT, OP));
    assertEquals(List.of("account ADMIN"), only().wouldAllow());
    assertEquals(ACCOUNT, only().account());
  }

  @Test
  void denied_noWorkspaceNamed_evenForAdmin_isReported() {
    record();
    AccessDeniedException e =
        assertThrows(AccessDeniedException.class, () -> require(VIEW_X).check(() -> ADA, " ", OP));
    Decision d = only();
    assertFalse(d.allowed());
    assertEquals("ada", d.principalId());
    assertEquals(List.of(), d.wouldAllow());
    assertEquals(e.getMessage(), d.reason());
  }

  @Test
  void unauthenticated_isReportedWithoutPrincipal() {
    record();
    UnauthenticatedException e =
        assertThrows(
            UnauthenticatedException.class, () -> require(VIEW_X).check(() -> null, "ws", OP));
    Decision d = only();
    assertFalse(d.allowed());
    assertNull(d.principalId());
    assertNull(d.principalKind());
    assertEquals("ws", d.workspace());
    assertEquals(OP, d.operation());
    assertEquals(List.of(), d.wouldAllow());
    assertEquals(e.getMessage(), d.reason());
  }

  @Test
  void sourceFailure_isReportedAsDenialWithoutPrincipal() {
    record();
    IllegalStateException broken = new IllegalStateException("token store down");
    PrincipalSource source =
        () -> {
          throw broken;
        };
    AccessDeniedException e =
        assertThrows(AccessDeniedException.class, () -> require(VIEW_X).check(source, "ws", OP));
    assertSame(broken, e.getCause());
    Decision d = only();
    assertFalse(d.allowed());
    assertNull(d.principalId());
    assertEquals(e.getMessage(), d.reason());
  }

  @Test
  void boundWorkspaceFailure_isReportedAsDenial() {
    record();
    PrincipalSource source =
        new PrincipalSource() {
          @Override
          public Principal current() {
            return DEV;
          }

          @Override
          public String currentWorkspace() {
            throw new IllegalStateException("no request");
          }
        };
    AccessDeniedException e =
        assertThrows(AccessDeniedException.class, () -> require(VIEW_X).check(source, OP));
    assertFalse(only().allowed());
    assertEquals(e.getMessage(), only().reason());
  }

  @Test
  void workspaceFailed_isReportedAsDenial() {
    record();
    AccessDeniedException e = require(VIEW_X).workspaceFailed(OP, new IllegalStateException("x"));
    assertFalse(only().allowed());
    assertEquals(e.getMessage(), only().reason());
  }

  // --- a listener that throws ---

  @Test
  void listenerThrowsOnAllow_checkStillReturnsNormally(LogCapture.Lines log) {
    RuntimeException boom = new RuntimeException("listener broke");
    DecisionListener listener =
        decision -> {
          seen.add(decision);
          throw boom;
        };
    Decisions.setListener(listener);
    assertDoesNotThrow(() -> require(EDIT_X).check(() -> DEV, "ws", OP));
    assertTrue(only().allowed());
    assertEquals(
        List.of(
            "decision listener "
                + listener.getClass().getName()
                + " threw java.lang.RuntimeException; the decision stands (allowed "
                + OP
                + ")"),
        log.messages());
  }

  @Test
  void listenerThrowsErrorOnAllow_checkStillReturnsNormally() {
    Decisions.setListener(
        decision -> {
          seen.add(decision);
          throw new AssertionError("listener assertion");
        });
    assertDoesNotThrow(() -> require(EDIT_X).check(() -> DEV, "ws", OP));
    assertEquals(1, seen.size());
  }

  @Test
  void listenerThrowsOnDenial_denialStillThrownWithListenerFailureSuppressed() {
    RuntimeException boom = new RuntimeException("listener broke");
    Decisions.setListener(
        decision -> {
          seen.add(decision);
          throw boom;
        });
    AccessDeniedException e =
        assertThrows(
            AccessDeniedException.class, () -> require(DELETE_X).check(() -> VIC, "ws", OP));
    assertFalse(only().allowed());
    assertEquals(List.of(boom), List.of(e.getSuppressed()));
  }

  @Test
  void listenerThrowsOnUnauthenticated_stillUnauthenticatedWithFailureSuppressed() {
    RuntimeException boom = new RuntimeException("listener broke");
    Decisions.setListener(
        decision -> {
          throw boom;
        });
    UnauthenticatedException e =
        assertThrows(
            UnauthenticatedException.class, () -> require(VIEW_X).check(() -> null, "ws", OP));
    assertEquals(List.of(boom), List.of(e.getSuppressed()));
  }

  @Test
  void listenerThrowsOnEveryDecision_neverTurnsADenialIntoAnAllow() {
    Decisions.setListener(
        decision -> {
          throw new IllegalStateException("always");
        });
    for (String workspace : new String[] {"ws", "ws-other", "", null}) {
      assertThrows(
          AccessDeniedException.class, () -> require(VIEW_SECRETS).check(() -> VIC, workspace, OP));
    }
  }

  // --- no listener ---

  @Test
  void noListener_afterRemoval_seesNothingMore() {
    record();
    assertNotNull(Decisions.listener());
    require(VIEW_X).check(() -> VIC, "ws", OP);
    assertEquals(1, seen.size());
    Decisions.setListener(null);
    assertNull(Decisions.listener());
    require(VIEW_X).check(() -> VIC, "ws", OP);
    assertThrows(AccessDeniedException.class, () -> require(DELETE_X).check(() -> VIC, "ws", OP));
    assertThrows(UnauthenticatedException.class, () -> require(VIEW_X).check(() -> null, "ws", OP));
    assertEquals(1, seen.size(), "a removed listener still saw decisions");
  }

  @Test
  void noListener_denialHasNothingSuppressed() {
    AccessDeniedException e =
        assertThrows(
            AccessDeniedException.class, () -> require(DELETE_X).check(() -> VIC, "ws", OP));
    assertEquals(0, e.getSuppressed().length);
  }

  @Test
  void listener_replaced_onlyTheNewOneSees() {
    List<Decision> other = new CopyOnWriteArrayList<>();
    record();
    Decisions.setListener(other::add);
    require(VIEW_X).check(() -> VIC, "ws", OP);
    assertEquals(0, seen.size());
    assertEquals(1, other.size());
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> void sneakyThrow(Throwable t) throws T {
    throw (T) t;
  }

  @Test
  void listenerThrowingAnErrorOrACheckedException_changesNoDecision(LogCapture.Lines log) {
    Requirement view = Requirement.allOf(permission(VIEW_X));
    Requirement delete = Requirement.allOf(permission(DELETE_X));
    Principal vic = user("vic").workspaceRole("ws", VIEWER).build();
    for (Throwable thrown : List.of(new Error("custom"), new java.io.IOException("checked"))) {
      Decisions.setListener(decision -> sneakyThrow(thrown));
      assertDoesNotThrow(() -> view.check(() -> vic, "ws", "Things.view"));
      AccessDeniedException denied =
          assertThrows(
              AccessDeniedException.class, () -> delete.check(() -> vic, "ws", "Things.delete"));
      assertSame(thrown, denied.getSuppressed()[0]);
    }
    List<String> stands =
        log.messages().stream().map(line -> line.substring(line.indexOf(" threw "))).toList();
    assertEquals(
        List.of(
            " threw java.lang.Error; the decision stands (allowed Things.view)",
            " threw java.lang.Error; the decision stands (denied Things.delete)",
            " threw java.io.IOException; the decision stands (allowed Things.view)",
            " threw java.io.IOException; the decision stands (denied Things.delete)"),
        stands);
  }
}
