package dev.rolegate.samples;

import dev.rolegate.prefect.AccountRoles;
import dev.rolegate.prefect.WorkspaceRoles;
import dev.rolegate.runtime.Principal;
import java.util.List;
import java.util.Locale;

/**
 * One column of the access table: a label and the principal the operations are called as.
 *
 * @param label the column header, e.g. {@code RUNNER} or {@code ACCOUNT_ADMIN}
 * @param principal who calls
 */
public record RoleColumn(String label, Principal principal) {
  /** Prefix of the columns for principals that hold an account role and no workspace role. */
  public static final String ACCOUNT_PREFIX = "ACCOUNT_";

  /**
   * Returns the standard columns: each workspace role held in {@code workspace} by an account
   * MEMBER (WORKER as a service account), then account OWNER, ADMIN and MEMBER with no workspace
   * role.
   */
  public static List<RoleColumn> standard(String workspace) {
    return List.of(
        workspaceRole(workspace, WorkspaceRoles.VIEWER),
        workspaceRole(workspace, WorkspaceRoles.RUNNER),
        workspaceRole(workspace, WorkspaceRoles.DEVELOPER),
        workspaceRole(workspace, WorkspaceRoles.OWNER),
        workspaceRole(workspace, WorkspaceRoles.WORKER),
        accountRole(AccountRoles.OWNER),
        accountRole(AccountRoles.ADMIN),
        accountRole(AccountRoles.MEMBER));
  }

  /** Returns the column for an account MEMBER holding {@code role} in {@code workspace}. */
  public static RoleColumn workspaceRole(String workspace, String role) {
    Principal.Builder builder = WorkspaceRoles.WORKER.equals(role)
        ? Principal.serviceAccount("worker-bot")
        : Principal.user(role.toLowerCase(Locale.ROOT) + "-user");
    Principal principal = builder
        .accountRole(AccountRoles.MEMBER)
        .workspaceRole(workspace, role)
        .build();
    return new RoleColumn(role, principal);
  }

  /** Returns the column for a user holding account role {@code role} and no workspace role. */
  public static RoleColumn accountRole(String role) {
    Principal principal = Principal.user("account-" + role.toLowerCase(Locale.ROOT))
        .accountRole(role)
        .build();
    return new RoleColumn(ACCOUNT_PREFIX + role, principal);
  }
}
