package dev.rolegate.runtime;

/**
 * A guarded call was made with no principal bound: nobody is authenticated. The delegate was not
 * called. Bind one with {@link CurrentPrincipal#bind(Principal)} or pass a {@link PrincipalSource}
 * to the guard.
 */
public class UnauthenticatedException extends SecurityException {
  private static final long serialVersionUID = 1L;

  private final String operation;

  /** Creates the exception for {@code operation}, e.g. {@code DeploymentService.delete}. */
  public UnauthenticatedException(String operation) {
    super(
        "no principal is bound for "
            + operation
            + ": bind one with CurrentPrincipal.bind(principal) or wrap the service with a"
            + " PrincipalSource");
    this.operation = operation;
  }

  /** Returns the operation that was called. */
  public String operation() {
    return operation;
  }
}
