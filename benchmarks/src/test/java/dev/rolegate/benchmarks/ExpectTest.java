package dev.rolegate.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rolegate.runtime.AccessDeniedException;
import org.junit.jupiter.api.Test;

/** The setup assertions reject a misconfigured variant. */
class ExpectTest {
  @Test
  void allowed_callThatMissesTheDelegate_fails() {
    IllegalStateException failure =
        assertThrows(IllegalStateException.class, () -> Expect.allowed("v", () -> 0));
    assertEquals("v: the allowed call did not reach the delegate", failure.getMessage());
  }

  @Test
  void allowed_callThatThrows_fails() {
    assertThrows(
        IllegalStateException.class,
        () ->
            Expect.allowed(
                "v",
                () -> {
                  throw new SecurityException("no");
                }));
  }

  @Test
  void denied_callThatPasses_fails() {
    IllegalStateException failure =
        assertThrows(
            IllegalStateException.class,
            () -> Expect.denied("v", AccessDeniedException.class, () -> {}));
    assertEquals("v: the denied call was allowed", failure.getMessage());
  }

  @Test
  void denied_anotherSystemsException_fails() {
    IllegalStateException failure =
        assertThrows(
            IllegalStateException.class,
            () ->
                Expect.denied(
                    "v",
                    AccessDeniedException.class,
                    () -> {
                      throw new HandWrittenDeniedException("denied", "u", "op", "ws");
                    }));
    assertEquals(
        "v: the denied call threw dev.rolegate.benchmarks.HandWrittenDeniedException,"
            + " not dev.rolegate.runtime.AccessDeniedException",
        failure.getMessage());
  }

  @Test
  void denied_exceptionWithoutMessage_fails() {
    assertThrows(
        IllegalStateException.class,
        () ->
            Expect.denied(
                "v",
                SecurityException.class,
                () -> {
                  throw new SecurityException();
                }));
  }
}
