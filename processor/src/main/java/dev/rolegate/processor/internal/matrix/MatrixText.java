package dev.rolegate.processor.internal.matrix;

import dev.rolegate.processor.internal.diagnostic.Diagnostic;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a matrix file's bytes as strict UTF-8. javac's own reading replaces each bad byte with
 * U+FFFD and prints an error per byte (hundreds for a binary file) that does not even fail the
 * compilation when the processor raises none; here the first bad byte is one clear problem.
 */
final class MatrixText {
  private MatrixText() {}

  /** Returns the text, or the problem at the first byte that is not UTF-8. */
  static Decoded decode(byte[] bytes) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int offset = in.position();
      int line = 1;
      for (int i = 0; i < offset; i++) {
        if (bytes[i] == '\n') {
          line++;
        }
      }
      return new Decoded(
          null,
          MatrixProblem.of(Diagnostic.MATRIX_NOT_UTF8, line, offset + 1, bytes[offset] & 0xff));
    }
    out.flip();
    return new Decoded(out.toString(), null);
  }

  /** A decoded file: its text, or (text null) the problem that stopped decoding. */
  record Decoded(String text, MatrixProblem problem) {}
}
