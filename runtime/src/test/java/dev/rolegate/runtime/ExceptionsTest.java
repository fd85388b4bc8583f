package dev.rolegate.runtime;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
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

  @Test
  void accessDenied_lazyMessage_isBuiltOnceWhenFirstRead_andSurvivesSerialization()
      throws Exception {
    AtomicInteger built = new AtomicInteger();
    AccessDeniedException denial =
        new AccessDeniedException(
            () -> "denied #" + built.incrementAndGet(),
            "alice",
            "Things.edit",
            List.of("EDIT_X"),
            "ws",
            null);
    assertEquals(0, built.get(), "nothing is built before the message is read");
    assertEquals("denied #1", denial.getMessage());
    assertEquals("denied #1", denial.getMessage());
    assertTrue(denial.toString().endsWith(": denied #1"), denial.toString());
    assertEquals(1, built.get());

    AccessDeniedException unread =
        new AccessDeniedException(
            () -> "never read before writing", "bob", "Things.edit", List.of("EDIT_X"), "ws", null);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(unread);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      AccessDeniedException copy = (AccessDeniedException) in.readObject();
      assertEquals("never read before writing", copy.getMessage());
      assertEquals("bob", copy.principalId());
    }
  }
}
