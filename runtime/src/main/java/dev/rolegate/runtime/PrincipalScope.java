package dev.rolegate.runtime;

/**
 * An open binding of {@link CurrentPrincipal}. Closing it restores the binding that was current
 * when it was opened; close it in a try-with-resources block.
 */
public interface PrincipalScope extends AutoCloseable {
  /** Restores the previous binding. Throws nothing; closing twice does nothing more. */
  @Override
  void close();
}
