package dev.rolegate.jdbc;

import java.util.Optional;

/**
 * A workspace: its id, the account it belongs to, and its default role, the role every member of
 * the account holds there without an explicit role (null: "no access").
 */
public record Workspace(String id, String account, String defaultRole) {
  /** Returns the default role, or empty for "no access". */
  public Optional<String> defaultRoleIfAny() {
    return Optional.ofNullable(defaultRole);
  }
}
