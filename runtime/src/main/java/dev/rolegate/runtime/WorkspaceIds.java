package dev.rolegate.runtime;

import java.util.Optional;
import java.util.UUID;

/**
 * What counts as a workspace id, and when two spellings name one workspace: a canonical UUID (36
 * characters, dashes at 8, 13, 18 and 23, hex digits elsewhere) in any letter case is that UUID.
 * Nothing looser: {@code UUID.fromString} also reads "+1234567-..." as a UUID, which would let a
 * different string share a workspace's role.
 */
final class WorkspaceIds {
  private WorkspaceIds() {}

  /** Returns whether {@code id} is a canonical UUID spelling; allocates nothing. */
  static boolean looksLikeUuid(String id) {
    if (id.length() != 36) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      char c = id.charAt(i);
      boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
      if (dash ? c != '-' : Character.digit(c, 16) < 0 || c > 'f') {
        return false;
      }
    }
    return true;
  }

  /** Returns the UUID that {@code id} spells, if it is a canonical UUID spelling. */
  static Optional<UUID> uuidOf(String id) {
    return looksLikeUuid(id) ? Optional.of(UUID.fromString(id)) : Optional.empty();
  }

  /**
   * Returns whether {@code id} names a workspace: it has a visible character (not only whitespace,
   * space separators such as no-break space, invisible format characters such as zero-width space,
   * or control characters such as NUL and DEL). Cheap for the usual id, whose first character is
   * visible ASCII.
   */
  static boolean isVisible(String id) {
    if (id == null || id.isEmpty()) {
      return false;
    }
    char first = id.charAt(0);
    if (first > ' ' && first < 0x7f) {
      return true;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      // Every whitespace character is a space character or an ISO control.
      if (!Character.isSpaceChar(c)
          && !Character.isISOControl(c)
          && Character.getType(c) != Character.FORMAT) {
        return true;
      }
    }
    return false;
  }
}
