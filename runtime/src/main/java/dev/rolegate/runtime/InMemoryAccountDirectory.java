package dev.rolegate.runtime;

import dev.rolegate.runtime.internal.Names;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An {@link AccountDirectory} held in memory, for tests and small applications: workspaces are
 * added to their account with {@link #add}, and a workspace never added is unknown (denied). A UUID
 * is one workspace in every spelling. Thread-safe; principals built with it see changes at once,
 * except a scope's bound workspace, whose account is found when the scope opens.
 *
 * <pre>{@code
 * InMemoryAccountDirectory accounts = new InMemoryAccountDirectory()
 *     .add("acct-acme", "ws-prod", "ws-staging")
 *     .add("acct-globex", "ws-globex");
 * }</pre>
 */
public final class InMemoryAccountDirectory implements AccountDirectory {
  /** Workspace id (a UUID's lower-case spelling) to the account id as given. */
  private final ConcurrentHashMap<String, String> accounts = new ConcurrentHashMap<>();

  /**
   * Adds {@code workspaces} to {@code account}; returns this directory.
   *
   * @throws IllegalArgumentException if an id cannot be shown (the name rule of denial messages),
   *     or a workspace belongs to another account already: a workspace belongs to exactly one
   *     account ({@link #remove} it first to move it)
   */
  public synchronized InMemoryAccountDirectory add(String account, String... workspaces) {
    AccountIds.requireValid(Objects.requireNonNull(account, "account id"));
    for (String workspace : workspaces) {
      String key = key(workspace);
      String owner = accounts.get(key);
      if (owner != null && !AccountDirectory.sameAccount(owner, account)) {
        throw new IllegalArgumentException(
            "workspace "
                + Names.quoted(workspace)
                + " belongs to account "
                + Names.quoted(owner)
                + " already; a workspace belongs to"
                + " exactly one account (remove it first to move it)");
      }
    }
    for (String workspace : workspaces) {
      accounts.put(key(workspace), account);
    }
    return this;
  }

  /**
   * Forgets {@code workspace} (any spelling of a UUID): calls on it are denied, except in a scope
   * that bound it before, which found its account when it opened.
   */
  public void remove(String workspace) {
    accounts.remove(key(workspace));
  }

  /** Returns the account {@code workspace} belongs to, if known. */
  public Optional<String> find(String workspace) {
    return Optional.ofNullable(workspace == null ? null : accountOf(workspace));
  }

  @Override
  public String accountOf(String workspace) {
    return accounts.get(AccountIds.key(workspace));
  }

  private static String key(String workspace) {
    Names.requireShowable("a workspace id", Objects.requireNonNull(workspace, "workspace id"));
    return AccountIds.key(workspace);
  }

  @Override
  public String toString() {
    return "InMemoryAccountDirectory (" + accounts.size() + " workspaces)";
  }
}
