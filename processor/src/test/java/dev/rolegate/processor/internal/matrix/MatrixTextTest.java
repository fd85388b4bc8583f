package dev.rolegate.processor.internal.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.rolegate.processor.internal.diagnostic.Diagnostic;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Strict UTF-8 decoding of a matrix file: the exact text of a valid file (a byte-order mark kept
 * for the parser), and for the first byte that is not UTF-8 one problem with its line, byte number
 * and value.
 */
class MatrixTextTest {
  private static final String SUFFIX =
      " is not valid UTF-8; a matrix is a UTF-8 text file (is this"
          + " a binary file, or one saved in another encoding?): save it as UTF-8";

  private static byte[] bytes(int... values) {
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) values[i];
    }
    return bytes;
  }

  private static String text(byte[] bytes) {
    MatrixText.Decoded decoded = MatrixText.decode(bytes);
    assertNull(decoded.problem(), String.valueOf(decoded.problem()));
    return decoded.text();
  }

  private static MatrixProblem problem(byte[] bytes) {
    MatrixText.Decoded decoded = MatrixText.decode(bytes);
    assertNull(decoded.text(), "no text beside a problem");
    assertEquals(Diagnostic.MATRIX_NOT_UTF8, decoded.problem().diagnostic());
    return decoded.problem();
  }

  @Test
  void validUtf8_isDecodedExactly() {
    assertEquals("", text(new byte[0]));
    assertEquals("a", text(bytes('a')));
    assertEquals("\n", text(bytes('\n')));
    for (String sample :
        List.of(
            "# T\n| Permission | Level |\r\n",
            "caf\u00e9 \u20ac \uD83D\uDE00",
            "\0",
            "\u07ff\u0800\uffff",
            "\uD83D\uDE00",
            "\u00e9")) {
      assertEquals(sample, text(sample.getBytes(StandardCharsets.UTF_8)), sample);
    }
  }

  @Test
  void byteOrderMark_isKeptForTheParser() {
    assertEquals("\uFEFF# T", text(bytes(0xEF, 0xBB, 0xBF, '#', ' ', 'T')));
    assertEquals("\uFEFF", text(bytes(0xEF, 0xBB, 0xBF)));
  }

  @Test
  void firstBadByte_isOneProblemWithItsLineNumberAndValue() {
    MatrixProblem first = problem(bytes(0xFF, 'a', 0xFE));
    assertEquals(1, first.line());
    assertEquals("byte 1 (0xFF)" + SUFFIX, first.message());

    MatrixProblem third = problem(bytes('a', '\n', 'b', '\n', 'c', 0xC3, '(', '\n', 0xFF));
    assertEquals(3, third.line());
    assertEquals("byte 6 (0xC3)" + SUFFIX, third.message());

    MatrixProblem afterBlankLines = problem(bytes('\n', '\n', '\n', 0x80));
    assertEquals(4, afterBlankLines.line());
    assertEquals("byte 4 (0x80)" + SUFFIX, afterBlankLines.message());
  }

  @Test
  void carriageReturns_doNotCountAsLines() {
    MatrixProblem problem = problem(bytes('a', '\r', '\n', 'b', '\r', 0x9F));
    assertEquals(2, problem.line());
    assertEquals("byte 6 (0x9F)" + SUFFIX, problem.message());
  }

  @Test
  void truncatedSequenceAtTheEnd_isReportedAtItsFirstByte() {
    MatrixProblem problem = problem(bytes('o', 'k', '\n', 0xE2, 0x82));
    assertEquals(2, problem.line());
    assertEquals("byte 4 (0xE2)" + SUFFIX, problem.message());
    assertEquals("byte 1 (0xF0)" + SUFFIX, problem(bytes(0xF0)).message());
  }

  @Test
  void overlongAndSurrogateEncodings_areNotUtf8() {
    assertEquals("byte 1 (0xC0)" + SUFFIX, problem(bytes(0xC0, 0x80)).message());
    assertEquals("byte 2 (0xED)" + SUFFIX, problem(bytes('x', 0xED, 0xA0, 0x80)).message());
  }

  @Test
  void largeOffsets_areGroupedByThousands() {
    byte[] bytes = new byte[12_345];
    java.util.Arrays.fill(bytes, (byte) 'x');
    bytes[1_000] = '\n';
    bytes[12_344] = (byte) 0xFF;
    MatrixProblem problem = problem(bytes);
    assertEquals(2, problem.line());
    assertEquals("byte 12,345 (0xFF)" + SUFFIX, problem.message());
  }

  @Test
  void compileFromBytes_reportsTheDecodingProblemAlone() {
    MatrixCompiler.Result bad =
        MatrixCompiler.compile("m.md", bytes('|', ' ', 'P', '\n', 'x', 0xFF, '\n'));
    assertEquals(
        List.of(new Shown(Diagnostic.MATRIX_NOT_UTF8, 2, "byte 6 (0xFF)" + SUFFIX)),
        Shown.all(bad.problems()));
    assertEquals(true, bad.matrix().isEmpty());

    byte[] good =
        ("\uFEFF# Title\n| Permission | Level | Includes |\n|---|---|---|\n"
                + "| VIEW | workspace | |\n")
            .getBytes(StandardCharsets.UTF_8);
    MatrixCompiler.Result ok = MatrixCompiler.compile("m.md", good);
    assertEquals(List.of(), ok.problems());
    CompiledMatrix matrix = ok.matrix().orElseThrow();
    assertEquals("Title", matrix.title());
    assertEquals(4, matrix.permissions().get(0).line());
    assertEquals(new String(good, StandardCharsets.UTF_8), matrix.text());
  }
}
