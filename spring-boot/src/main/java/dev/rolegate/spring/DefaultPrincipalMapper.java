package dev.rolegate.spring;

import dev.rolegate.runtime.Matrix;
import dev.rolegate.runtime.Principal;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The starter's default {@link PrincipalMapper}. The principal's id is {@link
 * Authentication#getName()}; its roles come from
 *
 * <ul>
 *   <li>authorities {@code account:<ROLE>} (e.g. {@code account:ADMIN}) and {@code
 *       workspace:<id>:<ROLE>} (e.g. {@code workspace:ws-prod:DEVELOPER}; the role follows the last
 *       colon), and the authority {@code principal:service-account} for a service account;
 *   <li>the claims of an OAuth2 token (a JWT from the resource server): {@code account_role} (a
 *       string), {@code workspace_roles} (an object of workspace id to role) and {@code
 *       principal_type} ({@code user}, the default, or {@code service_account}).
 * </ul>
 *
 * <p>Other authorities ({@code ROLE_USER}, {@code SCOPE_read}) are ignored. No account role means
 * the matrix's default (MEMBER). An anonymous or unauthenticated request has no principal.
 * Everything else fails closed with a {@link PrincipalMappingException} (HTTP 401): a role the
 * matrix does not have (names are case-sensitive), two account roles, two roles for one workspace,
 * a claim of the wrong shape.
 */
public class DefaultPrincipalMapper implements PrincipalMapper {
  /** A role name that may be quoted back in a message; anything else is not echoed. */
  private static final Pattern PRINTABLE_ROLE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  private final Matrix matrix;

  /** Creates the mapper for this matrix. */
  public DefaultPrincipalMapper(Matrix matrix) {
    this.matrix = matrix;
  }

  @Override
  public Principal map(Authentication authentication) {
    if (authentication == null
        || !authentication.isAuthenticated()
        || authentication instanceof AnonymousAuthenticationToken) {
      return null;
    }
    Roles roles = new Roles();
    readAuthorities(authentication.getAuthorities(), roles);
    readClaims(JwtClaims.of(authentication), roles);
    return build(authentication.getName(), roles);
  }

  private static void readAuthorities(
      Collection<? extends GrantedAuthority> authorities, Roles roles) {
    for (GrantedAuthority authority : authorities) {
      String text = authority.getAuthority();
      if (text == null) {
        continue;
      }
      if (text.startsWith("account:")) {
        roles.account(text.substring("account:".length()));
      } else if (text.startsWith("workspace:")) {
        String rest = text.substring("workspace:".length());
        int colon = rest.lastIndexOf(':');
        if (colon <= 0 || colon == rest.length() - 1) {
          throw new PrincipalMappingException(
              "an authority \"workspace:<id>:<ROLE>\" lacks its workspace id or its role");
        }
        roles.workspace(rest.substring(0, colon), rest.substring(colon + 1));
      } else if (text.equals("principal:service-account")) {
        roles.serviceAccount = true;
      }
    }
  }

  private static void readClaims(Map<String, Object> claims, Roles roles) {
    Object account = claims.get("account_role");
    if (account != null) {
      if (!(account instanceof String name)) {
        throw new PrincipalMappingException("the claim account_role is not a string");
      }
      roles.account(name);
    }
    Object workspaces = claims.get("workspace_roles");
    if (workspaces != null) {
      if (!(workspaces instanceof Map<?, ?> map)) {
        throw new PrincipalMappingException(
            "the claim workspace_roles is not an object of workspace id to role");
      }
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!(entry.getKey() instanceof String id) || !(entry.getValue() instanceof String role)) {
          throw new PrincipalMappingException(
              "the claim workspace_roles is not an object of workspace id to role");
        }
        roles.workspace(id, role);
      }
    }
    Object type = claims.get("principal_type");
    if (type != null) {
      if ("service_account".equals(type)) {
        roles.serviceAccount = true;
      } else if (!"user".equals(type)) {
        throw new PrincipalMappingException(
            "the claim principal_type is neither \"user\" nor \"service_account\"");
      }
    }
  }

  private Principal build(String id, Roles roles) {
    if (id == null || id.isBlank()) {
      throw new PrincipalMappingException("the authentication has no name to use as principal id");
    }
    if (roles.account != null && matrix.accountRole(roles.account).isEmpty()) {
      throw unknownRole("account role", roles.account);
    }
    for (Map.Entry<String, String> entry : roles.workspaces.entrySet()) {
      if (matrix.workspaceRole(entry.getValue()).isEmpty()) {
        throw unknownRole("workspace role (in workspace " + entry.getKey() + ")", entry.getValue());
      }
    }
    try {
      Principal.Builder builder =
          roles.serviceAccount ? Principal.serviceAccount(id) : Principal.user(id);
      builder.matrix(matrix);
      if (roles.account != null) {
        builder.accountRole(roles.account);
      }
      roles.workspaces.forEach(builder::workspaceRole);
      return builder.build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      // The builder's message may quote the id; the client gets a fixed text instead.
      throw new PrincipalMappingException(
          "the authentication does not describe a valid principal (its id or a workspace id is"
              + " rejected: empty, blank or with control characters)");
    }
  }

  private PrincipalMappingException unknownRole(String what, String role) {
    String shown = PRINTABLE_ROLE.matcher(role).matches() ? "\"" + role + "\"" : "(not shown)";
    return new PrincipalMappingException(
        "the credentials name "
            + what
            + " "
            + shown
            + ", which matrix "
            + matrix.name()
            + " does not have (role names are case-sensitive)");
  }

  /** The roles read so far; two different values for one slot fail. */
  private static final class Roles {
    String account;
    final Map<String, String> workspaces = new TreeMap<>();
    boolean serviceAccount;

    void account(String role) {
      if (account != null && !account.equals(role)) {
        throw new PrincipalMappingException("the credentials name two account roles");
      }
      account = role;
    }

    void workspace(String id, String role) {
      String previous = workspaces.putIfAbsent(id, role);
      if (previous != null && !previous.equals(role)) {
        throw new PrincipalMappingException("the credentials name two roles for workspace " + id);
      }
    }
  }
}
