package dev.rolegate.runtime;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.function.Supplier;

/**
 * A guarded call was denied: the principal lacks the permission in the workspace or account the
 * call acts on, or the decision could not be made. The delegate was not called. The message says
 * who, which permission, which workspace, the principal's role there and which roles would have it;
 * it carries no call arguments beyond the workspace id.
 */
public class AccessDeniedException extends SecurityException {
  private static final long serialVersionUID = 1L;

  private final String principalId;
  private final String operation;
  private final List<String> permissions;
  private final String workspace;
  private final String account;

  /** Builds the message when it is first read: a denial that nobody reads costs no text. */
  private transient Supplier<String> lazyMessage;

  private String message;

  /** Creates a denial with its message. */
  public AccessDeniedException(
      String message,
      String principalId,
      String operation,
      List<String> permissions,
      String workspace,
      Throwable cause) {
    this(() -> message, principalId, operation, permissions, workspace, cause);
    this.message = message;
  }

  /**
   * Creates a denial whose message is built by {@code message} when first read (at most once); the
   * generated guards' runtime uses this so that a denied call costs no more than it must.
   */
  public AccessDeniedException(
      Supplier<String> message,
      String principalId,
      String operation,
      List<String> permissions,
      String workspace,
      Throwable cause) {
    this(message, principalId, operation, permissions, null, workspace, cause);
  }

  /**
   * Creates a denial of a call in {@code account} (or null when none was found), whose message is
   * built by {@code message} when first read.
   */
  public AccessDeniedException(
      Supplier<String> message,
      String principalId,
      String operation,
      List<String> permissions,
      String account,
      String workspace,
      Throwable cause) {
    super(null, cause);
    this.lazyMessage = message;
    this.principalId = principalId;
    this.operation = operation;
    this.permissions = List.copyOf(permissions);
    this.account = account;
    this.workspace = workspace;
  }

  @Override
  public synchronized String getMessage() {
    if (message == null && lazyMessage != null) {
      message = lazyMessage.get();
      lazyMessage = null;
    }
    return message;
  }

  private void writeObject(ObjectOutputStream out) throws IOException {
    getMessage();
    out.defaultWriteObject();
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

  /**
   * Returns the account the call acted in (the one it named, else its workspace's), or null when
   * none was named or found. Named by a caller: show it escaped.
   */
  public String account() {
    return account;
  }

  /** Returns the workspace the call acted on, or null when it named none. */
  public String workspace() {
    return workspace;
  }
}
