package dev.rolegate.spring;

import dev.rolegate.runtime.Principal;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Resolves the principal from Spring Security's {@link SecurityContextHolder} through a {@link
 * PrincipalMapper}.
 *
 * <p>With the default mapping, a bearer-token request whose authentication's principal is not a
 * {@code Jwt} (a custom JWT authentication converter that returns another token, an opaque-token
 * introspection) and whose authorities name no account or workspace role is logged as a warning,
 * once per kind of authentication: the default mapping reads claims only from a {@code Jwt}
 * principal, so every role the token's claims give would be lost.
 */
public class SecurityContextPrincipalResolver implements PrincipalResolver {
  private static final System.Logger LOG = System.getLogger("dev.rolegate.spring");

  private final PrincipalMapper mapper;
  private final Set<String> warned = ConcurrentHashMap.newKeySet();

  /** Creates the resolver. */
  public SecurityContextPrincipalResolver(PrincipalMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public Principal resolve(HttpServletRequest request) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (mapper instanceof DefaultPrincipalMapper) {
      warnIfClaimsAreLost(request, authentication);
    }
    return mapper.map(authentication);
  }

  private void warnIfClaimsAreLost(HttpServletRequest request, Authentication authentication) {
    if (authentication == null
        || !authentication.isAuthenticated()
        || authentication instanceof AnonymousAuthenticationToken
        || !bearer(request)
        || JwtClaims.hasJwtPrincipal(authentication)
        || namesARole(authentication)) {
      return;
    }
    Object principal = authentication.getPrincipal();
    String kind =
        authentication.getClass().getName()
            + " with a principal of type "
            + (principal == null ? "null" : principal.getClass().getName());
    if (warned.add(kind)) {
      LOG.log(
          System.Logger.Level.WARNING,
          "a bearer-token request is authenticated as a "
              + kind
              + ", not a Jwt: rolegate's default mapping reads the claims accounts, account_role,"
              + " workspace_roles and principal_type only from a Jwt principal, so this token's"
              + " claims give no role. Have your JWT authentication converter return a"
              + " JwtAuthenticationToken (new JwtAuthenticationToken(jwt, authorities, name)),"
              + " map the claims to authorities (account:<account id>:<ROLE>,"
              + " workspace:<id>:<ROLE>), or declare your own PrincipalMapper bean");
    }
  }

  private static boolean bearer(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
  }

  private static boolean namesARole(Authentication authentication) {
    for (GrantedAuthority authority : authentication.getAuthorities()) {
      String name = authority.getAuthority();
      if (name != null && (name.startsWith("account:") || name.startsWith("workspace:"))) {
        return true;
      }
    }
    return false;
  }
}
