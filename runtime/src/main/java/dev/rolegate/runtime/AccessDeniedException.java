package dev.rolegate.runtime;

import java.util.List;

/**
 * A guarded call was denied: the principal lacks the permission in the workspace the call acts
 * on, or the decision could not be made. The delegate was not called. The message says who, which
 * permission, which workspace, the principal's role there and which roles would have it; it
 * carries no call arguments beyond the workspace id.
 */
public class AccessDeniedException extends SecurityException {
  private static final long serialVersionUID = 1L;

  private final String principalId;
  private final String operation;
  private final List<String> permissions;
  private final String workspace;

  /** Creates a denial; the generated guards' runtime builds the message. */
  public AccessDeniedException(
      String message, String principalId, String operation, List<String> permissions, String workspace,
      Throwable cause) {
    super(message, cause);
    this.principalId = principalId;
    this.operation = operation;
    this.permissions = List.copyOf(permissions);
    this.workspace = workspace;
  }

  /** Returns the denied principal's id. */
  public String principalId() {
    return principalId;
  }

  /** Returns the denied operation, e.g. {@code DeploymentService.delete}. */
  public String operation() {
    return operation;
  }

  /** Returns the permissions the operation requires (all of them, or one of them). */
  public List<String> permissions() {
    return permissions;
  }

  /** Returns the workspace the call acted on, or null when it named none. */
  public String workspace() {
    return workspace;
  }
}
