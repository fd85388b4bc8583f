package dev.rolegate.spring;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * Reads the account id of a request from its path, with a pattern such as {@code
 * /api/accounts/{account}/**}; {@link #none()} reads none.
 */
public final class AccountPath {
  private static final AccountPath NONE = new AccountPath();

  private final PathVariableReader reader;

  /**
   * Creates the reader.
   *
   * @throws IllegalArgumentException if the pattern does not parse or lacks the variable
   */
  public AccountPath(String pattern, String variable) {
    this.reader = new PathVariableReader("rolegate.web.account-path", pattern, variable);
  }

  private AccountPath() {
    this.reader = null;
  }

  /** Returns the reader that finds no account in any path. */
  public static AccountPath none() {
    return NONE;
  }

  /** Returns the account the request's path names, if it matches the pattern. */
  public Optional<String> account(HttpServletRequest request) {
    return reader == null ? Optional.empty() : reader.read(request);
  }

  /** Returns the name of the pattern's variable that holds the account id, or null for none. */
  String variable() {
    return reader == null ? null : reader.variable();
  }

  @Override
  public String toString() {
    return reader == null ? "(none)" : reader.toString();
  }
}
