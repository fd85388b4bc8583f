package dev.rolegate.spring;

import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.util.ClassUtils;

/**
 * Reads the claims of a JWT that Spring Security's OAuth2 resource server validated, only when that
 * support is present. Only a {@code Jwt} principal counts: other claim holders, such as the user of
 * an OpenID Connect login (whose claims may include profile attributes a user can edit), grant no
 * roles.
 */
final class JwtClaims {
  private static final boolean PRESENT =
      ClassUtils.isPresent(
          "org.springframework.security.oauth2.jwt.Jwt", JwtClaims.class.getClassLoader());

  private JwtClaims() {}

  /** Returns the claims of the authentication's token, or an empty map when it has none. */
  static Map<String, Object> of(Authentication authentication) {
    return PRESENT ? Reader.claims(authentication) : Map.of();
  }

  /** Returns whether the authentication's principal is a {@code Jwt}. */
  static boolean hasJwtPrincipal(Authentication authentication) {
    return PRESENT && Reader.isJwt(authentication.getPrincipal());
  }

  /** Loaded only when {@link #PRESENT}: it links against {@link Jwt}. */
  private static final class Reader {
    static boolean isJwt(Object principal) {
      return principal instanceof Jwt;
    }

    static Map<String, Object> claims(Authentication authentication) {
      Object principal = authentication.getPrincipal();
      if (principal instanceof Jwt jwt && jwt.getClaims() != null) {
        return jwt.getClaims();
      }
      return Map.of();
    }
  }
}
