package dev.rolegate.samples.account;

import dev.rolegate.annotations.RequiresPermission;
import dev.rolegate.prefect.Permissions;
import java.util.List;

/** The account's members and their account roles: account-level, no workspace. */
public interface AccountMemberService {
  /** Lists the members. */
  @RequiresPermission(Permissions.VIEW_ACCOUNT_MEMBERS)
  List<AccountMember> list();

  /** Adds a member with an account role, or changes its role. */
  @RequiresPermission(Permissions.MANAGE_ACCOUNT_MEMBERS)
  AccountMember invite(String memberId, String accountRole);

  /** Removes a member; returns whether it was one. */
  @RequiresPermission(Permissions.MANAGE_ACCOUNT_MEMBERS)
  boolean remove(String memberId);
}
