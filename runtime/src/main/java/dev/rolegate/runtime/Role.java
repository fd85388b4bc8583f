package dev.rolegate.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One role of a compiled {@link Matrix} with its closed permission set (its grants, what they
 * include and what it inherits), stored as a bitset computed at compile time; or a custom workspace
 * role defined at run time with {@link CustomRoles}, stored the same way so that a guard checks it
 * at the same cost.
 */
public final class Role {
  private final Matrix matrix;
  private final String name;
  private final Level level;
  private final long[] bits;

  /** The first 64 bits again, so that a matrix of up to 64 permissions needs no array read. */
  private final long firstWord;

  private final String everywhereName;
  private final String description;
  private final Role base;
  private final List<Permission> extras;
  private final boolean custom;

  /** The account a custom role was defined in (its key), or null: built-in, or no account named. */
  private final String account;

  private Role everywhere;

  Role(
      Matrix matrix,
      String name,
      Level level,
      long[] bits,
      String everywhereName,
      String description) {
    this(matrix, name, level, bits, everywhereName, description, null, List.of(), false, null);
  }

  private Role(
      Matrix matrix,
      String name,
      Level level,
      long[] bits,
      String everywhereName,
      String description,
      Role base,
      List<Permission> extras,
      boolean custom,
      String account) {
    this.matrix = matrix;
    this.name = name;
    this.level = level;
    this.bits = bits.clone();
    this.firstWord = bits.length == 0 ? 0 : bits[0];
    this.everywhereName = everywhereName;
    this.description = description;
    this.base = base;
    this.extras = List.copyOf(extras);
    this.custom = custom;
    this.account = account;
  }

  /**
   * Creates a custom workspace role: {@code base}'s permissions (if any) plus {@code extras},
   * closed.
   */
  static Role custom(
      Matrix matrix,
      String account,
      String name,
      Role base,
      List<Permission> extras,
      String description) {
    // As wide as the matrix: a hand-built base's bitset may be shorter, and an extra beyond it
    // must not be dropped.
    int words = Math.max(1, (matrix.permissions().size() + 63) / 64);
    long[] bits =
        base == null
            ? new long[words]
            : java.util.Arrays.copyOf(base.bits, Math.max(words, base.bits.length));
    for (Permission extra : extras) {
      long[] implied = extra.implied();
      for (int i = 0; i < implied.length && i < bits.length; i++) {
        bits[i] |= implied[i];
      }
    }
    return new Role(
        matrix, name, Level.WORKSPACE, bits, "", description, base, extras, true, account);
  }

  void link() {
    everywhere =
        everywhereName.isEmpty() ? null : matrix.requireRole(everywhereName, Level.WORKSPACE);
  }

  /** Returns whether this is a custom role defined at run time, not one of the matrix file. */
  public boolean isCustom() {
    return custom;
  }

  /**
   * Returns the account a custom role belongs to ({@link CustomRoles#CustomRoles(Matrix, String)}),
   * if it names one: it is held only in that account's workspaces. Empty for a built-in role, which
   * every account has, and for custom roles of a single-account application ({@link
   * CustomRoles#CustomRoles(Matrix)}), which are held only under {@link
   * AccountDirectory#singleAccount}.
   */
  public java.util.Optional<String> account() {
    return java.util.Optional.ofNullable(account);
  }

  /** Returns the account key of a custom role, or null. */
  String accountKey() {
    return account;
  }

  /** Returns the built-in role a custom role extends, or null (built-in or standalone roles). */
  public Role base() {
    return base;
  }

  /** Returns the permissions a custom role adds (to its base, or alone), as defined. */
  public List<Permission> extras() {
    return extras;
  }

  /** Returns the matrix this role belongs to. */
  public Matrix matrix() {
    return matrix;
  }

  /** Returns the upper-case name, e.g. {@code DEVELOPER}. */
  public String name() {
    return name;
  }

  /** Returns whether this is a workspace or an account role. */
  public Level level() {
    return level;
  }

  /** Returns the matrix file's description of this role. */
  public String description() {
    return description;
  }

  /**
   * Returns the workspace role an account role holds in every workspace of the account (account
   * ADMIN and OWNER: workspace OWNER), or null.
   */
  public Role everywhere() {
    return everywhere;
  }

  /**
   * Returns the first 64 bits of this role's closed permission set (bit {@code i} is the permission
   * of index {@code i}), for checks that have resolved their permission's bit ahead.
   */
  long firstWord() {
    return firstWord;
  }

  /** Returns whether this role holds {@code permission}, after closure. No allocation. */
  public boolean holds(Permission permission) {
    long first = permission.firstWordMask;
    if (first != 0) {
      return (firstWord & first) != 0 && permission.matrix() == matrix;
    }
    int word = permission.word;
    // Here the permission's index is 64 or more: word is 1 or more.
    return permission.matrix() == matrix
        && word < bits.length
        && (bits[word] & permission.mask) != 0;
  }

  /** Returns the permissions this role holds after closure, in matrix order. */
  public List<Permission> permissions() {
    List<Permission> held = new ArrayList<>();
    for (Permission permission : matrix.permissions()) {
      if (holds(permission)) {
        held.add(permission);
      }
    }
    return Collections.unmodifiableList(held);
  }

  /**
   * Returns the name, and for a custom role how it is made: {@code DEPLOYER (RUNNER +
   * CREATE_EDIT_DEPLOYMENTS)} or {@code AUDITOR (custom: VIEW_FLOWS, VIEW_DEPLOYMENTS)}.
   */
  public String describe() {
    if (!custom) {
      return name;
    }
    List<String> added = new ArrayList<>();
    for (Permission extra : extras) {
      added.add(extra.name());
    }
    String list = String.join(", ", added);
    if (base == null) {
      return name + " (custom: " + list + ")";
    }
    return name + " (" + base.name() + (list.isEmpty() ? "" : " + " + list) + ")";
  }

  @Override
  public String toString() {
    return name;
  }
}
