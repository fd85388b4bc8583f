package dev.rolegate.benchmarks;

/**
 * The hand-written baseline's denial: like rolegate's {@code AccessDeniedException}, a {@link
 * SecurityException} with a message, the denied caller, operation and workspace, and a filled stack
 * trace, so that a denied call is compared with equivalent work.
 */
public class HandWrittenDeniedException extends SecurityException {
  private static final long serialVersionUID = 1L;

  private final String principalId;
  private final String operation;
  private final String workspace;

  /** Creates a denial. */
  public HandWrittenDeniedException(
      String message, String principalId, String operation, String workspace) {
    super(message);
    this.principalId = principalId;
    this.operation = operation;
    this.workspace = workspace;
  }

  /** Returns the denied caller's id. */
  public String principalId() {
    return principalId;
  }

  /** Returns the denied operation. */
  public String operation() {
    return operation;
  }

  /** Returns the workspace the call acted on. */
  public String workspace() {
    return workspace;
  }
}
