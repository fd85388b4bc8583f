package dev.rolegate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * A table compiled from one matrix file refuses to build beside another: {@link
 * Matrix.Builder#compiledFrom(String, URL)} compares the file's SHA-256 with the one compiled in,
 * and a missing or unreadable file is refused as well; {@link
 * Matrix.Builder#compiledFromSource(String, URL)} compares a copy when one ships.
 */
class MatrixFileCheckTest {
  private static final String TEXT = "# Acme\n\n| Permission | Level | Includes |\n";

  private static Matrix.Builder acme() {
    return Matrix.builder("Acme", "com.acme", "acme.md")
        .permission("VIEW_ORDERS", Level.WORKSPACE, "", "See orders.", new long[] {1L});
  }

  @Test
  void sameFile_builds_andKeepsTheDigest() throws IOException {
    String sha = sha256(TEXT);

    Matrix matrix = acme().compiledFrom(sha, file(TEXT)).build();

    assertEquals(sha, matrix.sha256());
    assertEquals(1, matrix.permissions().size());
  }

  @Test
  void editedFile_isStaleMatrixError_sayingRebuild() throws IOException {
    String sha = sha256(TEXT);
    String edited = TEXT + "| VIEW_BILLING | account | |\n";

    StaleMatrixError error =
        assertThrows(StaleMatrixError.class, () -> acme().compiledFrom(sha, file(edited)).build());

    assertEquals(
        "the capability table was compiled from an older acme.md: rebuild (mvn clean"
            + " compile, or a clean Gradle build). The table encodes the com/acme/acme.md with SHA-256 "
            + sha.substring(0, 12)
            + "…, the class path holds one with SHA-256 "
            + sha256(edited).substring(0, 12)
            + "…, so a matrix edit has not been compiled; no guard"
            + " of this matrix runs until it is",
        error.getMessage());
    assertInstanceOf(LinkageError.class, error, "an Error, so no catch (Exception e) swallows it");
  }

  @Test
  void oneByteChanged_isStale() throws IOException {
    // Line endings and spaces count: the digest is of the bytes, as the processor read them.
    assertThrows(
        StaleMatrixError.class,
        () -> acme().compiledFrom(sha256(TEXT), file(TEXT.replace("\n", "\r\n"))).build());
  }

  @Test
  void missingFile_isStaleMatrixError_sayingWhereItBelongs() {
    StaleMatrixError error =
        assertThrows(StaleMatrixError.class, () -> acme().compiledFrom(sha256(TEXT), null).build());

    assertEquals(
        "the capability table was compiled from com/acme/acme.md, which is not on the"
            + " class path beside it: ship the matrix file with the classes"
            + " (src/main/resources/com/acme/acme.md) and rebuild, so the table can be compared with"
            + " the file it claims to encode",
        error.getMessage());
  }

  @Test
  void missingFile_ofAMatrixInNoPackage_isNamedWithoutAPackage() {
    StaleMatrixError error =
        assertThrows(
            StaleMatrixError.class,
            () -> Matrix.builder("Acme", "acme.md").compiledFrom(sha256(TEXT), null).build());

    assertTrue(
        error
            .getMessage()
            .startsWith(
                "the capability table was compiled from acme.md,"
                    + " which is not on the class path beside it: ship the matrix file with the classes"
                    + " (src/main/resources/acme.md)"),
        error.getMessage());
  }

  @Test
  void unreadableFile_isStaleMatrixError_withTheCause() throws IOException {
    Path gone = Files.createTempDirectory("rolegate-matrix").resolve("acme.md");

    StaleMatrixError error =
        assertThrows(
            StaleMatrixError.class,
            () -> acme().compiledFrom(sha256(TEXT), gone.toUri().toURL()).build());

    assertEquals(
        "the matrix file com/acme/acme.md beside the capability table could not be read"
            + " (FileNotFoundException), so the table cannot be checked against it",
        error.getMessage());
    assertInstanceOf(IOException.class, error.getCause());
  }

  @Test
  void sourcePathFile_noCopyShips_buildsWithTheDigest() {
    String sha = sha256(TEXT);

    assertEquals(sha, acme().compiledFromSource(sha, null).build().sha256());
    assertEquals("", acme().build().sha256(), "a hand-built matrix records no digest");
  }

  @Test
  void sourcePathFile_aCopyShips_isCompared() throws IOException {
    String sha = sha256(TEXT);

    assertEquals(sha, acme().compiledFromSource(sha, file(TEXT)).build().sha256());
    StaleMatrixError stale =
        assertThrows(
            StaleMatrixError.class,
            () -> acme().compiledFromSource(sha, file(TEXT + "edited\n")).build());
    assertTrue(
        stale
            .getMessage()
            .startsWith("the capability table was compiled from an older acme.md: rebuild"),
        stale.getMessage());
  }

  @Test
  void theLastSettingWins() {
    // As for every builder setting: a source-path digest after a shipped one drops the check.
    Matrix matrix =
        acme().compiledFrom(sha256(TEXT), null).compiledFromSource(sha256(TEXT), null).build();

    assertEquals(sha256(TEXT), matrix.sha256());
  }

  @Test
  void malformedDigest_isRefused() throws IOException {
    URL file = file(TEXT);
    for (String bad :
        new String[] {
          "",
          "abc",
          sha256(TEXT).toUpperCase(java.util.Locale.ROOT),
          sha256(TEXT) + "0",
          sha256(TEXT).substring(1) + "g"
        }) {
      IllegalArgumentException error =
          assertThrows(IllegalArgumentException.class, () -> acme().compiledFrom(bad, file), bad);
      assertTrue(
          error
              .getMessage()
              .startsWith("a matrix digest is 64 lowercase hex digits (SHA-256), not \""),
          error.getMessage());
    }
    assertEquals(
        "a matrix digest is 64 lowercase hex digits (SHA-256), not null",
        assertThrows(IllegalArgumentException.class, () -> acme().compiledFromSource(null, null))
            .getMessage());
  }

  @Test
  void digest_isTheJdksSha256() {
    assertEquals(sha256(TEXT), MatrixFiles.sha256(TEXT.getBytes(StandardCharsets.UTF_8)));
    assertEquals(
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        MatrixFiles.sha256(new byte[0]));
  }

  private static URL file(String text) throws IOException {
    Path path = Files.createTempDirectory("rolegate-matrix").resolve("acme.md");
    Files.writeString(path, text, StandardCharsets.UTF_8);
    return path.toUri().toURL();
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
