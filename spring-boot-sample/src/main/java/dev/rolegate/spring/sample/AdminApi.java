package dev.rolegate.spring.sample;

import dev.rolegate.jdbc.AccountAdministration;
import dev.rolegate.jdbc.Member;
import dev.rolegate.jdbc.ServiceAccount;
import dev.rolegate.jdbc.Workspace;
import dev.rolegate.jdbc.WorkspaceAdministration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Account and workspace administration over HTTP, JSON in and out, on the starter's guarded {@link
 * AccountAdministration} and {@link WorkspaceAdministration}. It checks nothing itself: the starter
 * binds the caller as the database has it (and refuses a workspace outside the path's account), the
 * guards check the permission, the services refuse escalation and the removal of the last OWNER,
 * and the starter answers refusals with problem details (403 access-denied, 4xx {@code
 * urn:rolegate:problem:membership:<reason>}).
 */
@RestController
@RequestMapping("/api/accounts/{account}")
public class AdminApi {
  private final AccountAdministration accounts;
  private final WorkspaceAdministration workspaces;

  /** Creates the API over the guarded services. */
  public AdminApi(AccountAdministration accounts, WorkspaceAdministration workspaces) {
    this.accounts = accounts;
    this.workspaces = workspaces;
  }

  /** A user to add and its account role. */
  public record NewMember(String user, String role) {}

  /**
   * A service account to create: its name in the account (its id is {@code <account>/<name>}) and
   * its account role.
   */
  public record NewServiceAccount(String name, String role) {}

  /** A workspace to create. */
  public record NewWorkspace(String id) {}

  /** A role to set; for a workspace's default role, null means "no access". */
  public record RoleChange(String role) {}

  @GetMapping("/members")
  List<Member> members(@PathVariable String account) {
    return accounts.members(account);
  }

  @PostMapping("/members")
  @ResponseStatus(HttpStatus.CREATED)
  Member addMember(@PathVariable String account, @RequestBody NewMember body) {
    return accounts.addMember(account, body.user(), body.role());
  }

  @PutMapping("/members/{member}")
  Member setAccountRole(
      @PathVariable String account, @PathVariable String member, @RequestBody RoleChange body) {
    return accounts.setAccountRole(account, member, body.role());
  }

  @DeleteMapping("/members/{member}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void removeMember(@PathVariable String account, @PathVariable String member) {
    accounts.removeMember(account, member);
  }

  @GetMapping("/service-accounts")
  List<ServiceAccount> serviceAccounts(@PathVariable String account) {
    return accounts.serviceAccounts(account);
  }

  @PostMapping("/service-accounts")
  @ResponseStatus(HttpStatus.CREATED)
  ServiceAccount createServiceAccount(
      @PathVariable String account, @RequestBody NewServiceAccount body) {
    return accounts.createServiceAccount(account, body.name(), body.role());
  }

  @DeleteMapping("/service-accounts/{name}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void deleteServiceAccount(@PathVariable String account, @PathVariable String name) {
    accounts.deleteServiceAccount(account, name);
  }

  @GetMapping("/workspaces")
  List<Workspace> workspaces(@PathVariable String account) {
    return accounts.workspaces(account);
  }

  @PostMapping("/workspaces")
  @ResponseStatus(HttpStatus.CREATED)
  Workspace createWorkspace(@PathVariable String account, @RequestBody NewWorkspace body) {
    return accounts.createWorkspace(account, body.id());
  }

  /** The users, then the service accounts, with an explicit role in the workspace. */
  @GetMapping("/workspaces/{workspace}/members")
  List<Member> workspaceMembers(@PathVariable String workspace) {
    List<Member> members = new ArrayList<>(workspaces.users(workspace));
    members.addAll(workspaces.serviceAccounts(workspace));
    return members;
  }

  @PutMapping("/workspaces/{workspace}/members/{principal}")
  Member setWorkspaceRole(
      @PathVariable String workspace,
      @PathVariable String principal,
      @RequestBody RoleChange body) {
    return workspaces.setRole(workspace, principal, body.role());
  }

  @DeleteMapping("/workspaces/{workspace}/members/{principal}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void removeWorkspaceMember(@PathVariable String workspace, @PathVariable String principal) {
    workspaces.removeMember(workspace, principal);
  }

  @GetMapping("/workspaces/{workspace}/default-role")
  Workspace workspace(@PathVariable String workspace) {
    return workspaces.workspace(workspace);
  }

  @PutMapping("/workspaces/{workspace}/default-role")
  Workspace setDefaultRole(@PathVariable String workspace, @RequestBody RoleChange body) {
    return body.role() == null
        ? workspaces.setNoAccessDefault(workspace)
        : workspaces.setDefaultRole(workspace, body.role());
  }
}
