package dev.rolegate.samples.account;

/** Account settings held in memory; no access checks of its own. */
final class InMemoryAccountSettingsService implements AccountSettingsService {
  private AccountSettings settings = new AccountSettings("acme", true);
  private int sessions;

  @Override
  public synchronized AccountSettings settings() {
    return settings;
  }

  @Override
  public synchronized AccountSettings edit(AccountSettings newSettings) {
    settings = newSettings;
    return settings;
  }

  @Override
  public synchronized String bypassSso() {
    sessions++;
    return "sso-bypass-session-" + sessions;
  }
}
