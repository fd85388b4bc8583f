package dev.rolegate.spring;

import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.ClaimAccessor;
import org.springframework.util.ClassUtils;

/** Reads the claims of an OAuth2 token, only when Spring Security's OAuth2 support is present. */
final class JwtClaims {
  private static final boolean PRESENT =
      ClassUtils.isPresent(
          "org.springframework.security.oauth2.core.ClaimAccessor",
          JwtClaims.class.getClassLoader());

  private JwtClaims() {}

  /** Returns the claims of the authentication's token, or an empty map when it has none. */
  static Map<String, Object> of(Authentication authentication) {
    return PRESENT ? Reader.claims(authentication) : Map.of();
  }

  /** Loaded only when {@link #PRESENT}: it links against {@link ClaimAccessor}. */
  private static final class Reader {
    static Map<String, Object> claims(Authentication authentication) {
      Object principal = authentication.getPrincipal();
      if (principal instanceof ClaimAccessor accessor && accessor.getClaims() != null) {
        return accessor.getClaims();
      }
      return Map.of();
    }
  }
}
