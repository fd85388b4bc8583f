package dev.rolegate.runtime;

import java.util.Objects;
import java.util.UUID;

/**
 * Which account each workspace belongs to: the application's knowledge (its database, Prefect's
 * API), asked whenever a decision needs a workspace's account. Every workspace belongs to exactly
 * one account; a workspace the directory does not know is denied.
 *
 * <p>Three directories: {@link #singleAccount(String)} for an application with one account (every
 * workspace is that account's, and every principal is a member of it); {@link
 * InMemoryAccountDirectory} for tests and small applications; or the application's own, given to
 * {@link Principal.Builder#directory}. An implementation must be thread-safe and should be fast: a
 * guard asks it at each call on a workspace other than the bound one (twice when a one-permission
 * call is decided in full: an allow by the role assigned there is tried first), and a binding asks
 * it for its workspace when it opens. What it throws is a denial, never an allow. Every principal
 * of an application should carry the same directory: a guard believes the one its caller carries.
 */
@FunctionalInterface
public interface AccountDirectory {
  /**
   * Returns the id of the account {@code workspace} belongs to, or null when the workspace is
   * unknown (a denial). Called only with an id that names a workspace (it has a visible character);
   * a UUID may arrive in either letter case.
   */
  String accountOf(String workspace);

  /**
   * Returns the account of the workspace with this UUID; by default {@link #accountOf(String)} of
   * its lower-case spelling.
   */
  default String accountOf(UUID workspace) {
    return accountOf(workspace.toString());
  }

  /**
   * Returns whether two ids name one account: equal, or spellings of one UUID in either letter case
   * (the rule memberships and every directory answer are compared by).
   */
  static boolean sameAccount(String one, String other) {
    return one.equals(other) || AccountIds.key(one).equals(AccountIds.key(other));
  }

  /**
   * Returns the directory of a single-account application: every workspace belongs to {@code
   * account}, and every principal built with it is a member of {@code account} (with the role
   * {@link Principal.Builder#accountRole(String)} sets, MEMBER when not set). Two such directories
   * of one account are equal.
   *
   * @throws IllegalArgumentException if the id is blank or holds a character that cannot be shown
   */
  static AccountDirectory singleAccount(String account) {
    return new SingleAccountDirectory(
        AccountIds.requireValid(Objects.requireNonNull(account, "account id")));
  }
}
