package dev.rolegate.spring;

/**
 * The credentials of a request describe no valid principal: a role the matrix does not have, two
 * roles for one workspace, a claim of the wrong shape. The request is refused with HTTP 401 and
 * this exception's message as the problem detail, so the message must never carry a secret (a
 * token, a password, a claim's raw value).
 */
public class PrincipalMappingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that is safe to send to the client. */
  public PrincipalMappingException(String message) {
    super(message);
  }
}
