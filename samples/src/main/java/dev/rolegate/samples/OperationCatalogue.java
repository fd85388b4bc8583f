package dev.rolegate.samples;

import static dev.rolegate.samples.SampleData.ACME;
import static dev.rolegate.samples.SampleData.BLOCK;
import static dev.rolegate.samples.SampleData.DEPLOYMENT;
import static dev.rolegate.samples.SampleData.DEPLOYMENT_RUN;
import static dev.rolegate.samples.SampleData.FLOW;
import static dev.rolegate.samples.SampleData.FLOW_RUN;
import static dev.rolegate.samples.SampleData.POLICY;
import static dev.rolegate.samples.SampleData.WORKSPACE;
import static dev.rolegate.samples.SampleData.WORK_POOL;

import dev.rolegate.prefect.AccountRoles;
import dev.rolegate.prefect.WorkspaceRoles;
import dev.rolegate.samples.account.AccountSettings;
import dev.rolegate.samples.blocks.Secret;
import dev.rolegate.samples.deployments.Deployment;
import dev.rolegate.samples.workspaces.WorkspaceSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The operations the sample app tries as each role: every area of the service layer, each acting on
 * {@link SampleData} in workspace {@value SampleData#WORKSPACE}, or for account-level services in
 * its account, {@value SampleData#ACME}. Rows are in a stable order; labels are unique.
 */
public final class OperationCatalogue {
  private OperationCatalogue() {}

  /** Returns every operation, area by area. */
  public static List<Operation> all() {
    List<Operation> ops = new ArrayList<>();
    ops.add(op("health.ping", s -> s.deployments().ping()));
    deployments(ops);
    flows(ops);
    blocks(ops);
    workPools(ops);
    automationsNotificationsLimits(ops);
    workspace(ops);
    account(ops);
    return List.copyOf(ops);
  }

  private static Operation op(String label, Consumer<PrefectServices> call) {
    return new Operation(label, call);
  }

  private static void deployments(List<Operation> ops) {
    ops.add(op("deployments.list", s -> s.deployments().list(WORKSPACE)));
    ops.add(op("deployments.run", s -> s.deployments().run(WORKSPACE, DEPLOYMENT)));
    ops.add(
        op(
            "deployments.runOnPool",
            s -> s.deployments().runOnPool(WORKSPACE, DEPLOYMENT, WORK_POOL)));
    ops.add(op("deployments.cancelRun", s -> s.deployments().cancelRun(WORKSPACE, DEPLOYMENT_RUN)));
    ops.add(
        op(
            "deployments.create",
            s ->
                s.deployments()
                    .create(WORKSPACE, new Deployment("d-hourly", "hourly", FLOW, WORK_POOL))));
    ops.add(op("deployments.delete", s -> s.deployments().delete(WORKSPACE, DEPLOYMENT)));
  }

  private static void flows(List<Operation> ops) {
    ops.add(op("flows.list", s -> s.flows().listFlows(WORKSPACE)));
    ops.add(op("flows.createRun", s -> s.flows().createRun(WORKSPACE, FLOW)));
    ops.add(op("flows.submitRun", s -> s.flows().submitRun(WORKSPACE, FLOW)));
    ops.add(op("flows.deleteRun", s -> s.flows().deleteRun(WORKSPACE, FLOW_RUN)));
    ops.add(op("flows.delete", s -> s.flows().deleteFlow(WORKSPACE, FLOW)));
    ops.add(op("flows.saveSearch", s -> s.flows().saveSearch(WORKSPACE, "failed", "state:FAILED")));
  }

  private static void blocks(List<Operation> ops) {
    ops.add(op("blocks.list", s -> s.blocks().list(WORKSPACE)));
    ops.add(op("blocks.readSecret", s -> s.blocks().readSecret(WORKSPACE, BLOCK)));
    ops.add(
        op(
            "blocks.create",
            s ->
                s.blocks()
                    .create(WORKSPACE, "slack-webhook", "alerts", Secret.of("https://hooks/x"))));
    ops.add(op("blocks.delete", s -> s.blocks().delete(WORKSPACE, BLOCK)));
  }

  private static void workPools(List<Operation> ops) {
    ops.add(op("workPools.list", s -> s.workPools().list(WORKSPACE)));
    ops.add(op("workPools.create", s -> s.workPools().create(WORKSPACE, "docker-pool", "docker")));
    ops.add(op("workPools.pause", s -> s.workPools().pause(WORKSPACE, WORK_POOL)));
    ops.add(op("workPools.delete", s -> s.workPools().delete(WORKSPACE, WORK_POOL)));
    ops.add(op("workPools.poll", s -> s.workPools().poll(WORKSPACE, WORK_POOL)));
  }

  private static void automationsNotificationsLimits(List<Operation> ops) {
    ops.add(op("automations.list", s -> s.automations().list(WORKSPACE)));
    ops.add(
        op(
            "automations.create",
            s -> s.automations().create(WORKSPACE, "retry", "flow-run.crashed", "retry")));
    ops.add(op("notifications.list", s -> s.notifications().list(WORKSPACE)));
    ops.add(
        op(
            "notifications.create",
            s -> s.notifications().create(WORKSPACE, "CRASHED", "email:oncall@example.com")));
    ops.add(op("notifications.delete", s -> s.notifications().delete(WORKSPACE, POLICY)));
    ops.add(op("concurrencyLimits.list", s -> s.concurrencyLimits().list(WORKSPACE)));
    ops.add(op("concurrencyLimits.set", s -> s.concurrencyLimits().set(WORKSPACE, "database", 10)));
  }

  private static void workspace(List<Operation> ops) {
    ops.add(op("workspace.describe", s -> s.workspace().describe(WORKSPACE)));
    ops.add(op("workspace.settings", s -> s.workspace().settings(WORKSPACE)));
    ops.add(
        op(
            "workspace.editSettings",
            s -> s.workspace().editSettings(WORKSPACE, new WorkspaceSettings(7, false))));
    ops.add(op("workspace.delete", s -> s.workspace().delete(WORKSPACE)));
    ops.add(op("members.listUsers", s -> s.members().listUsers(WORKSPACE)));
    ops.add(op("members.listServiceAccounts", s -> s.members().listServiceAccounts(WORKSPACE)));
    ops.add(
        op("members.add", s -> s.members().add(WORKSPACE, "carol", false, WorkspaceRoles.RUNNER)));
    ops.add(
        op(
            "members.setDefaultRole",
            s -> s.members().setDefaultRole(WORKSPACE, WorkspaceRoles.VIEWER)));
  }

  private static void account(List<Operation> ops) {
    ops.add(op("account.settings", s -> s.account().settings(ACME)));
    ops.add(op("account.edit", s -> s.account().edit(ACME, new AccountSettings("Acme Inc", true))));
    ops.add(op("account.bypassSso", s -> s.account().bypassSso(ACME)));
    ops.add(op("accountMembers.list", s -> s.accountMembers().list(ACME)));
    ops.add(
        op(
            "accountMembers.invite",
            s -> s.accountMembers().invite(ACME, "dave", AccountRoles.ADMIN)));
    ops.add(op("serviceAccounts.list", s -> s.serviceAccounts().list(ACME)));
    ops.add(op("serviceAccounts.create", s -> s.serviceAccounts().create(ACME, "deploy-bot")));
    ops.add(op("workspaces.list", s -> s.workspaces().list(ACME)));
    ops.add(op("workspaces.create", s -> s.workspaces().create(ACME, "ws-dev")));
  }
}
