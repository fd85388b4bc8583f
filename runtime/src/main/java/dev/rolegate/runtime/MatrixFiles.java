package dev.rolegate.runtime;

import dev.rolegate.runtime.internal.Names;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Compares a capability table with the matrix file that ships beside it: the table carries the
 * SHA-256 of the file's bytes it was compiled from, and a build that copied a newer file without
 * compiling the table again (maven-compiler-plugin's "Nothing to compile" after an edit of only the
 * matrix) is refused before any guard of it runs.
 */
final class MatrixFiles {
  /** How many hex digits of a digest a message shows. */
  private static final int SHOWN = 12;

  private MatrixFiles() {}

  /** Returns {@code sha256} if it is 64 lowercase hex digits. */
  static String requireSha256(String sha256) {
    if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException(
          "a matrix digest is 64 lowercase hex digits (SHA-256), not " + Names.quoted(sha256));
    }
    return sha256;
  }

  /**
   * Throws {@link StaleMatrixError} unless {@code shipped} holds bytes whose SHA-256 is {@code
   * compiled}.
   *
   * @param location the file's class path location ({@code com/acme/acme.md}), for the message
   * @param file the file's name as the matrix names it ({@code acme.md})
   */
  static void requireShippedMatches(String compiled, URL shipped, String location, String file) {
    String shown = Names.escaped(location);
    if (shipped == null) {
      throw new StaleMatrixError(
          "the capability table was compiled from "
              + shown
              + ", which is not on the class path"
              + " beside it: ship the matrix file with the classes (src/main/resources/"
              + shown
              + ") and rebuild, so the table can be compared with the file it claims to encode");
    }
    String actual;
    try (InputStream in = shipped.openStream()) {
      actual = sha256(in.readAllBytes());
    } catch (IOException | RuntimeException e) {
      throw new StaleMatrixError(
          "the matrix file "
              + shown
              + " beside the capability table could not be read ("
              + e.getClass().getSimpleName()
              + "), so the table cannot be checked against it",
          e);
    }
    if (!actual.equals(compiled)) {
      throw new StaleMatrixError(
          "the capability table was compiled from an older "
              + Names.escaped(file)
              + ": rebuild (mvn clean compile, or a clean Gradle build). The table encodes the "
              + shown
              + " with SHA-256 "
              + compiled.substring(0, SHOWN)
              + "…, the class path holds"
              + " one with SHA-256 "
              + actual.substring(0, SHOWN)
              + "…, so a matrix edit has not"
              + " been compiled; no guard of this matrix runs until it is");
    }
  }

  /** Returns the lowercase hex SHA-256 of {@code bytes}. */
  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform implements SHA-256 (MessageDigest's Javadoc).
      throw new IllegalStateException("no SHA-256 in this JDK", e);
    }
  }
}
