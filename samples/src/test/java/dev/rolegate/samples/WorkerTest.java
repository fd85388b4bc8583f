package dev.rolegate.samples;

import static dev.rolegate.samples.SampleData.DEPLOYMENT;
import static dev.rolegate.samples.SampleData.FLOW;
import static dev.rolegate.samples.SampleData.WORKSPACE;
import static dev.rolegate.samples.SampleData.WORK_POOL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolegate.prefect.AccountRoles;
import dev.rolegate.prefect.Permissions;
import dev.rolegate.prefect.WorkspaceRoles;
import dev.rolegate.runtime.AccessDeniedException;
import dev.rolegate.runtime.CurrentPrincipal;
import dev.rolegate.runtime.Principal;
import dev.rolegate.runtime.PrincipalKind;
import dev.rolegate.samples.flows.FlowRun;
import dev.rolegate.samples.worker.SampleWorker;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sample worker end to end: a WORKER key polls, submits and reports through the guards. */
class WorkerTest {
  private final PrefectServices guarded = SampleData.seeded();

  /** The same services, read as the account OWNER. */
  private final PrefectServices plain = OwnerView.of(guarded);

  private final ExecutorService infrastructure = Executors.newSingleThreadExecutor();

  @AfterEach
  void stopInfrastructure() throws InterruptedException {
    infrastructure.shutdownNow();
    assertTrue(infrastructure.awaitTermination(5, TimeUnit.SECONDS));
  }

  private SampleWorker worker(Principal key) {
    return new SampleWorker(
        key, WORKSPACE, WORK_POOL, guarded.workPools(), guarded.deployments(), guarded.flows());
  }

  @Test
  void workerKeyIsAServiceAccountWhoseAccountRoleDefaultsToMember() {
    Principal key = SampleData.workerKey(plain.defaults());
    assertEquals(PrincipalKind.SERVICE_ACCOUNT, key.kind());
    assertEquals(List.of(SampleData.ACME), List.copyOf(key.accounts().keySet()), "one account");
    assertEquals(AccountRoles.MEMBER, key.accountRole(SampleData.ACME).name());
    assertEquals(WorkspaceRoles.WORKER, key.workspaceRole(WORKSPACE).name());
  }

  @Test
  void workerPollsSubmitsAndReportsTheScheduledRun() {
    SampleWorker.Poll poll =
        worker(SampleData.workerKey(plain.defaults())).pollOnce(infrastructure);
    assertEquals(1, poll.runs().size(), poll.steps().toString());
    FlowRun run = poll.runs().get(0);
    assertEquals("COMPLETED", run.state());
    assertEquals(FLOW, run.flowId());
    assertTrue(plain.flows().listRuns(WORKSPACE, FLOW).contains(run), "stored as reported");
    assertEquals(List.of(), plain.workPools().poll(WORKSPACE, WORK_POOL), "the work was taken");
    String steps = String.join("\n", poll.steps());
    for (String permission :
        List.of(
            Permissions.VIEW_WORK_POOLS,
            Permissions.POLL_AND_SUBMIT_WORK,
            Permissions.VIEW_DEPLOYMENTS,
            Permissions.VIEW_FLOWS)) {
      assertTrue(steps.contains("[" + permission + "]"), permission + " in:\n" + steps);
    }
  }

  @Test
  void sameKeyCannotDeleteADeployment() {
    Principal key = SampleData.workerKey(plain.defaults());
    worker(key).pollOnce(infrastructure);
    AccessDeniedException denied =
        assertThrows(
            AccessDeniedException.class,
            () ->
                CurrentPrincipal.runAs(
                    key, () -> guarded.deployments().delete(WORKSPACE, DEPLOYMENT)));
    assertTrue(
        denied.getMessage().startsWith("access denied: service account worker-key"),
        denied.getMessage());
    assertTrue(denied.getMessage().contains("holds WORKER there"), denied.getMessage());
    assertEquals(DEPLOYMENT, plain.deployments().read(WORKSPACE, DEPLOYMENT).id(), "still there");
  }

