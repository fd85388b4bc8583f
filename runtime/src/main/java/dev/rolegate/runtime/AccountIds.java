package dev.rolegate.runtime;

import dev.rolegate.runtime.internal.Names;
import java.util.UUID;

/**
 * What counts as an account id, and when two spellings name one account: as for workspaces ({@link
 * WorkspaceIds}), a canonical UUID in either letter case is that UUID. An id given to a membership
 * or a directory is shown in messages and logs, so it follows the name rule of {@link Names}.
 */
final class AccountIds {
  private AccountIds() {}

  /** Returns {@code id} when it may name an account (showable), else throws naming the rule. */
  static String requireValid(String id) {
    return Names.requireShowable("an account id", id);
  }

  /**
   * Returns the key one account is stored under: a UUID's lower-case spelling, else the id as
   * given. Allocates only for a UUID spelled with an upper-case letter.
   */
  static String key(String id) {
    if (id == null || !WorkspaceIds.looksLikeUuid(id)) {
      return id;
    }
    for (int i = 0; i < id.length(); i++) {
      if (Character.isUpperCase(id.charAt(i))) {
        return UUID.fromString(id).toString();
      }
    }
    return id;
  }
}
