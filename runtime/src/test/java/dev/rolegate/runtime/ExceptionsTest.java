package dev.rolegate.runtime;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExceptionsTest {

  @Test
  void accessDenied_isUncheckedSecurityExceptionButNotUnauthenticated() {
    assertTrue(SecurityException.class.isAssignableFrom(AccessDeniedException.class));
    assertTrue(RuntimeException.class.isAssignableFrom(AccessDeniedException.class));
    assertFalse(UnauthenticatedException.class.isAssignableFrom(AccessDeniedException.class));
  }

  @Test
  void unauthenticated_isUncheckedSecurityExceptionButNotAccessDenied() {
    assertTrue(SecurityException.class.isAssignableFrom(UnauthenticatedException.class));
    assertTrue(RuntimeException.class.isAssignableFrom(UnauthenticatedException.class));
    assertFalse(AccessDeniedException.class.isAssignableFrom(UnauthenticatedException.class));
  }

  @Test
  void accessDenied_constructor_keepsFieldsAndCopiesPermissions() {
    List<String> permissions = new ArrayList<>(List.of("VIEW_X", "EDIT_X"));
    Throwable cause = new IllegalStateException();
    AccessDeniedException e =
        new AccessDeniedException("msg", "alice", "S.op", permissions, "ws", cause);
    permissions.clear();
    assertEquals("msg", e.getMessage());
    assertEquals("alice", e.principalId());
    assertEquals("S.op", e.operation());
    assertEquals(List.of("VIEW_X", "EDIT_X"), e.permissions());
    assertEquals("ws", e.workspace());
    assertSame(cause, e.getCause());
  }

  @Test
  void unauthenticated_message_namesOperationAndHowToBind() {
    UnauthenticatedException e = new UnauthenticatedException("DeploymentService.delete");
    assertEquals("DeploymentService.delete", e.operation());
    assertTrue(e.getMessage().contains("DeploymentService.delete"), e.getMessage());
    assertTrue(e.getMessage().contains("CurrentPrincipal.bind"), e.getMessage());
    assertNull(e.getCause());
  }
}
