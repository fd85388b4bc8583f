package dev.rolegate.samples;

import dev.rolegate.prefect.AccountRoles;
import dev.rolegate.prefect.WorkspaceRoles;
import dev.rolegate.runtime.AccountDirectory;
import dev.rolegate.runtime.CurrentPrincipal;
import dev.rolegate.runtime.InMemoryAccountDirectory;
import dev.rolegate.runtime.Principal;
import dev.rolegate.runtime.WorkspaceDefaults;
import dev.rolegate.samples.account.AccountSettings;
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
import dev.rolegate.samples.workspaces.WorkspaceInfo;
import dev.rolegate.samples.workspaces.Workspaces;
import java.util.List;

/**
 * A small, fixed data set in two accounts: {@value #ACME}, whose workspace {@value #WORKSPACE}
 * holds one object of each kind and which has a second workspace, {@value #STAGING}; and {@value
 * #GLOBEX}, with workspace {@value #GLOBEX_WORKSPACE} and one deployment. {@link #accounts()} says
 * which workspace is whose. The services exist only behind their generated guards (their
 * implementations are package-private), so the data is seeded through the guards too, as {@value
 * #SEEDER}, the OWNER of both accounts.
 */
public final class SampleData {
  /** The account of {@link #WORKSPACE} and {@link #STAGING}, where the table's roles are held. */
  public static final String ACME = "acct-acme";

  /** A second account, with workspace {@link #GLOBEX_WORKSPACE}. */
  public static final String GLOBEX = "acct-globex";

  /** The workspace of {@link #ACME} every table operation acts on. */
  public static final String WORKSPACE = "ws-prod";

  /** The second workspace of {@link #ACME}, empty. */
  public static final String STAGING = "ws-staging";

  /** The workspace of {@link #GLOBEX}. */
  public static final String GLOBEX_WORKSPACE = "ws-globex";

  /** A deployment in {@link #GLOBEX_WORKSPACE}. */
  public static final String GLOBEX_DEPLOYMENT = "d-globex-sync";

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

  /**
   * The service account (API key) the sample worker runs as: of {@link #ACME}, WORKER in {@link
   * #WORKSPACE}.
   */
  public static final String WORKER_KEY = "worker-key";

  /** The OWNER of both accounts who seeds the data, through the guards like anyone else. */
  public static final String SEEDER = "sample-data-owner";

  /** Which account each sample workspace belongs to; fixed, so shared by every set of services. */
  private static final InMemoryAccountDirectory ACCOUNTS =
      new InMemoryAccountDirectory().add(ACME, WORKSPACE, STAGING).add(GLOBEX, GLOBEX_WORKSPACE);

  private SampleData() {}

  /**
   * Returns the sample's account directory: {@value #WORKSPACE} and {@value #STAGING} belong to
   * {@value #ACME}, {@value #GLOBEX_WORKSPACE} to {@value #GLOBEX}; any other workspace is unknown
   * (denied). Every sample principal is built with it.
   */
  public static AccountDirectory accounts() {
    return ACCOUNTS;
  }

  /**
   * Returns fresh in-memory services holding the sample data, each behind its generated guard
   * (checking the principal bound to the calling thread), with their own workspace defaults (none
   * set).
   */
  public static PrefectServices seeded() {
    WorkspaceDefaults defaults = new WorkspaceDefaults(SampleRoles.CUSTOM.matrix());
    PrefectServices services =
        new PrefectServices(
            Deployments.inMemory(),
            Flows.inMemory(),
            Blocks.inMemory(),
            WorkPools.inMemory(),
            Automations.inMemory(),
            Notifications.inMemory(),
            ConcurrencyLimits.inMemory(),
            Workspaces.inMemory(
                List.of(
                    new WorkspaceInfo(WORKSPACE, "Production flows"),
                    new WorkspaceInfo(STAGING, "Staging"),
                    new WorkspaceInfo(GLOBEX_WORKSPACE, "Globex flows"))),
            Workspaces.members(defaults, SampleRoles.CUSTOM, ACCOUNTS),
            Accounts.settings(),
            Accounts.members(),
            Accounts.serviceAccounts(),
            Accounts.workspaceDirectory(),
            defaults);
    Principal seeder =
        Principal.user(SEEDER)
            .directory(ACCOUNTS)
            .member(ACME, AccountRoles.OWNER)
            .member(GLOBEX, AccountRoles.OWNER)
            .build();
    CurrentPrincipal.runAs(
        seeder,
        () -> {
          seedAccounts(services);
          seedWorkspace(services);
          services
              .deployments()
              .create(
                  GLOBEX_WORKSPACE,
                  new Deployment(GLOBEX_DEPLOYMENT, "hourly-sync", "flow-sync", "globex-pool"));
        });
    return services;
  }

  private static void seedAccounts(PrefectServices s) {
    s.account().edit(ACME, new AccountSettings("Acme", true));
    s.account().edit(GLOBEX, new AccountSettings("Globex", false));
    s.workspaces().create(ACME, WORKSPACE);
    s.workspaces().create(ACME, STAGING);
    s.workspaces().create(GLOBEX, GLOBEX_WORKSPACE);
    s.accountMembers().invite(ACME, MEMBER, AccountRoles.MEMBER);
    s.accountMembers().invite(ACME, TwoAccounts.ADA, AccountRoles.ADMIN);
    s.accountMembers().invite(ACME, TwoAccounts.CAROL, AccountRoles.MEMBER);
    s.accountMembers().invite(GLOBEX, TwoAccounts.ADA, AccountRoles.MEMBER);
    s.accountMembers().invite(GLOBEX, TwoAccounts.GUS, AccountRoles.MEMBER);
    s.serviceAccounts().create(ACME, WORKER_KEY);
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

  /**
   * Returns the worker's key: service account {@value #WORKER_KEY} of {@value #ACME}, WORKER in
   * {@link #WORKSPACE}, its account role left at the matrix default (MEMBER), under {@code
   * defaults}.
   */
  public static Principal workerKey(WorkspaceDefaults defaults) {
    return Principal.serviceAccount(WORKER_KEY)
        .directory(ACCOUNTS)
        .member(ACME)
        .workspaceRole(WORKSPACE, WorkspaceRoles.WORKER)
        .workspaceDefaults(defaults)
        .build();
  }
}
