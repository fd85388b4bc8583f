package dev.rolegate.processor.internal.matrix;

import dev.rolegate.processor.internal.diagnostic.Diagnostic;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What one generated capability table can hold. The table declares a {@code Permission} constant
 * per permission, all set by the class initializer, which the JVM caps at 64 KB of bytecode (about
 * 12 bytes a constant); and every distinct string and 64-bit bitset word it writes is an entry of
 * the class's constant pool, which holds at most 65,535. A matrix beyond either is rejected here,
 * with its numbers, rather than left to fail as generated code javac cannot compile.
 */
final class MatrixLimits {
  /** The most permissions a matrix may have: 4,096 initializer statements take about 49 KB. */
  static final int MAX_PERMISSIONS = 4_096;

  /** The most constant-pool entries the generated table may need; the JVM's cap is 65,535. */
  static final int MAX_CONSTANTS = 60_000;

  private MatrixLimits() {}

  /** Returns the problem of a matrix with more than {@link #MAX_PERMISSIONS} permissions. */
  static Optional<MatrixProblem> checkCount(List<PermissionRow> permissions) {
    if (permissions.size() <= MAX_PERMISSIONS) {
      return Optional.empty();
    }
    return Optional.of(
        MatrixProblem.of(
            Diagnostic.MATRIX_TOO_MANY_PERMISSIONS,
            permissions.get(MAX_PERMISSIONS).line(),
            permissions.size(),
            MAX_PERMISSIONS,
            MAX_PERMISSIONS + 1));
  }

  /** Returns the problem of a matrix whose table needs more than {@link #MAX_CONSTANTS}. */
  static Optional<MatrixProblem> checkConstants(CompiledMatrix matrix) {
    int constants = constants(matrix);
    if (constants <= MAX_CONSTANTS) {
      return Optional.empty();
    }
    return Optional.of(
        MatrixProblem.of(
            Diagnostic.MATRIX_TOO_MANY_CONSTANTS,
            matrix.permissions().get(0).line(),
            constants,
            MAX_CONSTANTS));
  }

  /**
   * Returns an upper estimate of the table's constant-pool entries: fields, strings, long words (0
   * and 1 need none: javac writes them as {@code lconst_0} and {@code lconst_1}), and a margin for
   * the class's own names; each {@code addRows} method holds at least 30 rows.
   */
  static int constants(CompiledMatrix matrix) {
    Set<String> strings = new HashSet<>();
    Set<Long> words = new HashSet<>();
    strings.add(matrix.title());
    strings.add(matrix.sourceName());
    for (PermissionRow row : matrix.permissions()) {
      strings.add(row.name());
      strings.add(row.scope());
      strings.add(row.description());
      addWords(words, matrix.implied(row));
    }
    for (RoleRow role : matrix.roles()) {
      strings.add(role.name());
      strings.add(role.everywhere());
      strings.add(role.description());
      addWords(words, matrix.closure(role));
    }
    int rowMethods = (matrix.permissions().size() + matrix.roles().size()) / 30 + 1;
    return 200
        + 3 * matrix.permissions().size()
        + 2 * strings.size()
        + 2 * words.size()
        + 3 * rowMethods;
  }

  private static void addWords(Set<Long> words, BitSet bits) {
    for (long word : bits.toLongArray()) {
      if (word != 0L && word != 1L) {
        words.add(word);
      }
    }
  }
}
