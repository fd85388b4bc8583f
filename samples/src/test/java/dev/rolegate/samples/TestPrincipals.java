package dev.rolegate.samples;

import dev.rolegate.prefect.AccountRoles;
import dev.rolegate.runtime.Principal;
import java.util.Locale;

/** Principals for the functional tests. */
final class TestPrincipals {
  private TestPrincipals() {}

  /** An account MEMBER ("{@code <role>-in-<workspace>}") holding {@code role} in {@code workspace}. */
  static Principal inWorkspace(String workspace, String role) {
    return Principal.user(role.toLowerCase(Locale.ROOT) + "-in-" + workspace)
        .accountRole(AccountRoles.MEMBER)
        .workspaceRole(workspace, role)
        .build();
  }

  /** A user ("{@code account-<role>}") with account role {@code role} and no workspace role. */
  static Principal account(String role) {
    return Principal.user("account-" + role.toLowerCase(Locale.ROOT))
        .accountRole(role)
        .build();
  }
}
