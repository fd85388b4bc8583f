package dev.rolegate.spring;

import dev.rolegate.prefect.AccountRoles;
import dev.rolegate.runtime.Principal;

/** Principals the tests bind. */
final class Principals {
  private Principals() {}

  /** Returns a user who holds {@code role} in workspace {@code ws-1} only. */
  static Principal in(String role) {
    return Principal.user("alice")
        .accountRole(AccountRoles.MEMBER)
        .workspaceRole("ws-1", role)
        .build();
  }
}
