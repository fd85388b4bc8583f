package dev.rolegate.samples;

import static dev.rolegate.samples.SampleData.DEPLOYMENT;
import static dev.rolegate.samples.SampleData.DEPLOYMENT_RUN;
import static dev.rolegate.samples.SampleData.WORKSPACE;
import static dev.rolegate.samples.SampleData.WORK_POOL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolegate.prefect.AccountRoles;
import dev.rolegate.prefect.Permissions;
import dev.rolegate.prefect.WorkspaceRoles;
import dev.rolegate.runtime.AccessDeniedException;
import dev.rolegate.runtime.CurrentPrincipal;
import dev.rolegate.runtime.Principal;
import dev.rolegate.runtime.PrincipalScope;
import dev.rolegate.runtime.UnauthenticatedException;
import dev.rolegate.samples.deployments.Deployment;
import dev.rolegate.samples.deployments.DeploymentRun;
import dev.rolegate.samples.deployments.DeploymentService;
import dev.rolegate.samples.deployments.GuardedDeploymentService;
import dev.rolegate.test.PrincipalExtension;
import dev.rolegate.test.WithPrincipal;
import dev.rolegate.test.WithServiceAccount;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The deployment service through its generated guard. Tests that run as one principal say so with
 * rolegate-test's {@code @WithPrincipal}; the extension also fails any test here that leaves a
 * principal bound.
 */
@ExtendWith(PrincipalExtension.class)
class DeploymentGuardTest {
  private final List<String> delegateCalls = new ArrayList<>();
  private DeploymentService plain;
  private DeploymentService guarded;

  @BeforeEach
  void setUp() {
    plain = OwnerView.of(SampleData.seeded()).deployments();
    guarded =
        GuardedDeploymentService.wrap(
            CallRecorder.recording(DeploymentService.class, plain, delegateCalls));
  }

  private static Principal role(String role) {
    return TestPrincipals.inWorkspace(WORKSPACE, role);
  }

  @Test
  @WithPrincipal(workspace = WORKSPACE, role = WorkspaceRoles.VIEWER)
  void allowedCallReturnsTheDelegatesResult() {
    Deployment read = guarded.read(WORKSPACE, DEPLOYMENT);
    assertEquals(plain.read(WORKSPACE, DEPLOYMENT), read);
    assertEquals(plain.list(WORKSPACE), guarded.list(WORKSPACE));
    assertEquals(List.of("read", "list"), delegateCalls);
  }

  @Test
  @WithPrincipal(workspace = WORKSPACE, role = WorkspaceRoles.RUNNER)
  void deniedCallThrowsAndNeverReachesTheDelegate() {
    assertThrows(AccessDeniedException.class, () -> guarded.delete(WORKSPACE, DEPLOYMENT));
    assertTrue(delegateCalls.isEmpty(), "delegate called: " + delegateCalls);
    assertEquals(1, plain.list(WORKSPACE).size(), "the deployment is still there");
  }

  @Test
  @WithPrincipal(workspace = WORKSPACE, role = WorkspaceRoles.DEVELOPER)
  void developerDeletes() {
    assertTrue(guarded.delete(WORKSPACE, DEPLOYMENT));
    assertTrue(plain.list(WORKSPACE).isEmpty());
  }

  @Test
  @WithServiceAccount(id = "ci-worker", workspace = WORKSPACE, role = WorkspaceRoles.WORKER)
  void workerServiceAccountCancelsButMayNotRun() {
    assertEquals("CANCELLED", guarded.cancelRun(WORKSPACE, DEPLOYMENT_RUN).state());
    assertThrows(AccessDeniedException.class, () -> guarded.run(WORKSPACE, DEPLOYMENT));
    assertEquals(List.of("cancelRun"), delegateCalls);
  }

  @Test
  void noPrincipalIsUnauthenticated() {
    assertThrows(UnauthenticatedException.class, () -> guarded.list(WORKSPACE));
    assertThrows(UnauthenticatedException.class, () -> guarded.delete(WORKSPACE, DEPLOYMENT));
    assertTrue(delegateCalls.isEmpty());
  }

  @Test
  void unguardedPingNeedsNoPrincipal() {
    assertEquals("pong", guarded.ping());
    assertEquals(List.of("ping"), delegateCalls);
  }

