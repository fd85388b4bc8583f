package dev.rolegate.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One role of a compiled {@link Matrix} with its closed permission set (its grants, what they
 * include and what it inherits), stored as a bitset computed at compile time.
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
  private Role everywhere;

  Role(
      Matrix matrix,
      String name,
      Level level,
      long[] bits,
      String everywhereName,
      String description) {
    this.matrix = matrix;
    this.name = name;
    this.level = level;
    this.bits = bits.clone();
    this.firstWord = bits.length == 0 ? 0 : bits[0];
    this.everywhereName = everywhereName;
    this.description = description;
  }

  void link() {
    everywhere = everywhereName.isEmpty() ? null : matrix.requireRole(everywhereName, Level.WORKSPACE);
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

  /** Returns whether this role holds {@code permission}, after closure. No allocation. */
  public boolean holds(Permission permission) {
    if (permission.matrix() != matrix) {
      return false;
    }
    int word = permission.word;
    if (word == 0) {
      return (firstWord & permission.mask) != 0;
    }
    return word < bits.length && (bits[word] & permission.mask) != 0;
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

  @Override
  public String toString() {
    return name;
  }
}
