package dev.rolegate.processor.internal.matrix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolegate.processor.internal.diagnostic.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A matrix problem renders its cause's template: after the location, and with it. */
class MatrixProblemTest {
  private static final MatrixProblem DUPLICATE =
      MatrixProblem.of(Diagnostic.MATRIX_DUPLICATE_PERMISSION, 9, "VIEW", 5);

  @Test
  void message_isTheTemplateAfterTheLocation() {
    assertEquals(
        "permission VIEW is already defined on line 5; give each permission one row",
        DUPLICATE.message());
  }

  @Test
  void located_putsTheFileAndTheLineBeforeTheArguments() {
    assertArrayEquals(new Object[] {"acme.md", 9, "VIEW", 5}, DUPLICATE.located("acme.md"));
    assertEquals(
        "[MatrixDuplicateName] acme.md:9: permission VIEW is already defined on line 5; give each"
            + " permission one row",
        DUPLICATE.diagnostic().format(DUPLICATE.located("acme.md")));
  }

  @Test
  void arguments_areCopied() {
    List<Object> arguments = new ArrayList<>(List.of("VIEW", 5));
    MatrixProblem problem = new MatrixProblem(Diagnostic.MATRIX_DUPLICATE_PERMISSION, 9, arguments);
    arguments.set(0, "EDIT");
    assertEquals(List.of("VIEW", 5), problem.arguments());
  }

  @Test
  void tooLarge_onlyForTheLimitsOfTheGeneratedTable() {
    assertTrue(MatrixProblem.of(Diagnostic.MATRIX_TOO_MANY_PERMISSIONS, 1, 1, 1, 1).tooLarge());
    assertTrue(MatrixProblem.of(Diagnostic.MATRIX_TOO_MANY_CONSTANTS, 1, 1, 1).tooLarge());
    assertFalse(DUPLICATE.tooLarge());
  }

  @Test
  void message_ofADiagnosticWithoutLocation_isRefused() {
    MatrixProblem problem = MatrixProblem.of(Diagnostic.NO_MATRIX, 1, "Things");
    IllegalStateException refused = assertThrows(IllegalStateException.class, problem::message);
    assertEquals("NO_MATRIX is not located in a matrix file", refused.getMessage());
  }
}
