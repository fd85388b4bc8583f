package dev.rolegate.samples;

import dev.rolegate.annotations.AccountId;
import dev.rolegate.annotations.RequiresPermission;
import dev.rolegate.annotations.WorkspaceId;
import dev.rolegate.prefect.Permissions;

/**
 * One method per permission of the Prefect Cloud matrix, so that {@code MatrixCellTest} can ask the
 * generated {@code GuardedPermissionProbe} about every cell. Workspace permissions take the
 * workspace; account permissions take the account.
 */
public interface PermissionProbe {
  @RequiresPermission(Permissions.VIEW_AUTOMATIONS)
  void viewAutomations(@WorkspaceId String ws);

  @RequiresPermission(Permissions.MANAGE_AUTOMATIONS)
  void manageAutomations(@WorkspaceId String ws);

  @RequiresPermission(Permissions.VIEW_BLOCKS)
  void viewBlocks(@WorkspaceId String ws);

  @RequiresPermission(Permissions.VIEW_SECRET_BLOCK_DATA)
  void viewSecretBlockData(@WorkspaceId String ws);

  @RequiresPermission(Permissions.MANAGE_BLOCKS)
  void manageBlocks(@WorkspaceId String ws);

  @RequiresPermission(Permissions.VIEW_DEPLOYMENTS)
  void viewDeployments(@WorkspaceId String ws);

  @RequiresPermission(Permissions.RUN_DEPLOYMENTS)
  void runDeployments(@WorkspaceId String ws);

  @RequiresPermission(Permissions.CREATE_EDIT_DEPLOYMENTS)
  void createEditDeployments(@WorkspaceId String ws);

  @RequiresPermission(Permissions.DELETE_DEPLOYMENTS)
  void deleteDeployments(@WorkspaceId String ws);

  @RequiresPermission(Permissions.VIEW_FLOWS)
  void viewFlows(@WorkspaceId String ws);

  @RequiresPermission(Permissions.MANAGE_SAVED_SEARCH_FILTERS)
  void manageSavedSearchFilters(@WorkspaceId String ws);

  @RequiresPermission(Permissions.RUN_FLOWS)
  void runFlows(@WorkspaceId String ws);

  @RequiresPermission(Permissions.DELETE_FLOWS)
  void deleteFlows(@WorkspaceId String ws);

  @RequiresPermission(Permissions.VIEW_NOTIFICATION_POLICIES)
  void viewNotificationPolicies(@WorkspaceId String ws);

  @RequiresPermission(Permissions.CREATE_EDIT_NOTIFICATION_POLICIES)
  void createEditNotificationPolicies(@WorkspaceId String ws);

  @RequiresPermission(Permissions.DELETE_NOTIFICATION_POLICIES)
  void deleteNotificationPolicies(@WorkspaceId String ws);

  @RequiresPermission(Permissions.VIEW_CONCURRENCY_LIMITS)
  void viewConcurrencyLimits(@WorkspaceId String ws);

  @RequiresPermission(Permissions.MANAGE_CONCURRENCY_LIMITS)
  void manageConcurrencyLimits(@WorkspaceId String ws);

  @RequiresPermission(Permissions.VIEW_WORK_POOLS)
  void viewWorkPools(@WorkspaceId String ws);

  @RequiresPermission(Permissions.CREATE_EDIT_WORK_POOLS)
  void createEditWorkPools(@WorkspaceId String ws);

  @RequiresPermission(Permissions.DELETE_WORK_POOLS)
  void deleteWorkPools(@WorkspaceId String ws);

  @RequiresPermission(Permissions.VIEW_WORKSPACE_SERVICE_ACCOUNTS)
  void viewWorkspaceServiceAccounts(@WorkspaceId String ws);

  @RequiresPermission(Permissions.VIEW_WORKSPACE_USERS)
  void viewWorkspaceUsers(@WorkspaceId String ws);

  @RequiresPermission(Permissions.VIEW_WORKSPACE_SETTINGS)
  void viewWorkspaceSettings(@WorkspaceId String ws);

  @RequiresPermission(Permissions.EDIT_WORKSPACE_SETTINGS)
  void editWorkspaceSettings(@WorkspaceId String ws);

  @RequiresPermission(Permissions.DELETE_WORKSPACE)
  void deleteWorkspace(@WorkspaceId String ws);

  @RequiresPermission(Permissions.VIEW_WORKSPACE)
  void viewWorkspace(@WorkspaceId String ws);

  @RequiresPermission(Permissions.MANAGE_WORKSPACE_MEMBERS)
  void manageWorkspaceMembers(@WorkspaceId String ws);

  @RequiresPermission(Permissions.SET_DEFAULT_WORKSPACE_ROLE)
  void setDefaultWorkspaceRole(@WorkspaceId String ws);

  @RequiresPermission(Permissions.POLL_AND_SUBMIT_WORK)
  void pollAndSubmitWork(@WorkspaceId String ws);

  @RequiresPermission(Permissions.VIEW_ACCOUNT_SETTINGS)
  void viewAccountSettings(@AccountId String account);

  @RequiresPermission(Permissions.EDIT_ACCOUNT_SETTINGS)
  void editAccountSettings(@AccountId String account);

  @RequiresPermission(Permissions.VIEW_ACCOUNT_MEMBERS)
  void viewAccountMembers(@AccountId String account);

  @RequiresPermission(Permissions.MANAGE_ACCOUNT_MEMBERS)
  void manageAccountMembers(@AccountId String account);

  @RequiresPermission(Permissions.VIEW_SERVICE_ACCOUNTS)
  void viewServiceAccounts(@AccountId String account);

  @RequiresPermission(Permissions.MANAGE_SERVICE_ACCOUNTS)
  void manageServiceAccounts(@AccountId String account);

  @RequiresPermission(Permissions.VIEW_WORKSPACES)
  void viewWorkspaces(@AccountId String account);

  @RequiresPermission(Permissions.CREATE_WORKSPACES)
  void createWorkspaces(@AccountId String account);

  @RequiresPermission(Permissions.BYPASS_SSO)
  void bypassSso(@AccountId String account);
}
