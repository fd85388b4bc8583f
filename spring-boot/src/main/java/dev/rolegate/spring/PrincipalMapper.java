package dev.rolegate.spring;

import dev.rolegate.runtime.Principal;
import org.springframework.security.core.Authentication;

/**
 * Maps Spring Security's {@link Authentication} to a rolegate {@link Principal}. The starter's
 * default is {@link DefaultPrincipalMapper}; declare a bean of this type to replace it.
 */
@FunctionalInterface
public interface PrincipalMapper {
  /**
   * Returns the principal, or null for no principal (not authenticated, anonymous).
   *
   * @throws PrincipalMappingException when the authentication names an unknown role or is otherwise
   *     not a valid principal; never answer with a weaker principal instead
   */
  Principal map(Authentication authentication);
}
