package dev.rolegate.processor.internal.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolegate.processor.internal.diagnostic.Diagnostic;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What one generated capability table can hold: at most 4,096 permissions, and at most 60,000
 * estimated constant-pool entries, each checked at its exact boundary with its exact message.
 */
class MatrixLimitsTest {
  private static final String COUNT_MESSAGE =
      "the matrix has %s permissions; a compiled matrix holds"
          + " at most 4,096 (its generated capability table sets one constant per permission in a class"
          + " initializer, which the JVM caps at 64 KB). This row is permission 4,097: merge or remove"
          + " permissions";
  private static final String CONSTANTS_MESSAGE =
      "the generated capability table would need about"
          + " %s constant-pool entries (one for each permission's constant, two for each distinct name,"
          + " scope and description, two for each distinct 64-bit word of the permissions' and roles'"
          + " closed bitsets); a compiled matrix may need at most 60,000 (the JVM caps a class at"
          + " 65,535): use fewer permissions, roles or distinct descriptions, or simpler includes";

  /**
   * {@code size} permissions, the i-th on line 10 + 2i (so a wrong index shows as a wrong line).
   */
  private static List<PermissionRow> rows(int size) {
    List<PermissionRow> rows = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      rows.add(new PermissionRow(10 + 2 * i, "P" + i, Level.WORKSPACE, "", List.of(), ""));
    }
    return rows;
  }

  @Test
  void limits_areTheDocumentedNumbers() {
    assertEquals(4_096, MatrixLimits.MAX_PERMISSIONS);
    assertEquals(60_000, MatrixLimits.MAX_CONSTANTS);
  }

  @Test
  void permissionCount_4096Passes_4097IsRejectedOnThe4097thRow() {
    assertEquals(Optional.empty(), MatrixLimits.checkCount(rows(0)));
    assertEquals(Optional.empty(), MatrixLimits.checkCount(rows(4_095)));
    assertEquals(Optional.empty(), MatrixLimits.checkCount(rows(4_096)));
    assertTooMany(4_097, "4,097");
    assertTooMany(10_000, "10,000");
  }

  /** {@code count} permissions, shown as {@code shown}, are rejected on the row of the 4,097th. */
  private static void assertTooMany(int count, String shown) {
    assertEquals(
        Optional.of(
            new Shown(
                Diagnostic.MATRIX_TOO_MANY_PERMISSIONS,
                10 + 2 * 4_096,
                String.format(COUNT_MESSAGE, shown))),
        Shown.of(MatrixLimits.checkCount(rows(count))));
  }

  /**
   * Three permissions and two roles: strings T, m.md, A, s, d, B, e, C, "", R, S, W (12); words 3,
   * 4 and 7 (words 0 and 1 need no constant, and 3 twice is one); one row method.
   */
  @Test
  void constants_countsFieldsDistinctStringsDistinctWordsAndRowMethods() {
    List<PermissionRow> permissions =
        List.of(
            new PermissionRow(5, "A", Level.WORKSPACE, "s", List.of(), "d"),
            new PermissionRow(6, "B", Level.WORKSPACE, "s", List.of("A"), "e"),
            new PermissionRow(7, "C", Level.WORKSPACE, "", List.of(), "d"));
    RoleRow r = new RoleRow(11, "R", Level.ACCOUNT, false, "", List.of(), "", "d");
    RoleRow s = new RoleRow(12, "S", Level.ACCOUNT, false, "", List.of(), "W", "");
    Map<RoleRow, BitSet> closures = new LinkedHashMap<>();
    closures.put(r, bits(0, 1, 2, 64));
    closures.put(s, bits(0, 1, 128));
    CompiledMatrix matrix =
        matrix(permissions, List.of(bits(0), bits(0, 1), bits(2, 64)), closures);
    assertEquals(200 + 3 * 3 + 2 * 12 + 2 * 3 + 3, MatrixLimits.constants(matrix));
    assertEquals(Optional.empty(), MatrixLimits.checkConstants(matrix));
  }

  @Test
  void constants_rowMethodsHoldThirtyRowsEach() {
    for (int size : List.of(28, 29, 30, 59, 60, 61)) {
      List<PermissionRow> permissions = new ArrayList<>();
      List<BitSet> implied = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        permissions.add(new PermissionRow(5 + i, "P" + i, Level.WORKSPACE, "", List.of(), ""));
        implied.add(bits(i));
      }
      RoleRow role = new RoleRow(40, "R", Level.WORKSPACE, false, "", List.of(), "", "");
      Map<RoleRow, BitSet> closures = new LinkedHashMap<>();
      closures.put(role, new BitSet());
      // Strings: T, m.md, "", R and each name; words: 2^i for 1 < i < 64 (2^0 is 1).
      int words = Math.min(size, 64) - 1;
      int rowMethods = (size + 1) / 30 + 1;
      assertEquals(
          200 + 3 * size + 2 * (4 + size) + 2 * words + 3 * rowMethods,
          MatrixLimits.constants(matrix(permissions, implied, closures)),
          "size " + size);
    }
  }

  /** One permission (strings T, m.md, A and ""), implied by a bitset of {@code words} words. */
  private static CompiledMatrix wide(int permissionCount, int words) {
    long[] longs = new long[words];
    for (int i = 0; i < words; i++) {
      longs[i] = i + 2L;
    }
    List<PermissionRow> permissions = new ArrayList<>();
    List<BitSet> implied = new ArrayList<>();
    for (int i = 0; i < permissionCount; i++) {
      permissions.add(
          new PermissionRow(
              5 + i, "ABCDEFGH".substring(i, i + 1), Level.WORKSPACE, "", List.of(), ""));
      implied.add(i == 0 ? BitSet.valueOf(longs) : bits(1));
    }
    return matrix(permissions, implied, new LinkedHashMap<>());
  }

  @Test
  void constants_60000Passes_moreIsRejectedOnTheFirstPermission() {
    CompiledMatrix atLimit = wide(1, 29_893);
    assertEquals(60_000, MatrixLimits.constants(atLimit));
    assertEquals(Optional.empty(), MatrixLimits.checkConstants(atLimit));

    assertRejected(wide(2, 29_891), 60_001, "60,001");
    assertRejected(wide(1, 29_894), 60_002, "60,002");
  }

  /** {@code matrix} needs {@code constants} entries, shown as {@code shown}, and is rejected. */
  private static void assertRejected(CompiledMatrix matrix, int constants, String shown) {
    assertEquals(constants, MatrixLimits.constants(matrix));
    assertEquals(
        Optional.of(
            new Shown(
                Diagnostic.MATRIX_TOO_MANY_CONSTANTS, 5, String.format(CONSTANTS_MESSAGE, shown))),
        Shown.of(MatrixLimits.checkConstants(matrix)));
  }

  /** A Permission table of {@code count} workspace permissions P0, P1, ... from line 3. */
  private static StringBuilder permissionTable(int count) {
    StringBuilder text = new StringBuilder("| Permission | Level | Includes |\n|---|---|---|\n");
    for (int i = 0; i < count; i++) {
      text.append("| P").append(i).append(" | workspace | |\n");
    }
    return text;
  }

  @Test
  void compile_4096PermissionsCompile_4097AreOneProblemOnTheLastRow() {
    StringBuilder text = permissionTable(4_096);
    MatrixCompiler.Result atLimit = MatrixCompiler.compile("m.md", text.toString());
    assertEquals(List.of(), atLimit.problems());
    assertEquals(4_096, atLimit.matrix().orElseThrow().permissions().size());

    text.append("| P4096 | workspace | |\n");
    MatrixCompiler.Result over = MatrixCompiler.compile("m.md", text.toString());
    assertTrue(over.matrix().isEmpty());
    assertEquals(
        List.of(
            new Shown(
                Diagnostic.MATRIX_TOO_MANY_PERMISSIONS,
                4_099,
                String.format(COUNT_MESSAGE, "4,097"))),
        Shown.all(over.problems()));
  }

  @Test
  void compile_tooManyPermissionsAndAnUnknownName_bothReportedByLine() {
    StringBuilder text = permissionTable(4_097);
    text.append(
        "\n| Role | Level | Inherits | Grants |\n|---|---|---|---|\n| R | workspace | | NOPE |\n");
    List<MatrixProblem> problems = MatrixCompiler.compile("m.md", text.toString()).problems();
    assertEquals(
        List.of(
            Diagnostic.MATRIX_TOO_MANY_PERMISSIONS, Diagnostic.MATRIX_UNKNOWN_GRANT_NO_CLOSE_NAME),
        problems.stream().map(MatrixProblem::diagnostic).toList(),
        problems.toString());
    assertEquals(List.of(4_099, 4_103), problems.stream().map(MatrixProblem::line).toList());
  }

  /**
   * One permission and 28,470 roles of distinct names: 200 + 3 + 2 × (4 + 28,470) strings + 3 × 950
   * row methods = 60,001 constants, so the otherwise valid matrix is rejected.
   */
  @Test
  void compile_tableBeyondTheConstantPool_isRejectedOnTheFirstPermission() {
    StringBuilder text =
        new StringBuilder(
            "# Big\n\n| Permission | Level | Includes |\n|---|---|---|\n| VIEW | workspace | |\n\n"
                + "| Role | Level | Inherits | Grants |\n|---|---|---|---|\n");
    for (int i = 0; i < 28_470; i++) {
      text.append("| R").append(i).append(" | workspace | | VIEW |\n");
    }
    MatrixCompiler.Result result = MatrixCompiler.compile("m.md", text.toString());
    assertTrue(result.matrix().isEmpty());
    assertEquals(
        List.of(
            new Shown(
                Diagnostic.MATRIX_TOO_MANY_CONSTANTS,
                5,
                String.format(CONSTANTS_MESSAGE, "60,001"))),
        Shown.all(result.problems()));
  }

  private static BitSet bits(int... indexes) {
    BitSet bits = new BitSet();
    for (int index : indexes) {
      bits.set(index);
    }
    return bits;
  }

  private static CompiledMatrix matrix(
      List<PermissionRow> permissions, List<BitSet> implied, Map<RoleRow, BitSet> closures) {
    MatrixDocument document =
        new MatrixDocument("m.md", "T", permissions, new ArrayList<>(closures.keySet()));
    return new CompiledMatrix(document, "text", implied, closures);
  }
}
