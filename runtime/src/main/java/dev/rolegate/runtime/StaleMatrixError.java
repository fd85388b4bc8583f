package dev.rolegate.runtime;

/**
 * A generated capability table was compiled from other matrix text than the matrix file that ships
 * beside it, or that file is missing or unreadable: the table would decide by grants the document
 * no longer states. Thrown when the table class initializes (its first use), so no guard of that
 * matrix can run; the fix is a clean build ({@code mvn clean compile}, a clean Gradle build), which
 * compiles the table again from the file.
 *
 * <p>Like {@link IncompatibleClassChangeError}, it reports a build whose parts were compiled from
 * different inputs, and is an {@link Error} so that no {@code catch (Exception e)} on the way to
 * the first guard call can swallow it.
 */
public final class StaleMatrixError extends LinkageError {
  private static final long serialVersionUID = 1L;

  /** Creates the error with its message. */
  public StaleMatrixError(String message) {
    super(message);
  }

  /** Creates the error with its message and the failure that caused it. */
  public StaleMatrixError(String message, Throwable cause) {
    super(message, cause);
  }
}
