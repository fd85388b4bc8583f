package dev.rolegate.samples.worker;

import dev.rolegate.runtime.CurrentPrincipal;
import dev.rolegate.runtime.Principal;
import dev.rolegate.runtime.PrincipalScope;
import dev.rolegate.samples.deployments.Deployment;
import dev.rolegate.samples.deployments.DeploymentService;
import dev.rolegate.samples.flows.Flow;
import dev.rolegate.samples.flows.FlowRun;
import dev.rolegate.samples.flows.FlowService;
import dev.rolegate.samples.workpools.WorkItem;
import dev.rolegate.samples.workpools.WorkPool;
import dev.rolegate.samples.workpools.WorkPoolService;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * A Prefect worker in miniature, running as its own key (a service account holding WORKER): it
 * checks its work pool, takes the scheduled work waiting there, reads each item's deployment and
 * flow, submits a flow run and executes it on the infrastructure executor, which reports the run's
 * state. Every call goes through the guarded services it is given, so the key needs exactly the
 * WORKER permissions: VIEW_WORK_POOLS, POLL_AND_SUBMIT_WORK, VIEW_DEPLOYMENTS and VIEW_FLOWS.
 *
 * <p>The execution runs on another thread; {@link CurrentPrincipal#propagating(Executor)} carries
 * the key there and restores the pool thread's own state afterwards.
 */
public final class SampleWorker {
  private final Principal key;
  private final String workspace;
  private final String pool;
  private final WorkPoolService pools;
  private final DeploymentService deployments;
  private final FlowService flows;

  /**
   * Creates a worker of {@code pool} in {@code workspace} that calls the services as {@code key}.
   */
  public SampleWorker(
      Principal key,
      String workspace,
      String pool,
      WorkPoolService pools,
      DeploymentService deployments,
      FlowService flows) {
    this.key = Objects.requireNonNull(key, "key");
    this.workspace = Objects.requireNonNull(workspace, "workspace");
    this.pool = Objects.requireNonNull(pool, "pool");
    this.pools = Objects.requireNonNull(pools, "work pool service");
    this.deployments = Objects.requireNonNull(deployments, "deployment service");
    this.flows = Objects.requireNonNull(flows, "flow service");
  }

  /**
   * What one poll did.
   *
   * @param steps one line per call, naming the permission it needed
   * @param runs the flow runs submitted, in their final state
   */
  public record Poll(List<String> steps, List<FlowRun> runs) {
    /** Copies the lists. */
    public Poll {
      steps = List.copyOf(steps);
      runs = List.copyOf(runs);
    }
  }

  /**
   * Polls the pool once as the worker's key and runs each scheduled item to completion on {@code
   * infrastructure}; returns what it did. A paused pool gives no work.
   *
   * @throws dev.rolegate.runtime.AccessDeniedException if the key lacks a permission the worker
   *     needs
   */
  // -Xlint:try: the scope binds the principal for the block and is never read in it.
  @SuppressWarnings("try")
  public Poll pollOnce(Executor infrastructure) {
    Executor carrying = CurrentPrincipal.propagating(infrastructure);
    List<String> steps = new ArrayList<>();
    List<FlowRun> runs = new ArrayList<>();
    try (PrincipalScope scope = CurrentPrincipal.bind(key)) {
      WorkPool found =
          pools.list(workspace).stream()
              .filter(p -> p.name().equals(pool))
              .findFirst()
              .orElseThrow(
                  () -> new IllegalStateException("no work pool " + pool + " in " + workspace));
      steps.add(
          "found work pool "
              + pool
              + " ("
              + found.type()
              + (found.paused() ? ", paused" : "")
              + ")  [VIEW_WORK_POOLS]");
      List<WorkItem> items = pools.poll(workspace, pool);
      steps.add("polled " + pool + ": " + describe(items) + "  [POLL_AND_SUBMIT_WORK]");
      for (WorkItem item : items) {
        runs.add(execute(item, carrying, steps));
      }
    }
    return new Poll(steps, runs);
  }

  private static String describe(List<WorkItem> items) {
    if (items.isEmpty()) {
      return "no scheduled work";
    }
    List<String> each =
        items.stream().map(item -> item.id() + " for deployment " + item.deploymentId()).toList();
    return items.size() + " scheduled (" + String.join(", ", each) + ")";
  }

  private FlowRun execute(WorkItem item, Executor carrying, List<String> steps) {
    Deployment deployment = deployments.read(workspace, item.deploymentId());
    steps.add(
        "read deployment "
            + deployment.id()
            + " ("
            + deployment.name()
            + ") of flow "
            + deployment.flowId()
            + "  [VIEW_DEPLOYMENTS]");
    Flow flow = flows.readFlow(workspace, deployment.flowId());
    steps.add("read flow " + flow.id() + " (" + flow.name() + ")  [VIEW_FLOWS]");
    FlowRun submitted = flows.submitRun(workspace, flow.id());
    steps.add(
        "submitted flow run "
            + submitted.id()
            + ": "
            + submitted.state()
            + "  [POLL_AND_SUBMIT_WORK]");
    Executed executed = onInfrastructure(() -> run(submitted), carrying);
    steps.add(
        "ran "
            + submitted.id()
            + " on thread "
            + executed.thread()
            + ": reported RUNNING, then "
            + executed.run().state()
            + "  [POLL_AND_SUBMIT_WORK]");
    return executed.run();
  }

  /** A flow run's final state and the thread it ran on. */
  private record Executed(FlowRun run, String thread) {}

  /** The flow run's execution, on an infrastructure thread: reports its state as it goes. */
  private Executed run(FlowRun submitted) {
    flows.reportRunState(workspace, submitted.id(), "RUNNING");
    FlowRun done = flows.reportRunState(workspace, submitted.id(), "COMPLETED");
    return new Executed(done, Thread.currentThread().getName());
  }

  /** Runs {@code task} on {@code executor} and waits; rethrows what it threw, unwrapped. */
  private static <T> T onInfrastructure(Supplier<T> task, Executor executor) {
    try {
      return CompletableFuture.supplyAsync(task, executor).join();
    } catch (CompletionException failed) {
      if (failed.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw failed;
    }
  }
}
