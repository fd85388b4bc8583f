package dev.rolegate.runtime;

import dev.rolegate.runtime.internal.Names;
import java.util.List;

/**
 * One decision a guard made, as a {@link DecisionListener} sees it: for audit logs. It holds ids
 * and names only, never call arguments other than the workspace id.
 *
 * @param allowed whether the call went through
 * @param operation the guarded method, e.g. {@code DeploymentService.delete}
 * @param principalId the caller's id, or null when nobody was authenticated
 * @param principalKind user or service account, or null when nobody was authenticated
 * @param account the account the call acted in (the one it named, else its workspace's), or null
 *     when it named none and none was found
 * @param workspace the workspace the call acted on, or null when it named none
 * @param permissions the permissions the method requires
 * @param anyOf whether one of {@code permissions} sufficed (else all were required)
 * @param grantedBy on an allow, what granted it, e.g. {@code DEVELOPER in ws-prod} or {@code
 *     account ADMIN in acme (workspace OWNER in the account's workspaces)}; "" on a denial
 * @param wouldAllow on a denial, the roles that would have been allowed, e.g. {@code workspace
 *     DEVELOPER}, {@code account ADMIN}; empty on an allow
 * @param reason "allowed", or the denial's message
 */
public record Decision(
    boolean allowed,
    String operation,
    String principalId,
    PrincipalKind principalKind,
    String account,
    String workspace,
    List<String> permissions,
    boolean anyOf,
    String grantedBy,
    List<String> wouldAllow,
    String reason) {
  public Decision {
    permissions = List.copyOf(permissions);
    wouldAllow = List.copyOf(wouldAllow);
  }

  /**
   * Returns {@link #workspace()} fit for a log line, as denial messages show it: a caller chose it,
   * so line breaks, bidi controls and other characters that cannot be shown are escaped ({@code
   * \\n}, {@code \\u202e}) and a long id is cut; null when the call named none.
   */
  public String workspaceForLog() {
    return workspace == null ? null : Names.escaped(workspace);
  }

  /** Returns {@link #account()} fit for a log line, by the same rule; null when there is none. */
  public String accountForLog() {
    return account == null ? null : Names.escaped(account);
  }
}
