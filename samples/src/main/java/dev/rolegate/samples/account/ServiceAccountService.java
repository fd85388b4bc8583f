package dev.rolegate.samples.account;

import dev.rolegate.annotations.AccountId;
import dev.rolegate.annotations.RequiresPermission;
import dev.rolegate.prefect.Permissions;
import java.util.List;

/** An account's service accounts: account-level, in the account the first argument names. */
public interface ServiceAccountService {
  /** Lists the account's service accounts. */
  @RequiresPermission(Permissions.VIEW_SERVICE_ACCOUNTS)
  List<ServiceAccount> list(@AccountId String account);

  /** Creates a service account in the account. */
  @RequiresPermission(Permissions.MANAGE_SERVICE_ACCOUNTS)
  ServiceAccount create(@AccountId String account, String name);

  /** Deletes one of the account's service accounts; returns whether it existed. */
  @RequiresPermission(Permissions.MANAGE_SERVICE_ACCOUNTS)
  boolean delete(@AccountId String account, String id);
}
