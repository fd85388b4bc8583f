package dev.rolegate.samples;

import dev.rolegate.prefect.AccountRoles;
import dev.rolegate.prefect.WorkspaceRoles;
import dev.rolegate.runtime.CurrentPrincipal;
import dev.rolegate.runtime.Principal;
import dev.rolegate.runtime.WorkspaceDefaults;
import dev.rolegate.samples.account.Accounts;
import dev.rolegate.samples.automations.Automations;
import dev.rolegate.samples.blocks.Blocks;
import dev.rolegate.samples.blocks.Secret;
import dev.rolegate.samples.concurrency.ConcurrencyLimits;
import dev.rolegate.samples.deployments.Deployment;
import dev.rolegate.samples.deployments.Deployments;
import dev.rolegate.samples.flows.Flow;
import dev.rolegate.samples.flows.Flows;
import dev.rolegate.samples.notifications.Notifications;
import dev.rolegate.samples.workpools.WorkPools;
import dev.rolegate.samples.workspaces.Workspaces;
import dev.rolegate.samples.workspaces.WorkspaceInfo;
import java.util.List;

/**
 * A small, fixed data set: one workspace ({@value #WORKSPACE}) with one object of each kind, and
 * the ids the operations catalogue acts on. The services exist only behind their generated guards
 * (their implementations are package-private), so the data is seeded through the guards too, as
 * the account's owner ({@value #SEEDER}).
 */
public final class SampleData {
  /** The workspace every sample operation acts on. */
  public static final String WORKSPACE = "ws-prod";
  /** A deployment of {@link #FLOW} on {@link #WORK_POOL}. */
  public static final String DEPLOYMENT = "d-nightly-etl";
  /** A run of {@link #DEPLOYMENT}, scheduled. */
  public static final String DEPLOYMENT_RUN = "run-1";
  /** A flow. */
  public static final String FLOW = "flow-etl";
  /** A run of {@link #FLOW}. */
  public static final String FLOW_RUN = "flow-run-1";
  /** A block holding {@link #BLOCK_SECRET}. */
  public static final String BLOCK = "block-1";
  /** The secret data of {@link #BLOCK}: must never show in output or messages. */
  public static final String BLOCK_SECRET = "AKIA-sample-secret-7f3c";
  /** A work pool with one queued run. */
  public static final String WORK_POOL = "k8s-pool";
  /** A notification policy. */
  public static final String POLICY = "policy-1";
  /** A user who is a member of {@link #WORKSPACE}. */
  public static final String MEMBER = "bob";
  /** The service account (API key) the sample worker runs as: WORKER in {@link #WORKSPACE}. */
  public static final String WORKER_KEY = "worker-key";
  /** The account OWNER who seeds the data, through the guards like anyone else. */
  public static final String SEEDER = "sample-data-owner";

  private SampleData() {}

  /**
   * Returns fresh in-memory services holding the sample data, each behind its generated guard
   * (checking the principal bound to the calling thread), with their own workspace defaults (none
   * set).
   */
  public static PrefectServices seeded() {
    WorkspaceDefaults defaults = new WorkspaceDefaults(SampleRoles.CUSTOM.matrix());
    PrefectServices services = new PrefectServices(
        Deployments.inMemory(), Flows.inMemory(), Blocks.inMemory(), WorkPools.inMemory(),
        Automations.inMemory(), Notifications.inMemory(), ConcurrencyLimits.inMemory(),
        Workspaces.inMemory(List.of(new WorkspaceInfo(WORKSPACE, "Production flows"))),
        Workspaces.members(defaults, SampleRoles.CUSTOM),
        Accounts.settings(), Accounts.members(), Accounts.serviceAccounts(),
        Accounts.workspaceDirectory(), defaults);
    Principal seeder = Principal.user(SEEDER).accountRole(AccountRoles.OWNER).build();
    CurrentPrincipal.runAs(seeder, () -> {
      services.workspaces().create(WORKSPACE);
      seedWorkspace(services);
      seedAccount(services);
    });
    return services;
  }

  private static void seedWorkspace(PrefectServices s) {
    s.flows().createFlow(WORKSPACE, new Flow(FLOW, "nightly-etl"));
    s.flows().createRun(WORKSPACE, FLOW);
    s.workPools().create(WORKSPACE, WORK_POOL, "kubernetes");
    s.deployments().create(WORKSPACE, new Deployment(DEPLOYMENT, "nightly", FLOW, WORK_POOL));
    s.deployments().run(WORKSPACE, DEPLOYMENT);
    s.workPools().submit(WORKSPACE, WORK_POOL, DEPLOYMENT);
    s.blocks().create(WORKSPACE, "aws-credentials", "prod-aws", Secret.of(BLOCK_SECRET));
    s.automations().create(WORKSPACE, "page on failure", "flow-run.failed", "send-notification");
    s.notifications().create(WORKSPACE, "FAILED", "slack:#alerts");
    s.concurrencyLimits().set(WORKSPACE, "database", 5);
    s.members().add(WORKSPACE, MEMBER, false, WorkspaceRoles.DEVELOPER);
    s.members().add(WORKSPACE, WORKER_KEY, true, WorkspaceRoles.WORKER);
  }

  private static void seedAccount(PrefectServices s) {
    s.accountMembers().invite(MEMBER, AccountRoles.MEMBER);
    s.serviceAccounts().create(WORKER_KEY);
  }

  /**
   * Returns the worker's key: service account {@value #WORKER_KEY}, WORKER in {@link #WORKSPACE},
   * its account role left at the matrix default (MEMBER), under {@code defaults}.
   */
  public static Principal workerKey(WorkspaceDefaults defaults) {
    return Principal.serviceAccount(WORKER_KEY)
        .workspaceRole(WORKSPACE, WorkspaceRoles.WORKER)
        .workspaceDefaults(defaults)
        .build();
  }
}
