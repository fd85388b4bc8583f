package dev.rolegate.processor.internal.matrix;

import dev.rolegate.processor.internal.diagnostic.Diagnostic;
import java.util.List;

/**
 * A mistake in a matrix file: its cause in the catalogue, the line it is on, and the arguments of
 * the cause's template that follow the file and the line.
 */
public record MatrixProblem(Diagnostic diagnostic, int line, List<Object> arguments) {
  public MatrixProblem {
    arguments = List.copyOf(arguments);
  }

  static MatrixProblem of(Diagnostic diagnostic, int line, Object... arguments) {
    return new MatrixProblem(diagnostic, line, List.of(arguments));
  }

  /** Returns every argument of the diagnostic's template for the matrix file {@code file}. */
  public Object[] located(String file) {
    return Diagnostic.located(file, line, arguments);
  }

  /** Returns the message after its {@code <file>:<line>: } location. */
  public String message() {
    return String.format(diagnostic.templateAfterLocation(), arguments.toArray());
  }

  /**
   * Returns whether the matrix is more than a generated table can hold, so that not even its names
   * are generated.
   */
  public boolean tooLarge() {
    return diagnostic == Diagnostic.MATRIX_TOO_MANY_PERMISSIONS
        || diagnostic == Diagnostic.MATRIX_TOO_MANY_CONSTANTS;
  }
}
