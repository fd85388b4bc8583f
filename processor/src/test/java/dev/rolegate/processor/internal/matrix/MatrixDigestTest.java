package dev.rolegate.processor.internal.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The SHA-256 of a matrix file's bytes: 64 lowercase hex digits, two per byte, high one first. */
class MatrixDigestTest {
  @Test
  void knownDigests_asLowercaseHex() {
    assertEquals(
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        MatrixDigest.sha256(new byte[0]));
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        MatrixDigest.sha256("abc".getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void everyByteValue_twoHexDigitsEach() {
    byte[] all = new byte[256];
    for (int i = 0; i < all.length; i++) {
      all[i] = (byte) i;
    }
    assertEquals(
        "40aff2e9d2d8922e47afd4648e6967497158785fbd1da870e7110266bf944880",
        MatrixDigest.sha256(all));
  }
}
