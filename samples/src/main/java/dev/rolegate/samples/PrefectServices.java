package dev.rolegate.samples;

import dev.rolegate.runtime.WorkspaceDefaults;
import dev.rolegate.samples.account.AccountMemberService;
import dev.rolegate.samples.account.AccountSettingsService;
import dev.rolegate.samples.account.ServiceAccountService;
import dev.rolegate.samples.account.WorkspaceDirectoryService;
import dev.rolegate.samples.automations.AutomationService;
import dev.rolegate.samples.blocks.BlockService;
import dev.rolegate.samples.concurrency.ConcurrencyLimitService;
import dev.rolegate.samples.deployments.DeploymentService;
import dev.rolegate.samples.flows.FlowService;
import dev.rolegate.samples.notifications.NotificationPolicyService;
import dev.rolegate.samples.workpools.WorkPoolService;
import dev.rolegate.samples.workspaces.WorkspaceMemberService;
import dev.rolegate.samples.workspaces.WorkspaceService;

/**
 * The Prefect-like service layer, one service per area, and the workspace default roles that its
 * member service sets. {@link SampleData#seeded()} fills it with the in-memory services, each
 * behind its generated guard: the implementations are package-private and each area's factory
 * ({@code Deployments.inMemory()}, ...) hands out only the guard, so nothing here is unchecked.
 * Principals are built with {@code .directory(SampleData.accounts())} and {@code
 * .workspaceDefaults(services.defaults())}, so that a default role set through {@code
 * members().setDefaultRole} applies to the members of the workspace's account. Account-level
 * services name the account of each call; their data is kept per account.
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
    WorkspaceDefaults defaults) {}
