package dev.rolegate.samples.account;

import java.util.HashMap;
import java.util.Map;

/**
 * Account settings held in memory, per account; no access checks of its own. An account whose
 * settings were never edited is named by its id and does not require single sign-on.
 */
final class InMemoryAccountSettingsService implements AccountSettingsService {
  private final Map<String, AccountSettings> settings = new HashMap<>();
  private final Map<String, Integer> sessions = new HashMap<>();

  @Override
  public synchronized AccountSettings settings(String account) {
    return settings.getOrDefault(account, new AccountSettings(account, false));
  }

  @Override
  public synchronized AccountSettings edit(String account, AccountSettings newSettings) {
    settings.put(account, newSettings);
    return newSettings;
  }

  @Override
  public synchronized String bypassSso(String account) {
    int session = sessions.merge(account, 1, Integer::sum);
    return "sso-bypass-" + account + "-" + session;
  }
}
