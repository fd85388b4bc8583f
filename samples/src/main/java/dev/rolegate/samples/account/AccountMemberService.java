package dev.rolegate.samples.account;

import dev.rolegate.annotations.AccountId;
import dev.rolegate.annotations.RequiresPermission;
import dev.rolegate.prefect.Permissions;
import java.util.List;

/**
 * An account's members and their account roles: account-level, in the account the first argument
 * names.
 */
public interface AccountMemberService {
  /** Lists the account's members. */
  @RequiresPermission(Permissions.VIEW_ACCOUNT_MEMBERS)
  List<AccountMember> list(@AccountId String account);

  /** Adds a member to the account with an account role, or changes its role. */
  @RequiresPermission(Permissions.MANAGE_ACCOUNT_MEMBERS)
  AccountMember invite(@AccountId String account, String memberId, String accountRole);

  /** Removes a member from the account; returns whether it was one. */
  @RequiresPermission(Permissions.MANAGE_ACCOUNT_MEMBERS)
  boolean remove(@AccountId String account, String memberId);
}