  @Test
  void keyWithoutPollPermissionTakesNoWork() {
    for (String role : List.of(WorkspaceRoles.VIEWER, WorkspaceRoles.RUNNER)) {
      Principal key =
          Principal.serviceAccount("key-" + role)
              .directory(SampleData.accounts())
              .member(SampleData.ACME)
              .workspaceRole(WORKSPACE, role)
              .build();
      AccessDeniedException denied =
          assertThrows(AccessDeniedException.class, () -> worker(key).pollOnce(infrastructure));
      assertEquals(List.of(Permissions.POLL_AND_SUBMIT_WORK), denied.permissions());
    }
    Principal noRole =
        Principal.serviceAccount("key-without-role")
            .directory(SampleData.accounts())
            .member(SampleData.ACME)
            .build();
    assertThrows(AccessDeniedException.class, () -> worker(noRole).pollOnce(infrastructure));
    assertEquals(
        1, plain.workPools().poll(WORKSPACE, WORK_POOL).size(), "the work is still queued");
  }

  @Test
  void submittingAndReportingRunsTakesPollAndSubmitWork() {
    CurrentPrincipal.runAs(
        TestPrincipals.inWorkspace(WORKSPACE, WorkspaceRoles.RUNNER),
        () -> {
          assertThrows(
              AccessDeniedException.class, () -> guarded.flows().submitRun(WORKSPACE, FLOW));
          assertThrows(
              AccessDeniedException.class,
              () -> guarded.flows().reportRunState(WORKSPACE, "flow-run-1", "FAILED"));
        });
    assertEquals("RUNNING", plain.flows().listRuns(WORKSPACE, FLOW).get(0).state(), "unchanged");
    CurrentPrincipal.runAs(
        TestPrincipals.inWorkspace(WORKSPACE, WorkspaceRoles.DEVELOPER),
        () -> assertEquals("PENDING", guarded.flows().submitRun(WORKSPACE, FLOW).state()));
    // A WORKER cannot create a run the way people do (RUN_FLOWS).
    assertThrows(
        AccessDeniedException.class,
        () ->
            CurrentPrincipal.runAs(
                SampleData.workerKey(plain.defaults()),
                () -> guarded.flows().createRun(WORKSPACE, FLOW)));
  }

  @Test
  void principalDoesNotStayOnAnyThread() throws Exception {
    worker(SampleData.workerKey(plain.defaults())).pollOnce(infrastructure);
    assertEquals(Optional.empty(), CurrentPrincipal.get(), "the caller's thread is unbound again");
    assertEquals(
        Optional.empty(),
        infrastructure.submit(CurrentPrincipal::get).get(5, TimeUnit.SECONDS),
        "the infrastructure thread is unbound again");
  }

  @Test
  void pausedPoolGivesNoWork() {
    plain.workPools().pause(WORKSPACE, WORK_POOL);
    SampleWorker.Poll poll =
        worker(SampleData.workerKey(plain.defaults())).pollOnce(infrastructure);
    assertEquals(List.of(), poll.runs());
    assertTrue(poll.steps().get(1).contains("no scheduled work"), poll.steps().toString());
  }

  @Test
  void workerSubcommandRunsTheWorkerAndShowsTheDenial() {
    AppRun run = AppRun.of("worker");
    assertEquals(0, run.status(), run.err());
    assertEquals("", run.err());
    List<String> lines = run.outLines();
    assertEquals(
        "service account worker-key (account role MEMBER in acct-acme, WORKER in ws-prod) works"
            + " pool k8s-pool:",
        lines.get(0));
    assertTrue(run.out().contains("submitted flow run flow-run-2: PENDING"), run.out());
    assertTrue(run.out().contains("reported RUNNING, then COMPLETED"), run.out());
    assertTrue(
        run.out()
            .contains(
                "  access denied: service account worker-key may not call "
                    + "DeploymentService.delete, which requires DELETE_DEPLOYMENTS"),
        run.out());
    assertEquals("Deployment " + DEPLOYMENT + " still exists.", lines.get(lines.size() - 1));
  }
}
