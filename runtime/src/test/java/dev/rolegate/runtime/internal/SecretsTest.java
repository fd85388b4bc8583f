package dev.rolegate.runtime.internal;

import static dev.rolegate.runtime.TestMatrix.*;
import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** The runtime's one registered access: always there, and never replaced. */
class SecretsTest {
  @Test
  void runtime_isTheRegisteredAccess_everyTime() {
    RuntimeAccess access = Secrets.runtime();
    assertNotNull(access);
    assertSame(access, Secrets.runtime());
    assertEquals(DEVELOPER_BITS, access.firstWord(role(DEVELOPER)));
  }

  @Test
  void setRuntimeAccess_again_evenTheSameAccess_isRefused() {
    RuntimeAccess access = Secrets.runtime();
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> Secrets.setRuntimeAccess(access));
    assertEquals("the runtime's internal access is registered already", e.getMessage());
    assertSame(access, Secrets.runtime());
    assertThrows(NullPointerException.class, () -> Secrets.setRuntimeAccess(null));
  }
}
