package dev.rolegate.runtime;

import java.util.UUID;

/** The directory of a single-account application: see {@link AccountDirectory#singleAccount}. */
final class SingleAccountDirectory implements AccountDirectory {
  private final String account;

  SingleAccountDirectory(String account) {
    this.account = account;
  }

  /** Returns the one account, as given. */
  String account() {
    return account;
  }

  @Override
  public String accountOf(String workspace) {
    return account;
  }

  @Override
  public String accountOf(UUID workspace) {
    return account;
  }

  @Override
  public String toString() {
    return "AccountDirectory.singleAccount(" + AccountIds.quoted(account) + ")";
  }
}
