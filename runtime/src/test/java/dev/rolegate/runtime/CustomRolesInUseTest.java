package dev.rolegate.runtime;

import static dev.rolegate.runtime.TestMatrix.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.rolegate.runtime.internal.Requirement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Custom roles where people meet them: explanations, denial messages, workspace defaults. */
class CustomRolesInUseTest {
  @Test
  void explain_listsCustomRolesThatGrantThePermission() {
    CustomRoles roles = new CustomRoles(MATRIX);
    roles.define("EDITOR_PLUS", VIEWER, EDIT_X);
    Principal vic = user("vic").customRoles(roles).workspaceRole("ws", VIEWER).build();
    Explanation e = Decisions.explain(vic, "ws", EDIT_X);
    assertFalse(e.allowed());
    assertEquals(List.of(DEVELOPER, OWNER, "EDITOR_PLUS (custom)"), e.grantingRoles());
    assertEquals(
        "denied: vic is VIEWER in ws; EDIT_X is granted by DEVELOPER, OWNER, EDITOR_PLUS (custom)",
        e.sentence());
  }

  @Test
  void denialMessage_namesCustomRolesThatWouldAllow() {
    CustomRoles roles = new CustomRoles(MATRIX);
    roles.define("EDITOR_PLUS", VIEWER, EDIT_X);
    Principal vic = user("vic").customRoles(roles).workspaceRole("ws", VIEWER).build();
    AccessDeniedException denied =
        assertThrows(
            AccessDeniedException.class,
            () -> Requirement.allOf(permission(EDIT_X)).check(() -> vic, "ws", "Things.edit"));
    assertTrue(
        denied
            .getMessage()
            .endsWith(
                "Allowed: workspace role DEVELOPER, OWNER, EDITOR_PLUS (custom); account role ADMIN"),
        denied.getMessage());
  }

  @Test
  void workspaceDefaults_withCustomRoles_acceptsACustomRoleByName() {
    CustomRoles roles = new CustomRoles(MATRIX);
    Role editorPlus = roles.define("EDITOR_PLUS", VIEWER, EDIT_X);
    WorkspaceDefaults defaults = new WorkspaceDefaults(roles);
    defaults.setDefaultRole("ws", "EDITOR_PLUS");
    assertSame(editorPlus, defaults.defaultRoleOf("ws").orElseThrow());
    Principal newcomer = user("new").workspaceDefaults(defaults).build();
    assertSame(editorPlus, newcomer.workspaceRole("ws"));
    IllegalArgumentException unknown =
        assertThrows(IllegalArgumentException.class, () -> defaults.setDefaultRole("ws", "NOPE"));
    assertTrue(unknown.getMessage().contains("NOPE"), unknown.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> new WorkspaceDefaults(MATRIX).setDefaultRole("ws", "EDITOR_PLUS"));
  }

  @Test
  void workspaceDefaults_noAccessIsReadableAndClearable() {
    WorkspaceDefaults defaults = new WorkspaceDefaults(MATRIX);
    assertFalse(defaults.isNoAccess("ws"));
    defaults.setNoAccess("ws");
    assertTrue(defaults.isNoAccess("ws"));
    assertTrue(defaults.defaultRoleOf("ws").isEmpty());
    defaults.setDefaultRole("ws", VIEWER);
    assertFalse(defaults.isNoAccess("ws"));
    defaults.clear("ws");
    assertTrue(defaults.defaultRoleOf("ws").isEmpty());
    assertFalse(defaults.isNoAccess("ws"));
  }
}
