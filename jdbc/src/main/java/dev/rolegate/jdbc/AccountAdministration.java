package dev.rolegate.jdbc;

import dev.rolegate.annotations.AccountId;
import dev.rolegate.annotations.RequiresPermission;
import dev.rolegate.prefect.Permissions;
import java.util.List;

/**
 * An account's administration, as Prefect Cloud's account roles hold it: members and their account
 * roles, service accounts, workspaces. Every method acts in the account its first argument names
 * and is guarded by the bundled matrix's account permission; {@link JdbcAdministration#accounts}
 * hands it out behind its generated guard only.
 *
 * <p>Beyond the permission, a change never grants more than the acting principal holds, never
 * touches a member stronger than it, and never leaves the account without an OWNER; each is one
 * transaction, decided on the database's rows as they stand when it runs (see the README's
 * "Memberships in a database").
 */
public interface AccountAdministration {
  /** Lists the account's members (users and service accounts) with their account roles. */
  @RequiresPermission(Permissions.VIEW_ACCOUNT_MEMBERS)
  List<Member> members(@AccountId String account);

  /**
   * Adds user {@code user} to the account with account role {@code role}.
   *
   * @throws MembershipException a member already ({@code DUPLICATE}), a service account ({@code
   *     SERVICE_ACCOUNT}), an unknown role, a role stronger than the caller's ({@code ESCALATION})
   */
  @RequiresPermission(Permissions.MANAGE_ACCOUNT_MEMBERS)
  Member addMember(@AccountId String account, String user, String role);

  /**
   * Sets member {@code member}'s account role.
   *
   * @throws MembershipException not a member ({@code NOT_FOUND}), an unknown role, a role or a
   *     member stronger than the caller's ({@code ESCALATION}), the last OWNER ({@code LAST_OWNER})
   */
  @RequiresPermission(Permissions.MANAGE_ACCOUNT_MEMBERS)
  Member setAccountRole(@AccountId String account, String member, String role);

  /**
   * Removes user {@code user} from the account, and with it every workspace role it held in the
   * account's workspaces.
   *
   * @throws MembershipException not a member ({@code NOT_FOUND}), a service account ({@code
   *     SERVICE_ACCOUNT}: delete it instead), a member stronger than the caller ({@code
   *     ESCALATION}), the last OWNER ({@code LAST_OWNER})
   */
  @RequiresPermission(Permissions.MANAGE_ACCOUNT_MEMBERS)
  void removeMember(@AccountId String account, String user);

  /** Lists the account's service accounts. */
  @RequiresPermission(Permissions.VIEW_SERVICE_ACCOUNTS)
  List<ServiceAccount> serviceAccounts(@AccountId String account);

  /**
   * Creates service account {@code id} in the account with account role {@code role}.
   *
   * @throws MembershipException an id already taken by any principal ({@code DUPLICATE}), an
   *     unknown role, a role stronger than the caller's ({@code ESCALATION})
   */
  @RequiresPermission(Permissions.MANAGE_SERVICE_ACCOUNTS)
  ServiceAccount createServiceAccount(@AccountId String account, String id, String role);

  /**
   * Deletes service account {@code id} of the account, with its workspace roles.
   *
   * @throws MembershipException no such service account in the account ({@code NOT_FOUND}), one
   *     stronger than the caller ({@code ESCALATION})
   */
  @RequiresPermission(Permissions.MANAGE_SERVICE_ACCOUNTS)
  void deleteServiceAccount(@AccountId String account, String id);

  /**
   * Lists the account's workspaces the caller can access: all of them for an account ADMIN or
   * OWNER, else those where it holds an explicit role or the default role gives it one.
   */
  @RequiresPermission(Permissions.VIEW_WORKSPACES)
  List<Workspace> workspaces(@AccountId String account);

  /**
   * Creates workspace {@code workspace} in the account, with "no access" as its default role
   * (account ADMIN and OWNER hold OWNER there).
   *
   * @throws MembershipException an id already taken in any account ({@code DUPLICATE})
   */
  @RequiresPermission(Permissions.CREATE_WORKSPACES)
  Workspace createWorkspace(@AccountId String account, String workspace);
}
