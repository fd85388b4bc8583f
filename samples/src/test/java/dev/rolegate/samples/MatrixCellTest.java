package dev.rolegate.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolegate.prefect.AccountRoles;
import dev.rolegate.prefect.Permissions;
import dev.rolegate.prefect.WorkspaceRoles;
import dev.rolegate.runtime.AccessDeniedException;
import dev.rolegate.runtime.CurrentPrincipal;
import dev.rolegate.runtime.Principal;
import dev.rolegate.runtime.PrincipalScope;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks every cell of the Prefect Cloud matrix through a generated guard ({@code
 * GuardedPermissionProbe}) against tables written by hand from {@code MATRIX.md}: the expected
 * values are not computed by the code under test. Every call acts in account {@value
 * SampleData#ACME}: in its workspace {@value SampleData#WORKSPACE}, or naming the account; the
 * principals are members of it, and an OWNER of {@value SampleData#GLOBEX} only holds nothing.
 */
class MatrixCellTest {
  private static final String WS = SampleData.WORKSPACE;
  private static final String ACCOUNT = SampleData.ACME;

  /** Workspace permission, then the built-in workspace roles that hold it (after closure). */
  private static final String WORKSPACE_EXPECTED =
      """
      VIEW_AUTOMATIONS                   VIEWER RUNNER DEVELOPER OWNER
      MANAGE_AUTOMATIONS                 DEVELOPER OWNER
      VIEW_BLOCKS                        VIEWER RUNNER DEVELOPER OWNER
      VIEW_SECRET_BLOCK_DATA             DEVELOPER OWNER
      MANAGE_BLOCKS                      DEVELOPER OWNER
      VIEW_DEPLOYMENTS                   VIEWER RUNNER DEVELOPER OWNER WORKER
      RUN_DEPLOYMENTS                    RUNNER DEVELOPER OWNER
      CREATE_EDIT_DEPLOYMENTS            DEVELOPER OWNER
      DELETE_DEPLOYMENTS                 DEVELOPER OWNER
      VIEW_FLOWS                         VIEWER RUNNER DEVELOPER OWNER WORKER
      MANAGE_SAVED_SEARCH_FILTERS        DEVELOPER OWNER
      RUN_FLOWS                          DEVELOPER OWNER
      DELETE_FLOWS                       DEVELOPER OWNER
      VIEW_NOTIFICATION_POLICIES         VIEWER RUNNER DEVELOPER OWNER
      CREATE_EDIT_NOTIFICATION_POLICIES  DEVELOPER OWNER
      DELETE_NOTIFICATION_POLICIES       DEVELOPER OWNER
      VIEW_CONCURRENCY_LIMITS            VIEWER RUNNER DEVELOPER OWNER
      MANAGE_CONCURRENCY_LIMITS          DEVELOPER OWNER
      VIEW_WORK_POOLS                    VIEWER RUNNER DEVELOPER OWNER WORKER
      CREATE_EDIT_WORK_POOLS             DEVELOPER OWNER
      DELETE_WORK_POOLS                  DEVELOPER OWNER
      VIEW_WORKSPACE_SERVICE_ACCOUNTS    OWNER
      VIEW_WORKSPACE_USERS               OWNER
      VIEW_WORKSPACE_SETTINGS            DEVELOPER OWNER
      EDIT_WORKSPACE_SETTINGS            OWNER
      DELETE_WORKSPACE                   OWNER
      VIEW_WORKSPACE                     VIEWER RUNNER DEVELOPER OWNER
      MANAGE_WORKSPACE_MEMBERS           OWNER
      SET_DEFAULT_WORKSPACE_ROLE         OWNER
      POLL_AND_SUBMIT_WORK               DEVELOPER OWNER WORKER
      """;

  /** Account permission, then the account roles that hold it (after closure). */
  private static final String ACCOUNT_EXPECTED =
      """
      VIEW_ACCOUNT_SETTINGS    MEMBER ADMIN OWNER
      EDIT_ACCOUNT_SETTINGS    ADMIN OWNER
      VIEW_ACCOUNT_MEMBERS     MEMBER ADMIN OWNER
      MANAGE_ACCOUNT_MEMBERS   ADMIN OWNER
      VIEW_SERVICE_ACCOUNTS    MEMBER ADMIN OWNER
      MANAGE_SERVICE_ACCOUNTS  ADMIN OWNER
      VIEW_WORKSPACES          MEMBER ADMIN OWNER
      CREATE_WORKSPACES        ADMIN OWNER
      BYPASS_SSO               OWNER
      """;

  private static final List<String> WORKSPACE_ROLES =
      List.of(
          WorkspaceRoles.VIEWER,
          WorkspaceRoles.RUNNER,
          WorkspaceRoles.DEVELOPER,
          WorkspaceRoles.OWNER,
          WorkspaceRoles.WORKER);
  private static final List<String> ACCOUNT_ROLES =
      List.of(AccountRoles.MEMBER, AccountRoles.ADMIN, AccountRoles.OWNER);

  private static final Map<String, Consumer<PermissionProbe>> CALLS = calls();

  @ParameterizedTest(name = "[{index}] {0} / {1}: allowed={2}")
  @MethodSource("cells")
  void guardDecidesEveryCellAsTheMatrixSays(
      Principal principal, String permission, boolean allowed) {
    List<String> delegateCalls = new ArrayList<>();
    PermissionProbe guard =
        GuardedPermissionProbe.wrap(CallRecorder.noOp(PermissionProbe.class, delegateCalls));
    Consumer<PermissionProbe> call = CALLS.get(permission);
    try (PrincipalScope scope = CurrentPrincipal.bind(principal)) {
      if (allowed) {
        call.accept(guard);
        assertEquals(1, delegateCalls.size(), "the delegate runs once when allowed");
      } else {
        AccessDeniedException denied =
            assertThrows(AccessDeniedException.class, () -> call.accept(guard));
        assertTrue(denied.permissions().contains(permission), denied.getMessage());
        assertTrue(delegateCalls.isEmpty(), "the delegate must not run when denied");
      }
    }
  }

  static Stream<Arguments> cells() {
    Map<String, Set<String>> workspace = parse(WORKSPACE_EXPECTED);
    Map<String, Set<String>> account = parse(ACCOUNT_EXPECTED);
    List<Arguments> cells = new ArrayList<>();
    for (String role : WORKSPACE_ROLES) {
      Principal principal =
          Principal.user("u-" + role)
              .directory(SampleData.accounts())
              .member(ACCOUNT, AccountRoles.MEMBER)
              .workspaceRole(WS, role)
              .build();
      workspace.forEach(
          (permission, holders) ->
              cells.add(cell("workspace " + role, principal, permission, holders.contains(role))));
    }
    for (String role : ACCOUNT_ROLES) {
      Principal principal =
          Principal.user("a-" + role)
              .directory(SampleData.accounts())
              .member(ACCOUNT, role)
              .build();
      account.forEach(
          (permission, holders) ->
              cells.add(cell("account " + role, principal, permission, holders.contains(role))));
      // Account ADMIN and OWNER are workspace OWNER everywhere; MEMBER holds nothing in WS.
      boolean implicitOwner = !role.equals(AccountRoles.MEMBER);
      workspace
          .keySet()
          .forEach(
              permission ->
                  cells.add(
                      cell(
                          "account " + role + " without workspace role",
                          principal,
                          permission,
                          implicitOwner)));
    }
    // The OWNER of another account holds nothing here, at either level.
    Principal elsewhere =
        Principal.user("globex-owner")
            .directory(SampleData.accounts())
            .member(SampleData.GLOBEX, AccountRoles.OWNER)
            .build();
    CALLS.keySet().stream()
        .sorted()
        .forEach(
            permission ->
                cells.add(
                    cell("OWNER of " + SampleData.GLOBEX + " only", elsewhere, permission, false)));
    return cells.stream();
  }

  private static Arguments cell(
      String who, Principal principal, String permission, boolean allowed) {
    return Arguments.of(Named.of(who, principal), permission, allowed);
  }

  @Test
  void expectedTablesNameEveryPermissionOnce() {
    Map<String, Set<String>> workspace = parse(WORKSPACE_EXPECTED);
    Map<String, Set<String>> account = parse(ACCOUNT_EXPECTED);
    assertEquals(30, workspace.size());
    assertEquals(9, account.size());
    Set<String> all = new TreeSet<>(workspace.keySet());
    all.addAll(account.keySet());
    assertEquals(39, all.size(), "no permission in both tables");
    assertEquals(new TreeSet<>(CALLS.keySet()), all, "the probe covers exactly the expected names");
  }

  @Test
  void expectedTableGivesTheDocumentedRoleSizes() {
    Map<String, Set<String>> workspace = parse(WORKSPACE_EXPECTED);
    assertEquals(8, held(workspace, WorkspaceRoles.VIEWER));
    assertEquals(9, held(workspace, WorkspaceRoles.RUNNER));
    assertEquals(24, held(workspace, WorkspaceRoles.DEVELOPER));
    assertEquals(30, held(workspace, WorkspaceRoles.OWNER));
    assertEquals(4, held(workspace, WorkspaceRoles.WORKER));
    Map<String, Set<String>> account = parse(ACCOUNT_EXPECTED);
    assertEquals(4, held(account, AccountRoles.MEMBER));
    assertEquals(8, held(account, AccountRoles.ADMIN));
    assertEquals(9, held(account, AccountRoles.OWNER));
  }

  @Test
  void cellCountCoversEveryCombination() {
    assertEquals(5 * 30 + 3 * 9 + 3 * 30 + 39, cells().count());
  }

  private static long held(Map<String, Set<String>> table, String role) {
    return table.values().stream().filter(holders -> holders.contains(role)).count();
  }

  private static Map<String, Set<String>> parse(String table) {
    Map<String, Set<String>> rows = new LinkedHashMap<>();
    for (String line : table.strip().split("\n")) {
      String[] words = line.strip().split("\\s+");
      Set<String> holders = Set.copyOf(Arrays.asList(words).subList(1, words.length));
      if (rows.put(words[0], holders) != null) {
        throw new IllegalStateException("listed twice: " + words[0]);
      }
    }
    return rows;
  }

  /**
   * Returns one call of the probe per permission name, each acting on ws-prod or naming acct-acme.
   */
  static Map<String, Consumer<PermissionProbe>> calls() {
    Map<String, Consumer<PermissionProbe>> calls = new LinkedHashMap<>(workspaceCalls());
    calls.put(Permissions.VIEW_ACCOUNT_SETTINGS, p -> p.viewAccountSettings(ACCOUNT));
    calls.put(Permissions.EDIT_ACCOUNT_SETTINGS, p -> p.editAccountSettings(ACCOUNT));
    calls.put(Permissions.VIEW_ACCOUNT_MEMBERS, p -> p.viewAccountMembers(ACCOUNT));
    calls.put(Permissions.MANAGE_ACCOUNT_MEMBERS, p -> p.manageAccountMembers(ACCOUNT));
    calls.put(Permissions.VIEW_SERVICE_ACCOUNTS, p -> p.viewServiceAccounts(ACCOUNT));
    calls.put(Permissions.MANAGE_SERVICE_ACCOUNTS, p -> p.manageServiceAccounts(ACCOUNT));
    calls.put(Permissions.VIEW_WORKSPACES, p -> p.viewWorkspaces(ACCOUNT));
    calls.put(Permissions.CREATE_WORKSPACES, p -> p.createWorkspaces(ACCOUNT));
    calls.put(Permissions.BYPASS_SSO, p -> p.bypassSso(ACCOUNT));
    return Map.copyOf(calls);
  }

  private static Map<String, Consumer<PermissionProbe>> workspaceCalls() {
    Map<String, Consumer<PermissionProbe>> c = new LinkedHashMap<>();
    c.put(Permissions.VIEW_AUTOMATIONS, p -> p.viewAutomations(WS));
    c.put(Permissions.MANAGE_AUTOMATIONS, p -> p.manageAutomations(WS));
    c.put(Permissions.VIEW_BLOCKS, p -> p.viewBlocks(WS));
    c.put(Permissions.VIEW_SECRET_BLOCK_DATA, p -> p.viewSecretBlockData(WS));
    c.put(Permissions.MANAGE_BLOCKS, p -> p.manageBlocks(WS));
    c.put(Permissions.VIEW_DEPLOYMENTS, p -> p.viewDeployments(WS));
    c.put(Permissions.RUN_DEPLOYMENTS, p -> p.runDeployments(WS));
    c.put(Permissions.CREATE_EDIT_DEPLOYMENTS, p -> p.createEditDeployments(WS));
    c.put(Permissions.DELETE_DEPLOYMENTS, p -> p.deleteDeployments(WS));
    c.put(Permissions.VIEW_FLOWS, p -> p.viewFlows(WS));
    c.put(Permissions.MANAGE_SAVED_SEARCH_FILTERS, p -> p.manageSavedSearchFilters(WS));
    c.put(Permissions.RUN_FLOWS, p -> p.runFlows(WS));
    c.put(Permissions.DELETE_FLOWS, p -> p.deleteFlows(WS));
    c.put(Permissions.VIEW_NOTIFICATION_POLICIES, p -> p.viewNotificationPolicies(WS));
    c.put(Permissions.CREATE_EDIT_NOTIFICATION_POLICIES, p -> p.createEditNotificationPolicies(WS));
    c.put(Permissions.DELETE_NOTIFICATION_POLICIES, p -> p.deleteNotificationPolicies(WS));
    c.put(Permissions.VIEW_CONCURRENCY_LIMITS, p -> p.viewConcurrencyLimits(WS));
    c.put(Permissions.MANAGE_CONCURRENCY_LIMITS, p -> p.manageConcurrencyLimits(WS));
    c.put(Permissions.VIEW_WORK_POOLS, p -> p.viewWorkPools(WS));
    c.put(Permissions.CREATE_EDIT_WORK_POOLS, p -> p.createEditWorkPools(WS));
    c.put(Permissions.DELETE_WORK_POOLS, p -> p.deleteWorkPools(WS));
    c.put(Permissions.VIEW_WORKSPACE_SERVICE_ACCOUNTS, p -> p.viewWorkspaceServiceAccounts(WS));
    c.put(Permissions.VIEW_WORKSPACE_USERS, p -> p.viewWorkspaceUsers(WS));
    c.put(Permissions.VIEW_WORKSPACE_SETTINGS, p -> p.viewWorkspaceSettings(WS));
    c.put(Permissions.EDIT_WORKSPACE_SETTINGS, p -> p.editWorkspaceSettings(WS));
    c.put(Permissions.DELETE_WORKSPACE, p -> p.deleteWorkspace(WS));
    c.put(Permissions.VIEW_WORKSPACE, p -> p.viewWorkspace(WS));
    c.put(Permissions.MANAGE_WORKSPACE_MEMBERS, p -> p.manageWorkspaceMembers(WS));
    c.put(Permissions.SET_DEFAULT_WORKSPACE_ROLE, p -> p.setDefaultWorkspaceRole(WS));
    c.put(Permissions.POLL_AND_SUBMIT_WORK, p -> p.pollAndSubmitWork(WS));
    return c;
  }
}
