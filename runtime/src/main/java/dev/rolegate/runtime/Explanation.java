package dev.rolegate.runtime;

import java.util.List;

/**
 * Why a principal may or may not use one permission in one workspace or account: the structured
 * answer and a sentence for people ({@link #sentence()}).
 *
 * @param allowed whether the permission is held there
 * @param principalId the principal's id
 * @param account the account asked about (the workspace's, or the one named), or null when none is
 *     known
 * @param workspace the workspace asked about, or null
 * @param permission the permission's name
 * @param level whether it is a workspace or an account permission
 * @param roleThere the principal's workspace role there (explicit or the workspace default), as
 *     {@link Role#describe()}, or null
 * @param fromDefault whether {@code roleThere} is the workspace's default role
 * @param accountRole the principal's account role in {@code account}, or null (no member there)
 * @param grantedBy what grants the permission when allowed, e.g. {@code DEVELOPER in ws-prod}; ""
 *     when denied
 * @param grantingRoles the matrix's roles (of the permission's level) that hold it
 * @param sentence the readable answer, e.g. {@code denied: alice is RUNNER in ws-prod;
 *     DELETE_DEPLOYMENTS is granted by DEVELOPER, OWNER}
 */
public record Explanation(
    boolean allowed,
    String principalId,
    String account,
    String workspace,
    String permission,
    Level level,
    String roleThere,
    boolean fromDefault,
    String accountRole,
    String grantedBy,
    List<String> grantingRoles,
    String sentence) {
  public Explanation {
    grantingRoles = List.copyOf(grantingRoles);
  }

  @Override
  public String toString() {
    return sentence;
  }
}
