package dev.rolegate.processor.internal.matrix;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The SHA-256 of a matrix file's bytes, as the generated table records it and the runtime
 * recomputes it from the file that ships beside the table.
 */
public final class MatrixDigest {
  private MatrixDigest() {}

  /** Returns the lowercase hex SHA-256 of {@code bytes}. */
  public static String sha256(byte[] bytes) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      StringBuilder hex = new StringBuilder(64);
      for (byte b : digest) {
        hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform implements SHA-256 (MessageDigest's Javadoc).
      throw new IllegalStateException("no SHA-256 in this JDK", e);
    }
  }
}
