package dev.rolegate.processor;

import dev.rolegate.processor.internal.diagnostic.Diagnostic;
import dev.rolegate.processor.internal.matrix.CompiledMatrix;
import dev.rolegate.processor.internal.matrix.Level;
import dev.rolegate.processor.internal.matrix.MatrixCompiler;
import dev.rolegate.processor.internal.matrix.MatrixProblem;
import dev.rolegate.processor.internal.matrix.PermissionRow;
import dev.rolegate.processor.internal.matrix.RoleRow;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The contract of {@link MatrixCompiler} (parser and compiler) for any text, checked by the parser
 * fuzz tests: it returns, never throws; the result is a compiled matrix with no problem, or no
 * matrix and at least one problem; every problem is one of the documented matrix diagnostics, with
 * a message, on a line of the file; problems come sorted by line; a compiled matrix is internally
 * consistent (names, levels, closures within the file's permissions).
 */
final class MatrixOutcomes {
  /**
   * The diagnostics a matrix file's content can produce (docs/diagnostics.md, "The matrix"): every
   * {@code [Matrix...]} id but {@code [MatrixNotFound]}, which is about a missing file.
   */
  static final Set<Diagnostic> MATRIX_DIAGNOSTICS = matrixDiagnostics();

  private static Set<Diagnostic> matrixDiagnostics() {
    Set<Diagnostic> diagnostics = EnumSet.noneOf(Diagnostic.class);
    for (Diagnostic diagnostic : Diagnostic.values()) {
      if (diagnostic.id().startsWith("Matrix") && diagnostic != Diagnostic.MATRIX_NOT_FOUND) {
        diagnostics.add(diagnostic);
      }
    }
    return diagnostics;
  }

  private MatrixOutcomes() {}

  /**
   * Compiles {@code text} and returns null when the outcome keeps the contract, else what broke it.
   * An exception or error thrown by the compiler is returned as the cause of an AssertionError's
   * message (a StackOverflowError included).
   */
  static String violation(String text) {
    MatrixCompiler.Result result;
    try {
      result = MatrixCompiler.compile("fuzz.md", text);
    } catch (Throwable e) { // everything, StackOverflowError and OutOfMemoryError included
      return "threw " + e + stackTop(e);
    }
    return violation(result, text);
  }

  /**
   * As {@link #violation(String)}, for raw bytes through the compiler's strict UTF-8 entry point
   * (the one the processor uses): malformed UTF-8 must be a problem on a line, not an exception.
   * Lines are counted in {@code bytes} decoded with replacement.
   */
  static String violation(byte[] bytes) {
    MatrixCompiler.Result result;
    try {
      result = MatrixCompiler.compile("fuzz.md", bytes);
    } catch (Throwable e) { // everything, StackOverflowError and OutOfMemoryError included
      return "threw " + e + stackTop(e);
    }
    return violation(result, MatrixInputs.decode(bytes, false));
  }

  private static String violation(MatrixCompiler.Result result, String text) {
    if (result == null || result.matrix() == null || result.problems() == null) {
      return "returned null parts: " + result;
    }
    List<MatrixProblem> problems = result.problems();
    if (result.matrix().isPresent() != problems.isEmpty()) {
      return "a matrix "
          + (result.matrix().isPresent() ? "and" : "but no")
          + " problems: "
          + problems;
    }
    int lines = text.split("\r\n|\r|\n", -1).length;
    int previous = 0;
    for (MatrixProblem problem : problems) {
      if (!MATRIX_DIAGNOSTICS.contains(problem.diagnostic())) {
        return "an undocumented diagnostic: " + problem;
      }
      if (problem.line() < 1 || problem.line() > lines) {
        return "line " + problem.line() + " is outside the file's " + lines + " lines: " + problem;
      }
      if (problem.line() < previous) {
        return "problems not sorted by line: " + problems;
      }
      if (problem.message() == null || problem.message().isBlank()) {
        return "a problem with no message: " + problem;
      }
      previous = problem.line();
    }
    return result.matrix().map(MatrixOutcomes::inconsistency).orElse(null);
  }

  /** Returns what is wrong with a compiled matrix, or null. */
  private static String inconsistency(CompiledMatrix matrix) {
    List<PermissionRow> permissions = matrix.permissions();
    if (permissions.isEmpty()) {
      return "a compiled matrix without permissions";
    }
    Set<String> names = new HashSet<>();
    for (PermissionRow permission : permissions) {
      if (!names.add(permission.name()) || !permission.name().matches("[A-Z][A-Z0-9_]*")) {
        return "permission name duplicated or malformed: " + permission.name();
      }
      BitSet implied = matrix.implied(permission);
      if (!implied.get(matrix.indexOf(permission))) {
        return permission.name() + " does not imply itself";
      }
      String wrong = outside(implied, permissions, permission.level());
      if (wrong != null) {
        return permission.name() + " implies " + wrong;
      }
    }
    int defaults = 0;
    for (RoleRow role : matrix.roles()) {
      String wrong = outside(matrix.closure(role), permissions, role.level());
      if (wrong != null) {
        return "role " + role.name() + " holds " + wrong;
      }
      defaults += role.isDefault() ? 1 : 0;
      if (role.isDefault() && role.level() != Level.ACCOUNT) {
        return "a default workspace role: " + role.name();
      }
    }
    return defaults > 1 ? defaults + " default account roles" : null;
  }

  /** Returns a bit that is no permission of {@code level}, described, or null. */
  private static String outside(BitSet bits, List<PermissionRow> permissions, Level level) {
    for (int i = bits.nextSetBit(0); i >= 0; i = bits.nextSetBit(i + 1)) {
      if (i >= permissions.size()) {
        return "bit " + i + " beyond the " + permissions.size() + " permissions";
      }
      if (permissions.get(i).level() != level) {
        return permissions.get(i).name() + ", of another level";
      }
    }
    return null;
  }

  private static String stackTop(Throwable e) {
    StringBuilder text = new StringBuilder();
    StackTraceElement[] trace = e.getStackTrace();
    for (int i = 0; i < Math.min(8, trace.length); i++) {
      text.append("\n    at ").append(trace[i]);
    }
    return text.toString();
  }

  /**
   * Returns {@code text} with control and non-ASCII characters escaped, cut to {@code max} chars.
   */
  static String show(String text, int max) {
    StringBuilder shown = new StringBuilder();
    for (int i = 0; i < text.length() && shown.length() < max; i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c >= ' ' && c < 0x7f)) {
        shown.append(c);
      } else {
        shown.append(String.format("\\u%04x", (int) c));
      }
    }
    return shown.length() >= max
        ? shown + "\n[... " + text.length() + " chars in all]"
        : shown.toString();
  }
}