  @Test
  void denialMessageSaysWhoWhatWhereWhichRoleAndWhoMay() {
    Principal runner = role(WorkspaceRoles.RUNNER);
    AccessDeniedException denied =
        assertThrows(
            AccessDeniedException.class,
            () -> CurrentPrincipal.runAs(runner, () -> guarded.delete(WORKSPACE, DEPLOYMENT)));
    String message = denied.getMessage();
    assertTrue(message.contains(runner.id()), message);
    assertTrue(message.contains(Permissions.DELETE_DEPLOYMENTS), message);
    assertTrue(message.contains(WORKSPACE), message);
    assertTrue(message.contains(WorkspaceRoles.RUNNER), message);
    String allowed = message.substring(message.indexOf("llowed"));
    assertTrue(
        allowed.contains(WorkspaceRoles.DEVELOPER) && allowed.contains(WorkspaceRoles.OWNER),
        message);
    assertEquals(runner.id(), denied.principalId());
    assertEquals(List.of(Permissions.DELETE_DEPLOYMENTS), denied.permissions());
    assertEquals(WORKSPACE, denied.workspace());
  }

  @Test
  void missingOrBlankWorkspaceIsDeniedEvenForAccountOwner() {
    Principal owner = TestPrincipals.account(AccountRoles.OWNER);
    try (PrincipalScope scope = CurrentPrincipal.bind(owner)) {
      assertThrows(AccessDeniedException.class, () -> guarded.list(null));
      assertThrows(AccessDeniedException.class, () -> guarded.list(""));
      assertThrows(AccessDeniedException.class, () -> guarded.delete("  ", DEPLOYMENT));
      assertEquals(1, guarded.list(WORKSPACE).size(), "a named workspace is fine");
    }
    assertEquals(List.of("list"), delegateCalls);
  }

  @Test
  void roleInAnotherWorkspaceDoesNotCount() {
    Principal stagingDeveloper = TestPrincipals.inWorkspace("ws-staging", WorkspaceRoles.DEVELOPER);
    try (PrincipalScope scope = CurrentPrincipal.bind(stagingDeveloper)) {
      assertThrows(AccessDeniedException.class, () -> guarded.list(WORKSPACE));
      assertThrows(AccessDeniedException.class, () -> guarded.delete(WORKSPACE, DEPLOYMENT));
      assertTrue(guarded.list("ws-staging").isEmpty(), "allowed where the role is held");
    }
    assertEquals(1, plain.list(WORKSPACE).size());
  }

  @Test
  void valueWithTwoPermissionsNeedsBoth() {
    // WORKER sees work pools but may not run deployments; RUNNER holds both.
    AccessDeniedException denied =
        assertThrows(
            AccessDeniedException.class,
            () ->
                CurrentPrincipal.runAs(
                    role(WorkspaceRoles.WORKER),
                    () -> guarded.runOnPool(WORKSPACE, DEPLOYMENT, WORK_POOL)));
    assertEquals(
        List.of(Permissions.RUN_DEPLOYMENTS, Permissions.VIEW_WORK_POOLS), denied.permissions());
    assertTrue(denied.getMessage().contains(Permissions.RUN_DEPLOYMENTS), denied.getMessage());
    assertTrue(delegateCalls.isEmpty());
    CurrentPrincipal.runAs(
        role(WorkspaceRoles.RUNNER),
        () -> {
          DeploymentRun run = guarded.runOnPool(WORKSPACE, DEPLOYMENT, WORK_POOL);
          assertEquals(WORK_POOL, run.workPool());
        });
  }

  @Test
  void anyOfNeedsOnlyOne() {
    // RUNNER holds RUN_DEPLOYMENTS only, WORKER holds POLL_AND_SUBMIT_WORK only: both may cancel.
    for (String role : List.of(WorkspaceRoles.RUNNER, WorkspaceRoles.WORKER)) {
      CurrentPrincipal.runAs(
          role(role),
          () -> assertEquals("CANCELLED", guarded.cancelRun(WORKSPACE, DEPLOYMENT_RUN).state()));
    }
    assertThrows(
        AccessDeniedException.class,
        () ->
            CurrentPrincipal.runAs(
                role(WorkspaceRoles.VIEWER), () -> guarded.cancelRun(WORKSPACE, DEPLOYMENT_RUN)));
    assertEquals(List.of("cancelRun", "cancelRun"), delegateCalls);
  }

  @Test
  void explicitPrincipalSourceIsUsedInsteadOfTheThreadBinding() {
    Principal developer = role(WorkspaceRoles.DEVELOPER);
    DeploymentService viaSource = GuardedDeploymentService.wrap(plain, () -> developer);
    assertTrue(viaSource.delete(WORKSPACE, DEPLOYMENT), "no thread binding needed");
    DeploymentService nobody = GuardedDeploymentService.wrap(plain, () -> null);
    assertThrows(UnauthenticatedException.class, () -> nobody.list(WORKSPACE));
  }

  @Test
  @WithPrincipal(workspace = WORKSPACE, role = WorkspaceRoles.VIEWER)
  void delegateExceptionsPassThroughUnchanged() {
    RuntimeException thrown =
        assertThrows(RuntimeException.class, () -> guarded.read(WORKSPACE, "nope"));
    assertSame(NoSuchElementException.class, thrown.getClass());
  }
}
