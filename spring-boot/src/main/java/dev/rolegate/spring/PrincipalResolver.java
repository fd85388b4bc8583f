package dev.rolegate.spring;

import dev.rolegate.runtime.Principal;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Finds the principal of an HTTP request. With Spring Security on the class path the starter
 * provides one that reads {@code SecurityContextHolder} through a {@link PrincipalMapper}; without
 * it, the application declares a bean of this type.
 */
@FunctionalInterface
public interface PrincipalResolver {
  /**
   * Returns the request's principal, or null when the request is not authenticated (guarded calls
   * then fail with HTTP 401).
   *
   * @throws PrincipalMappingException when the request carries credentials that describe no valid
   *     principal (an unknown role, say): the request is answered with HTTP 401
   */
  Principal resolve(HttpServletRequest request);
}
