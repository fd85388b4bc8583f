package dev.rolegate.samples.account;

/**
 * Hands out the account-level services, only ever behind their generated guards: the in-memory
 * implementations are package-private, so no caller outside this package can hold them unchecked
 * (see docs/SECURITY.md, and the samples' {@code GuardedImplementationsTest}). Each returns a new,
 * empty service keeping its data per account, checking the principal bound to the calling thread
 * against its account role in the account each call names.
 */
public final class Accounts {
  private Accounts() {}

  /** Returns the account settings behind {@link GuardedAccountSettingsService}. */
  public static AccountSettingsService settings() {
    return GuardedAccountSettingsService.wrap(new InMemoryAccountSettingsService());
  }

  /** Returns the account's members behind {@link GuardedAccountMemberService}. */
  public static AccountMemberService members() {
    return GuardedAccountMemberService.wrap(new InMemoryAccountMemberService());
  }

  /** Returns the account's service accounts behind {@link GuardedServiceAccountService}. */
  public static ServiceAccountService serviceAccounts() {
    return GuardedServiceAccountService.wrap(new InMemoryServiceAccountService());
  }

  /** Returns the account's workspace directory behind {@link GuardedWorkspaceDirectoryService}. */
  public static WorkspaceDirectoryService workspaceDirectory() {
    return GuardedWorkspaceDirectoryService.wrap(new InMemoryWorkspaceDirectoryService());
  }
}
