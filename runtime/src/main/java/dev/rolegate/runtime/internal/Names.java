package dev.rolegate.runtime.internal;

import java.util.Objects;

/**
 * The one rule for every name that reaches a message or a log (principal ids, role names, workspace
 * ids): a name given when something is built must be showable, or it is rejected; a name a caller
 * passes at call time (a workspace id) is shown escaped.
 *
 * <p>Showable: not empty, no leading or trailing space, and no character that prints as nothing or
 * as something else: control characters (line breaks, escapes, NUL, DEL, C1), line and paragraph
 * separators (U+2028, U+2029), format characters (bidi overrides such as U+202E, zero-width spaces
 * and joiners, the byte-order mark), space separators other than the ASCII space (no-break and
 * other wide or narrow spaces), private-use and unassigned code points, and unpaired surrogates.
 */
public final class Names {
  /** The longest name a message quotes whole. */
  static final int QUOTED_MAX = 100;

  private Names() {}

  /**
   * Returns {@code name} if it is showable.
   *
   * @param what what the name is, for the message ("a principal id", "a custom role name")
   * @throws NullPointerException naming {@code what} if {@code name} is null
   * @throws IllegalArgumentException saying which character is not showable, and where
   */
  public static String requireShowable(String what, String name) {
    Objects.requireNonNull(name, what);
    if (!hasVisible(name)) {
      throw new IllegalArgumentException(what + " may not be empty or blank");
    }
    for (int i = 0; i < name.length(); ) {
      int c = name.codePointAt(i);
      if (!isShowable(c)) {
        throw new IllegalArgumentException(
            what
                + " may not contain "
                + describe(c)
                + " (character "
                + (i + 1)
                + " of "
                + quoted(name)
                + "): messages and logs could not"
                + " show it truthfully (control, format and invisible characters are refused)");
      }
      i += Character.charCount(c);
    }
    if (name.charAt(0) == ' ' || name.charAt(name.length() - 1) == ' ') {
      throw new IllegalArgumentException(
          what + " may not begin or end with a space: " + quoted(name));
    }
    return name;
  }

  /**
   * Returns whether {@code name} has a character other than a space or an unshowable one (every
   * whitespace character but the space is unshowable).
   */
  private static boolean hasVisible(String name) {
    for (int i = 0; i < name.length(); ) {
      int c = name.codePointAt(i);
      if (c != ' ' && isShowable(c)) {
        return true;
      }
      i += Character.charCount(c);
    }
    return false;
  }

  /** Returns whether the code point prints as itself in a message or a log line. */
  public static boolean isShowable(int c) {
    if (c == ' ') {
      return true;
    }
    switch (Character.getType(c)) {
      case Character.CONTROL:
      case Character.FORMAT:
      case Character.LINE_SEPARATOR:
      case Character.PARAGRAPH_SEPARATOR:
      case Character.SPACE_SEPARATOR:
      case Character.PRIVATE_USE:
      case Character.UNASSIGNED:
      case Character.SURROGATE:
        return false;
      default:
        return true;
    }
  }

  /** Returns "U+202E RIGHT-TO-LEFT OVERRIDE". */
  static String describe(int c) {
    String name = Character.getName(c);
    return String.format("U+%04X", c) + (name == null ? "" : " " + name);
  }

  /**
   * Returns {@code name} in quotes, fit for a log line whatever a caller put in it: escaped and cut
   * as by {@link #escaped}; null is {@code null}.
   */
  public static String quoted(String name) {
    if (name == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder(Math.min(name.length(), QUOTED_MAX) + 32).append('"');
    appendEscaped(out, name);
    out.append(name.length() > QUOTED_MAX ? "...\"" : "\"");
    return cutNote(out, name).toString();
  }

  /**
   * Returns {@code name} fit for a log line whatever a caller put in it: quotes, backslashes and
   * every character that is not showable are escaped ({@code \\n}, {@code \\u202e}), and a name
   * longer than 100 characters is cut, with its length ({@code abc... (1000000 characters)}); null
   * is {@code null}.
   */
  public static String escaped(String name) {
    if (name == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder(Math.min(name.length(), QUOTED_MAX) + 32);
    appendEscaped(out, name);
    if (name.length() > QUOTED_MAX) {
      out.append("...");
    }
    return cutNote(out, name).toString();
  }

  private static StringBuilder cutNote(StringBuilder out, String name) {
    return name.length() > QUOTED_MAX
        ? out.append(" (").append(name.length()).append(" characters)")
        : out;
  }

  private static void appendEscaped(StringBuilder out, String name) {
    int end = Math.min(name.length(), QUOTED_MAX);
    for (int i = 0; i < end; i++) {
      char c = name.charAt(i);
      switch (c) {
        case '"', '\\' -> out.append('\\').append(c);
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          boolean pair =
              Character.isHighSurrogate(c)
                  && i + 1 < end
                  && Character.isLowSurrogate(name.charAt(i + 1));
          int point = pair ? name.codePointAt(i) : c;
          if (isShowable(point)) {
            out.appendCodePoint(point);
          } else if (pair) {
            out.append(String.format("\\u%04x\\u%04x", (int) c, (int) name.charAt(i + 1)));
          } else {
            out.append(String.format("\\u%04x", (int) c));
          }
          if (pair) {
            i++;
          }
        }
      }
    }
  }
}
