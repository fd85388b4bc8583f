package dev.rolegate.samples.account;

import dev.rolegate.annotations.RequiresPermission;
import dev.rolegate.prefect.Permissions;
import java.util.List;

/** The account's service accounts: account-level, no workspace. */
public interface ServiceAccountService {
  /** Lists the service accounts. */
  @RequiresPermission(Permissions.VIEW_SERVICE_ACCOUNTS)
  List<ServiceAccount> list();

  /** Creates a service account. */
  @RequiresPermission(Permissions.MANAGE_SERVICE_ACCOUNTS)
  ServiceAccount create(String name);

  /** Deletes a service account; returns whether it existed. */
  @RequiresPermission(Permissions.MANAGE_SERVICE_ACCOUNTS)
  boolean delete(String id);
}
