package dev.rolegate.spring;

import dev.rolegate.runtime.Principal;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Resolves the principal from Spring Security's {@link SecurityContextHolder} through a {@link
 * PrincipalMapper}.
 */
public class SecurityContextPrincipalResolver implements PrincipalResolver {
  private final PrincipalMapper mapper;

  /** Creates the resolver. */
  public SecurityContextPrincipalResolver(PrincipalMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public Principal resolve(HttpServletRequest request) {
    return mapper.map(SecurityContextHolder.getContext().getAuthentication());
  }
}
