package dev.rolegate.runtime;

import static dev.rolegate.runtime.TestMatrix.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.rolegate.runtime.internal.Requirement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * One workspace, several spellings: a UUID in either letter case (or as a {@code UUID}) is one
 * workspace for explicit roles and defaults alike, so a default can never outrank an explicit role,
 * or survive being cleared, under another spelling; and ids with nothing visible in them name no
 * workspace.
 */
class WorkspaceSpellingTest {
  private static final String UPPER = "ABCDEF01-2345-6789-ABCD-EF0123456789";
  private static final String LOWER = UPPER.toLowerCase(java.util.Locale.ROOT);
  private static final Requirement DELETE = Requirement.allOf(permission(DELETE_X));

  private static boolean allowed(Principal principal, String workspace) {
    try {
      DELETE.check(() -> principal, workspace, "Things.delete");
      return true;
    } catch (AccessDeniedException denied) {
      return false;
    }
  }

  @Test
  void explicitRole_winsOverTheDefault_inEverySpelling() {
    WorkspaceDefaults defaults = new WorkspaceDefaults(MATRIX);
    defaults.setDefaultRole(LOWER, DEVELOPER);
    Principal vic = user("vic").workspaceRole(UPPER, VIEWER).workspaceDefaults(defaults).build();
    for (String spelling : List.of(UPPER, LOWER, "abcdef01-2345-6789-ABCD-ef0123456789")) {
      assertFalse(allowed(vic, spelling), spelling);
      assertEquals(VIEWER, vic.workspaceRole(spelling).name(), spelling);
      Explanation why = Decisions.explain(vic, spelling, DELETE_X);
      assertFalse(why.allowed(), spelling);
      assertFalse(why.fromDefault(), spelling);
    }
    assertEquals(VIEWER, vic.workspaceRole(UUID.fromString(LOWER)).name());
    AccessDeniedException denied =
        assertThrows(
            AccessDeniedException.class, () -> DELETE.check(() -> vic, LOWER, "Things.delete"));
    assertTrue(denied.getMessage().contains("vic holds VIEWER there"), denied.getMessage());
  }

  @Test
  void defaults_setAndClearedUnderDifferentSpellings_areOneDefault() {
    WorkspaceDefaults defaults = new WorkspaceDefaults(MATRIX);
    Principal newcomer = user("new").workspaceDefaults(defaults).build();
    defaults.setDefaultRole(UPPER, DEVELOPER);
    assertTrue(allowed(newcomer, LOWER));
    defaults.setNoAccess(LOWER);
    assertFalse(allowed(newcomer, UPPER));
    assertFalse(allowed(newcomer, LOWER));
    assertTrue(defaults.isNoAccess(UPPER));
    defaults.setDefaultRole(UPPER, DEVELOPER);
    defaults.clear(LOWER);
    assertFalse(allowed(newcomer, UPPER));
    assertFalse(allowed(newcomer, LOWER));
    assertTrue(defaults.defaultRoleOf(UPPER).isEmpty());
  }

  @Test
  void lenientUuidSpellings_areOtherWorkspaces() {
    // UUID.fromString reads "+1234567-..." as 01234567-...; it must not share that role.
    Principal dev =
        user("dev").workspaceRole("01234567-0000-0000-0000-000000000000", DEVELOPER).build();
    assertFalse(allowed(dev, "+1234567-0000-0000-0000-000000000000"));
    assertTrue(allowed(dev, "01234567-0000-0000-0000-000000000000"));
    assertNull(dev.workspaceRole("+1234567-0000-0000-0000-000000000000"));
  }

  @Test
  void invisibleIds_nameNoWorkspace_evenForAccountAdmin() {
    Principal admin = user("root").accountRole(ADMIN).build();
    for (String invisible : List.of("\u00a0", "\u2007", "\u200b", " \u200b\t", "\u3000")) {
      assertFalse(allowed(admin, invisible), "U+" + Integer.toHexString(invisible.charAt(0)));
      assertThrows(
          IllegalArgumentException.class,
          () -> user("x").workspaceRole(invisible, VIEWER),
          "builder accepts " + invisible);
    }
    assertTrue(allowed(admin, "ws\u200b"));
  }
}
