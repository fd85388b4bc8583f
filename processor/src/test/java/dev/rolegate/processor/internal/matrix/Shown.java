package dev.rolegate.processor.internal.matrix;

import dev.rolegate.processor.internal.diagnostic.Diagnostic;
import java.util.List;
import java.util.Optional;

/** A matrix problem as its reader sees it, for tests to compare: its cause, line and message. */
record Shown(Diagnostic diagnostic, int line, String message) {
  static Shown of(MatrixProblem problem) {
    return new Shown(problem.diagnostic(), problem.line(), problem.message());
  }

  static Optional<Shown> of(Optional<MatrixProblem> problem) {
    return problem.map(Shown::of);
  }

  static List<Shown> all(List<MatrixProblem> problems) {
    return problems.stream().map(Shown::of).toList();
  }
}
