package dev.rolegate.processor.internal.matrix;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of a matrix file's bytes, as the generated table records it and the runtime
 * recomputes it from the file that ships beside the table.
 */
public final class MatrixDigest {
  private MatrixDigest() {}

  /** Returns the lowercase hex SHA-256 of {@code bytes}. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform implements SHA-256 (MessageDigest's Javadoc).
      throw new IllegalStateException("no SHA-256 in this JDK", e);
    }
  }
}
