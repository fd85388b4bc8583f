package dev.rolegate.runtime;

/**
 * Where a guard gets the calling principal. {@link CurrentPrincipal#source()} reads the thread's
 * binding; an application may supply its own (a request context, a test fixture).
 */
@FunctionalInterface
public interface PrincipalSource {
  /** Returns the calling principal, or null when nobody is authenticated. */
  Principal current();

  /**
   * Returns the workspace the current call acts on when the method has no {@code @WorkspaceId}
   * parameter, or null. The default has none.
   */
  default String currentWorkspace() {
    return null;
  }

  /**
   * Returns the account the current call acts on when the method is {@code @BoundAccount} and has
   * no {@code @AccountId} parameter, or null. The default has none.
   */
  default String currentAccount() {
    return null;
  }
}
