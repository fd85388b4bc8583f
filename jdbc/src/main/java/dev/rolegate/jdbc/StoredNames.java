package dev.rolegate.jdbc;

import dev.rolegate.jdbc.MembershipException.Reason;
import dev.rolegate.runtime.internal.Names;

/**
 * The one rule for a name rolegate-jdbc writes: an account, workspace or principal id of 1 to
 * {@value #MAX_ID} characters, a role name of 1 to {@value #MAX_ROLE}; letters and digits (ASCII),
 * and {@code . _ - @ : + |} after the first character, which is a letter or a digit. That admits
 * UUIDs, e-mail addresses, {@code auth0|abc} subjects and {@code acct-acme} slugs, and keeps
 * quotes, semicolons, whitespace, control and look-alike characters out of the database and of
 * every message that shows a stored name. Statements are always parameterized besides.
 */
public final class StoredNames {
  /** The longest id: the schema's column width. */
  public static final int MAX_ID = 200;

  /** The longest role name: the schema's column width. */
  public static final int MAX_ROLE = 100;

  private StoredNames() {}

  /**
   * Returns {@code id} when it may be stored as {@code what} (say "an account id").
   *
   * @throws MembershipException ({@link Reason#INVALID_NAME}) saying which rule it breaks
   */
  public static String requireId(String what, String id) {
    return require(what, id, MAX_ID);
  }

  /**
   * Returns the id of service account {@code name} of account {@code account} (both already
   * checked): {@code <account>/<name>}. A service account's id lives in its account's own
   * namespace: no user id contains {@code /}, so a service account can never take a user's id, nor
   * one of another account's.
   */
  public static String serviceAccountId(String account, String name) {
    return account + "/" + name;
  }

  /**
   * Returns {@code id} when it may name a principal: a user id (the id rule), or a service account
   * id, {@code <account id>/<name>} with both parts following the id rule.
   *
   * @throws MembershipException ({@link Reason#INVALID_NAME}) saying which rule it breaks
   */
  public static String requirePrincipalId(String id) {
    int slash = id == null ? -1 : id.indexOf('/');
    if (slash < 0) {
      return requireId("a principal id", id);
    }
    if (id.length() > 2 * MAX_ID + 1
        || problem(id.substring(0, slash), MAX_ID) != null
        || problem(id.substring(slash + 1), MAX_ID) != null) {
      throw new MembershipException(
          Reason.INVALID_NAME,
          "a principal id "
              + Names.quoted(id)
              + " is neither a user id nor a service account id"
              + " (<account id>/<name>); use 1 to "
              + MAX_ID
              + " letters, digits and"
              + " . _ - @ : + | on each side of the one /, each starting with a letter or a digit");
    }
    return id;
  }

  /**
   * Returns {@code role} when it may be stored as a role name.
   *
   * @throws MembershipException ({@link Reason#INVALID_NAME}) saying which rule it breaks
   */
  public static String requireRole(String role) {
    return require("a role name", role, MAX_ROLE);
  }

  /**
   * Returns the spelling an account or workspace id is stored and looked up under: a canonical UUID
   * in lower case (the runtime's rule: either letter case names one UUID), else the id as given.
   */
  public static String canonical(String id) {
    if (id == null || id.length() != 36) {
      return id;
    }
    for (int i = 0; i < 36; i++) {
      char c = id.charAt(i);
      boolean hyphen = i == 8 || i == 13 || i == 18 || i == 23;
      if (hyphen ? c != '-' : Character.digit(c, 16) < 0) {
        return id;
      }
    }
    return id.toLowerCase(java.util.Locale.ROOT);
  }

  /** Returns whether {@code id} may be stored as an id. */
  public static boolean isId(String id) {
    return problem(id, MAX_ID) == null;
  }

  private static String require(String what, String name, int max) {
    String problem = problem(name, max);
    if (problem != null) {
      throw new MembershipException(
          Reason.INVALID_NAME,
          what
              + " "
              + problem
              + "; use 1 to "
              + max
              + " letters, digits and . _ - @ : + |,"
              + " starting with a letter or a digit");
    }
    return name;
  }

  private static String problem(String name, int max) {
    if (name == null) {
      return "is missing";
    }
    if (name.isEmpty()) {
      return "is empty";
    }
    if (name.length() > max) {
      return "is " + name.length() + " characters long, more than " + max;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean letterOrDigit = c < 128 && Character.isLetterOrDigit(c);
      if (!letterOrDigit && (i == 0 || ".-_@:+|".indexOf(c) < 0)) {
        return Names.quoted(name)
            + " has "
            + (i == 0 ? "first character " : "character ")
            + Names.quoted(String.valueOf(c))
            + " at index "
            + i;
      }
    }
    return null;
  }
}
