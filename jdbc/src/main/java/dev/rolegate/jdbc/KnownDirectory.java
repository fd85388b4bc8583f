package dev.rolegate.jdbc;

import dev.rolegate.runtime.AccountDirectory;
import java.util.Map;

/**
 * The workspaces a resolved principal's rows named, with the accounts read alongside them, and the
 * database for any other: a request's guard asks about its own workspace without a second query.
 */
final class KnownDirectory implements AccountDirectory {
  private final Map<String, String> known;
  private final AccountDirectory database;

  KnownDirectory(Map<String, String> known, AccountDirectory database) {
    this.known = Map.copyOf(known);
    this.database = database;
  }

  @Override
  public String accountOf(String workspace) {
    if (workspace == null) {
      return null;
    }
    String account = known.get(StoredNames.canonical(workspace));
    return account != null ? account : database.accountOf(workspace);
  }
}
