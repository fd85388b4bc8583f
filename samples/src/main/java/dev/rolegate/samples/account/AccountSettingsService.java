package dev.rolegate.samples.account;

import dev.rolegate.annotations.RequiresPermission;
import dev.rolegate.prefect.Permissions;

/** The account's settings and its single sign-on policy: account-level, no workspace. */
public interface AccountSettingsService {
  /** Returns the settings. */
  @RequiresPermission(Permissions.VIEW_ACCOUNT_SETTINGS)
  AccountSettings settings();

  /** Replaces the settings. */
  @RequiresPermission(Permissions.EDIT_ACCOUNT_SETTINGS)
  AccountSettings edit(AccountSettings settings);

  /** Signs the caller in without single sign-on (break-glass access); returns a session id. */
  @RequiresPermission(Permissions.BYPASS_SSO)
  String bypassSso();
}
