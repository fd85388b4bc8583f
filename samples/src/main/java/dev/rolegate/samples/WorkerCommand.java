package dev.rolegate.samples;

import static dev.rolegate.samples.SampleData.ACME;
import static dev.rolegate.samples.SampleData.DEPLOYMENT;
import static dev.rolegate.samples.SampleData.WORKSPACE;
import static dev.rolegate.samples.SampleData.WORK_POOL;

import dev.rolegate.runtime.AccessDeniedException;
import dev.rolegate.runtime.CurrentPrincipal;
import dev.rolegate.runtime.Principal;
import dev.rolegate.runtime.PrincipalScope;
import dev.rolegate.samples.worker.SampleWorker;
import java.io.PrintStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The app's {@code worker} subcommand: the sample worker polls {@value SampleData#WORK_POOL} as its
 * key ({@value SampleData#WORKER_KEY}, WORKER in {@value SampleData#WORKSPACE}) and runs the
 * scheduled flow run; then the same key tries to delete a deployment, is denied, and the deployment
 * is shown to be still there.
 */
// -Xlint:try: each scope binds the principal for its block and is never read in it.
@SuppressWarnings("try")
final class WorkerCommand {
  private WorkerCommand() {}

  /**
   * Runs the demonstration; returns 0 when the worker succeeded and the delete was denied, else 1.
   */
  static int run(PrintStream out, PrintStream err) {
    PrefectServices guarded = SampleData.seeded();
    Principal key = SampleData.workerKey(guarded.defaults());
    out.println(
        key
            + " (account role "
            + key.accountRole(ACME).name()
            + " in "
            + ACME
            + ", "
            + key.workspaceRole(WORKSPACE).name()
            + " in "
            + WORKSPACE
            + ") works pool "
            + WORK_POOL
            + ":");
    SampleWorker worker =
        new SampleWorker(
            key, WORKSPACE, WORK_POOL, guarded.workPools(), guarded.deployments(), guarded.flows());
    ExecutorService infrastructure =
        Executors.newSingleThreadExecutor(
            task -> {
              Thread thread = new Thread(task, "infrastructure-1");
              thread.setDaemon(true);
              return thread;
            });
    SampleWorker.Poll poll;
    try {
      poll = worker.pollOnce(infrastructure);
    } catch (SecurityException denied) {
      // Access denied, or unauthenticated: a key that was not carried to the infrastructure thread.
      err.println("the worker was refused: " + denied.getMessage());
      return 1;
    } finally {
      infrastructure.shutdownNow();
    }
    poll.steps().forEach(step -> out.println("  " + step));
    out.println();
    out.println("The same key deleting deployment " + DEPLOYMENT + " is denied with:");
    boolean denied = deleteDeployment(key, guarded, out);
    boolean exists;
    try (PrincipalScope scope = CurrentPrincipal.bind(key)) {
      // The key may read deployments (WORKER holds VIEW_DEPLOYMENTS): it sees that its delete
      // failed.
      exists =
          guarded.deployments().list(WORKSPACE).stream().anyMatch(d -> d.id().equals(DEPLOYMENT));
    }
    out.println(
        exists
            ? "Deployment " + DEPLOYMENT + " still exists."
            : "Deployment " + DEPLOYMENT + " is gone.");
    return !poll.runs().isEmpty() && denied && exists ? 0 : 1;
  }

  /** Tries the delete as {@code key}; prints the denial; returns whether it was denied. */
  private static boolean deleteDeployment(Principal key, PrefectServices guarded, PrintStream out) {
    try (PrincipalScope scope = CurrentPrincipal.bind(key)) {
      guarded.deployments().delete(WORKSPACE, DEPLOYMENT);
      out.println("  (not denied: the guard let a WORKER delete a deployment)");
      return false;
    } catch (AccessDeniedException denied) {
      out.println("  " + denied.getMessage());
      return true;
    }
  }
}
