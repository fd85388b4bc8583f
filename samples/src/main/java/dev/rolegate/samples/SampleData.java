package dev.rolegate.samples;

import dev.rolegate.prefect.AccountRoles;
import dev.rolegate.prefect.WorkspaceRoles;
import dev.rolegate.runtime.Principal;
import dev.rolegate.runtime.WorkspaceDefaults;
import dev.rolegate.samples.account.InMemoryAccountMemberService;
import dev.rolegate.samples.account.InMemoryAccountSettingsService;
import dev.rolegate.samples.account.InMemoryServiceAccountService;
import dev.rolegate.samples.account.InMemoryWorkspaceDirectoryService;
import dev.rolegate.samples.automations.InMemoryAutomationService;
import dev.rolegate.samples.blocks.InMemoryBlockService;
import dev.rolegate.samples.blocks.Secret;
import dev.rolegate.samples.concurrency.InMemoryConcurrencyLimitService;
import dev.rolegate.samples.deployments.Deployment;
import dev.rolegate.samples.deployments.InMemoryDeploymentService;
import dev.rolegate.samples.flows.Flow;
import dev.rolegate.samples.flows.InMemoryFlowService;
import dev.rolegate.samples.notifications.InMemoryNotificationPolicyService;
import dev.rolegate.samples.workpools.InMemoryWorkPoolService;
import dev.rolegate.samples.workspaces.InMemoryWorkspaceMemberService;
import dev.rolegate.samples.workspaces.InMemoryWorkspaceService;
import dev.rolegate.samples.workspaces.WorkspaceInfo;

/**
 * A small, fixed data set: one workspace ({@value #WORKSPACE}) with one object of each kind, and
 * the ids the operations catalogue acts on. Seeding calls the in-memory implementations directly,
 * before any guard exists.
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

  private SampleData() {}

  /**
   * Returns fresh in-memory services (unguarded) holding the sample data, with their own
   * workspace defaults (none set).
   */
  public static PrefectServices seeded() {
    WorkspaceDefaults defaults = new WorkspaceDefaults(SampleRoles.CUSTOM.matrix());
    InMemoryWorkspaceService workspace = new InMemoryWorkspaceService();
    workspace.add(new WorkspaceInfo(WORKSPACE, "Production flows"));
    InMemoryWorkspaceDirectoryService directory = new InMemoryWorkspaceDirectoryService();
    directory.create(WORKSPACE);
    PrefectServices services = new PrefectServices(
        new InMemoryDeploymentService(), new InMemoryFlowService(), new InMemoryBlockService(),
        new InMemoryWorkPoolService(), new InMemoryAutomationService(),
        new InMemoryNotificationPolicyService(), new InMemoryConcurrencyLimitService(), workspace,
        new InMemoryWorkspaceMemberService(defaults, SampleRoles.CUSTOM),
        new InMemoryAccountSettingsService(), new InMemoryAccountMemberService(),
        new InMemoryServiceAccountService(), directory, defaults);
    seedWorkspace(services);
    seedAccount(services);
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
