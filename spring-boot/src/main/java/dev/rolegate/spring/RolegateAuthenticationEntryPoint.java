package dev.rolegate.spring;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Spring Security's answer to a request that needs authentication and has none (or whose
 * credentials failed), in rolegate's form: HTTP 401 with an {@code application/problem+json} body
 * of type {@code urn:rolegate:problem:unauthenticated}, as a guarded call without a principal
 * answers, its {@code instance} the request's path. The authentication failure's message is not
 * echoed. The starter declares one as a bean; use it with {@code .exceptionHandling(e ->
 * e.authenticationEntryPoint(entryPoint))} (and for HTTP Basic or a resource server, their own
 * {@code authenticationEntryPoint(entryPoint)}).
 */
public class RolegateAuthenticationEntryPoint implements AuthenticationEntryPoint {
  private final String challenge;

  /** Creates the entry point that sends no {@code WWW-Authenticate} header. */
  public RolegateAuthenticationEntryPoint() {
    this(null);
  }

  /**
   * Creates the entry point that sends {@code challenge} as the {@code WWW-Authenticate} header,
   * such as {@code Bearer} for a resource server or {@code Basic realm="api"}.
   */
  public RolegateAuthenticationEntryPoint(String challenge) {
    this.challenge = challenge == null || challenge.isBlank() ? null : challenge;
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
      throws IOException {
    if (challenge != null) {
      response.setHeader("WWW-Authenticate", challenge);
    }
    Problems.write(
        response,
        HttpServletResponse.SC_UNAUTHORIZED,
        Problems.UNAUTHENTICATED,
        "Unauthenticated",
        "authentication is required for this request",
        Problems.field("instance", request.getRequestURI()));
  }
}
