package dev.rolegate.benchmarks;

import dev.rolegate.prefect.AccountRoles;
import dev.rolegate.prefect.WorkspaceRoles;
import dev.rolegate.runtime.AccountDirectory;
import dev.rolegate.runtime.InMemoryAccountDirectory;
import dev.rolegate.runtime.Matrix;
import dev.rolegate.runtime.Permission;
import dev.rolegate.runtime.Principal;
import dev.rolegate.runtime.Role;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The one caller every variant checks, built for each system from the same data: user {@code
 * bench}, MEMBER of account {@code acct-bench}, to which the 21 workspaces belong (the directory
 * holds one more account's workspaces too), VIEWER in 20 workspaces and RUNNER in {@code ws-prod},
 * the workspace every benchmarked call acts on. A RUNNER may read deployments ({@code count}) but
 * not delete them ({@code delete}), so the same two calls give the allowed and the denied path
 * everywhere. Role contents come from the bundled Prefect matrix.
 */
public final class Callers {
  /** The workspace every benchmarked call acts on. */
  public static final String WORKSPACE = "ws-prod";

  /** The caller's id. */
  public static final String USER = "bench";

  /** The caller's role in {@link #WORKSPACE}. */
  public static final String ROLE = WorkspaceRoles.RUNNER;

  /** What {@link CountingDeployments#count} returns: an allowed call reached the delegate. */
  public static final int COUNT = 42;

  /** The matrix's built-in workspace roles, for the systems that are given each one's grants. */
  public static final List<String> WORKSPACE_ROLES =
      List.of(
          WorkspaceRoles.VIEWER,
          WorkspaceRoles.RUNNER,
          WorkspaceRoles.DEVELOPER,
          WorkspaceRoles.OWNER,
          WorkspaceRoles.WORKER);

  /** The account every workspace of {@link #workspaceRoles()} belongs to. */
  public static final String ACCOUNT = "acct-bench";

  private static final int OTHER_WORKSPACES = 20;

  private Callers() {}

  /** Returns workspace id to role name, the other workspaces first, then {@link #WORKSPACE}. */
  public static Map<String, String> workspaceRoles() {
    Map<String, String> roles = new LinkedHashMap<>();
    for (int i = 0; i < OTHER_WORKSPACES; i++) {
      roles.put("ws-" + i, WorkspaceRoles.VIEWER);
    }
    roles.put(WORKSPACE, ROLE);
    return roles;
  }

  /**
   * Returns workspace id to account id: the caller's workspaces are {@link #ACCOUNT}'s, and as many
   * again belong to another account, so that a lookup is not in a map of one account only.
   */
  public static Map<String, String> accounts() {
    Map<String, String> accounts = new LinkedHashMap<>();
    for (String workspace : workspaceRoles().keySet()) {
      accounts.put(workspace, ACCOUNT);
      accounts.put("other-" + workspace, "acct-other");
    }
    return accounts;
  }

  /** Returns the directory of {@link #accounts()}. */
  public static AccountDirectory directory() {
    InMemoryAccountDirectory directory = new InMemoryAccountDirectory();
    accounts().forEach((workspace, account) -> directory.add(account, workspace));
    return directory;
  }

  /** Returns the caller as a rolegate principal. */
  public static Principal rolegate() {
    return builder().build();
  }

  /** Returns the caller's builder: its directory, its membership, its workspace roles. */
  public static Principal.Builder builder() {
    Principal.Builder builder =
        Principal.user(USER).directory(directory()).member(ACCOUNT, AccountRoles.MEMBER);
    workspaceRoles().forEach(builder::workspaceRole);
    return builder;
  }

  /** Returns the caller for the hand-written checks, roles holding what the matrix grants. */
  public static HandWritten.Caller handWritten() {
    Map<String, HandWritten.Role> byName = new TreeMap<>();
    Map<String, HandWritten.Role> roles = new HashMap<>();
    workspaceRoles()
        .forEach(
            (workspace, name) ->
                roles.put(workspace, byName.computeIfAbsent(name, Callers::handWrittenRole)));
    return new HandWritten.Caller(
        USER,
        new HashMap<>(Map.of(ACCOUNT, AccountRoles.MEMBER)),
        roles,
        new HashMap<>(accounts()));
  }

  /** Returns built-in workspace role {@code name} of the bundled matrix as a hand-written role. */
  static HandWritten.Role handWrittenRole(String name) {
    return HandWritten.Role.of(name, permissionsOf(name));
  }

  /** Returns what workspace role {@code name} holds in the bundled matrix, after closure. */
  static Set<HandPermission> permissionsOf(String name) {
    Role role =
        Matrix.load()
            .workspaceRole(name)
            .orElseThrow(() -> new IllegalArgumentException("no workspace role " + name));
    Set<HandPermission> permissions = EnumSet.noneOf(HandPermission.class);
    for (Permission permission : role.permissions()) {
      permissions.add(HandPermission.valueOf(permission.name()));
    }
    return permissions;
  }
}
