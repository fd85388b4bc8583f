package dev.rolegate.samples;

import dev.rolegate.runtime.PrincipalSource;
import dev.rolegate.runtime.WorkspaceDefaults;
import dev.rolegate.samples.account.AccountMemberService;
import dev.rolegate.samples.account.AccountSettingsService;
import dev.rolegate.samples.account.GuardedAccountMemberService;
import dev.rolegate.samples.account.GuardedAccountSettingsService;
import dev.rolegate.samples.account.GuardedServiceAccountService;
import dev.rolegate.samples.account.GuardedWorkspaceDirectoryService;
import dev.rolegate.samples.account.ServiceAccountService;
import dev.rolegate.samples.account.WorkspaceDirectoryService;
import dev.rolegate.samples.automations.AutomationService;
import dev.rolegate.samples.automations.GuardedAutomationService;
import dev.rolegate.samples.blocks.BlockService;
import dev.rolegate.samples.blocks.GuardedBlockService;
import dev.rolegate.samples.concurrency.ConcurrencyLimitService;
import dev.rolegate.samples.concurrency.GuardedConcurrencyLimitService;
import dev.rolegate.samples.deployments.DeploymentService;
import dev.rolegate.samples.deployments.GuardedDeploymentService;
import dev.rolegate.samples.flows.FlowService;
import dev.rolegate.samples.flows.GuardedFlowService;
import dev.rolegate.samples.notifications.GuardedNotificationPolicyService;
import dev.rolegate.samples.notifications.NotificationPolicyService;
import dev.rolegate.samples.workpools.GuardedWorkPoolService;
import dev.rolegate.samples.workpools.WorkPoolService;
import dev.rolegate.samples.workspaces.GuardedWorkspaceMemberService;
import dev.rolegate.samples.workspaces.GuardedWorkspaceService;
import dev.rolegate.samples.workspaces.WorkspaceMemberService;
import dev.rolegate.samples.workspaces.WorkspaceService;

/**
 * The Prefect-like service layer, one service per area, and the workspace default roles that its
 * member service sets. {@link SampleData#seeded()} gives the in-memory implementations; {@link
 * #guarded()} wraps every one in its generated guard, which is what callers should be handed.
 * Principals of this account are built with {@code .workspaceDefaults(services.defaults())}, so
 * that a default role set through {@code members().setDefaultRole} applies to them.
 */
public record PrefectServices(
    DeploymentService deployments,
    FlowService flows,
    BlockService blocks,
    WorkPoolService workPools,
    AutomationService automations,
    NotificationPolicyService notifications,
    ConcurrencyLimitService concurrencyLimits,
    WorkspaceService workspace,
    WorkspaceMemberService members,
    AccountSettingsService account,
    AccountMemberService accountMembers,
    ServiceAccountService serviceAccounts,
    WorkspaceDirectoryService workspaces,
    WorkspaceDefaults defaults) {

  /** Returns these services behind guards that check the principal bound to the calling thread. */
  public PrefectServices guarded() {
    return new PrefectServices(
        GuardedDeploymentService.wrap(deployments),
        GuardedFlowService.wrap(flows),
        GuardedBlockService.wrap(blocks),
        GuardedWorkPoolService.wrap(workPools),
        GuardedAutomationService.wrap(automations),
        GuardedNotificationPolicyService.wrap(notifications),
        GuardedConcurrencyLimitService.wrap(concurrencyLimits),
        GuardedWorkspaceService.wrap(workspace),
        GuardedWorkspaceMemberService.wrap(members),
        GuardedAccountSettingsService.wrap(account),
        GuardedAccountMemberService.wrap(accountMembers),
        GuardedServiceAccountService.wrap(serviceAccounts),
        GuardedWorkspaceDirectoryService.wrap(workspaces),
        defaults);
  }

  /** Returns these services behind guards that ask {@code source} for the calling principal. */
  public PrefectServices guarded(PrincipalSource source) {
    return new PrefectServices(
        GuardedDeploymentService.wrap(deployments, source),
        GuardedFlowService.wrap(flows, source),
        GuardedBlockService.wrap(blocks, source),
        GuardedWorkPoolService.wrap(workPools, source),
        GuardedAutomationService.wrap(automations, source),
        GuardedNotificationPolicyService.wrap(notifications, source),
        GuardedConcurrencyLimitService.wrap(concurrencyLimits, source),
        GuardedWorkspaceService.wrap(workspace, source),
        GuardedWorkspaceMemberService.wrap(members, source),
        GuardedAccountSettingsService.wrap(account, source),
        GuardedAccountMemberService.wrap(accountMembers, source),
        GuardedServiceAccountService.wrap(serviceAccounts, source),
        GuardedWorkspaceDirectoryService.wrap(workspaces, source),
        defaults);
  }
}
