package dev.rolegate.samples;

import dev.rolegate.prefect.AccountRoles;
import dev.rolegate.prefect.WorkspaceRoles;
import dev.rolegate.runtime.Principal;
import dev.rolegate.runtime.WorkspaceDefaults;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One column of the access table: a label and how to build the principal the operations are called
 * as. The principal is built against the workspace defaults of the services it calls, so a default
 * role set there applies to it.
 *
 * @param label the column header, e.g. {@code RUNNER}, {@code DEPLOYER} or {@code ACCOUNT_ADMIN}
 * @param principals builds the caller under the given workspace defaults
 */
public record RoleColumn(String label, Function<WorkspaceDefaults, Principal> principals) {
  /**
   * Prefix of the columns for principals that hold an account role in {@value SampleData#ACME} and
   * no workspace role.
   */
  public static final String ACCOUNT_PREFIX = "ACCOUNT_";

  /** Checks that both parts are present. */
  public RoleColumn {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(principals, "principals");
  }

  /** Returns this column's principal, holding {@code defaults}' default roles. */
  public Principal principal(WorkspaceDefaults defaults) {
    return principals.apply(defaults);
  }

  /**
   * Returns the standard columns: each built-in workspace role held in {@code workspace} by a
   * MEMBER of account {@value SampleData#ACME} (WORKER as the service account {@value
   * SampleData#WORKER_KEY}), the custom role {@value SampleRoles#DEPLOYER}, then account OWNER,
   * ADMIN and MEMBER of {@value SampleData#ACME} with no workspace role.
   */
  public static List<RoleColumn> standard(String workspace) {
    return List.of(
        workspaceRole(workspace, WorkspaceRoles.VIEWER),
        workspaceRole(workspace, WorkspaceRoles.RUNNER),
        workspaceRole(workspace, WorkspaceRoles.DEVELOPER),
        workspaceRole(workspace, WorkspaceRoles.OWNER),
        workspaceRole(workspace, WorkspaceRoles.WORKER),
        workspaceRole(workspace, SampleRoles.DEPLOYER),
        accountRole(AccountRoles.OWNER),
        accountRole(AccountRoles.ADMIN),
        accountRole(AccountRoles.MEMBER));
  }

  /** Returns the standard column whose label is {@code label}, ignoring case. */
  public static Optional<RoleColumn> standard(String workspace, String label) {
    return standard(workspace).stream().filter(c -> c.label().equalsIgnoreCase(label)).findFirst();
  }

  /**
   * Returns the column for a MEMBER of account {@value SampleData#ACME} ({@code <role>-user})
   * holding {@code role} in {@code workspace}: a built-in or a custom role, named the same way. A
   * WORKER column is the sample worker's key, a service account of {@value SampleData#ACME} whose
   * account role is left at its default.
   */
  public static RoleColumn workspaceRole(String workspace, String role) {
    boolean worker = WorkspaceRoles.WORKER.equals(role);
    return new RoleColumn(
        role,
        defaults -> {
          Principal.Builder builder =
              worker
                  ? Principal.serviceAccount(SampleData.WORKER_KEY).member(SampleData.ACME)
                  : Principal.user(role.toLowerCase(Locale.ROOT) + "-user")
                      .member(SampleData.ACME, AccountRoles.MEMBER);
          return builder
              .directory(SampleData.accounts())
              .customRoles(SampleRoles.CUSTOM)
              .workspaceRole(workspace, role)
              .workspaceDefaults(defaults)
              .build();
        });
  }

  /**
   * Returns the column for a user holding account role {@code role} in {@value SampleData#ACME} and
   * no workspace role.
   */
  public static RoleColumn accountRole(String role) {
    return new RoleColumn(
        ACCOUNT_PREFIX + role,
        defaults ->
            Principal.user("account-" + role.toLowerCase(Locale.ROOT))
                .directory(SampleData.accounts())
                .member(SampleData.ACME, role)
                .workspaceDefaults(defaults)
                .build());
  }
}
