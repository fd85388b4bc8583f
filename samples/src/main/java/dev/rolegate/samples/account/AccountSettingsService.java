package dev.rolegate.samples.account;

import dev.rolegate.annotations.AccountId;
import dev.rolegate.annotations.RequiresPermission;
import dev.rolegate.prefect.Permissions;

/**
 * An account's settings and its single sign-on policy: account-level, in the account the first
 * argument names (Prefect's {@code /accounts/{id}/...}), checked against the caller's account role
 * there.
 */
public interface AccountSettingsService {
  /** Returns the account's settings. */
  @RequiresPermission(Permissions.VIEW_ACCOUNT_SETTINGS)
  AccountSettings settings(@AccountId String account);

  /** Replaces the account's settings. */
  @RequiresPermission(Permissions.EDIT_ACCOUNT_SETTINGS)
  AccountSettings edit(@AccountId String account, AccountSettings settings);

  /** Signs the caller in to the account without single sign-on (break-glass); returns a session. */
  @RequiresPermission(Permissions.BYPASS_SSO)
  String bypassSso(@AccountId String account);
}
