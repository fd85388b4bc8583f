package dev.rolegate.samples;

import dev.rolegate.prefect.AccountRoles;
import dev.rolegate.runtime.Principal;
import java.util.Locale;

/** Principals for the functional tests: members of {@value SampleData#ACME}. */
final class TestPrincipals {
  private TestPrincipals() {}

  /**
   * A MEMBER of {@value SampleData#ACME} ("{@code <role>-in-<workspace>}") holding {@code role} in
   * {@code workspace}.
   */
  static Principal inWorkspace(String workspace, String role) {
    return Principal.user(role.toLowerCase(Locale.ROOT) + "-in-" + workspace)
        .directory(SampleData.accounts())
        .member(SampleData.ACME, AccountRoles.MEMBER)
        .workspaceRole(workspace, role)
        .build();
  }

  /**
   * A user ("{@code account-<role>}") with account role {@code role} in {@value SampleData#ACME}
   * and no workspace role.
   */
  static Principal account(String role) {
    return Principal.user("account-" + role.toLowerCase(Locale.ROOT))
        .directory(SampleData.accounts())
        .member(SampleData.ACME, role)
        .build();
  }
}
