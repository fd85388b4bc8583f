package dev.rolegate.runtime;

import dev.rolegate.runtime.internal.Names;
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

  /** Equal to the single-account directory of the same account (either spelling of a UUID). */
  @Override
  public boolean equals(Object other) {
    return other instanceof SingleAccountDirectory single
        && AccountDirectory.sameAccount(account, single.account);
  }

  @Override
  public int hashCode() {
    return AccountIds.key(account).hashCode();
  }

  @Override
  public String toString() {
    return "AccountDirectory.singleAccount(" + Names.quoted(account) + ")";
  }
}
