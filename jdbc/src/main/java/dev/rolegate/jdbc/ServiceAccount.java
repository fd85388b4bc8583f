package dev.rolegate.jdbc;

/**
 * A service account: its id ({@code <account>/<name>}: its name in its account's namespace), the
 * one account it belongs to, and its account role there.
 */
public record ServiceAccount(String id, String account, String role) {
  /** Returns the name the service account was created with: its id after the account. */
  public String name() {
    return id.substring(id.indexOf('/') + 1);
  }
}
