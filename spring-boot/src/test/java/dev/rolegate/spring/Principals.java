package dev.rolegate.spring;

import dev.rolegate.prefect.AccountRoles;
import dev.rolegate.runtime.AccountDirectory;
import dev.rolegate.runtime.Principal;

/** Principals the tests bind. */
final class Principals {
  private Principals() {}

  /** Returns a user of the single account acme, holding {@code role} in workspace ws-1 only. */
  static Principal in(String role) {
    return Principal.user("alice")
        .directory(AccountDirectory.singleAccount("acme"))
        .accountRole(AccountRoles.MEMBER)
        .workspaceRole("ws-1", role)
        .build();
  }
}
