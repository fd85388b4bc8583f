package dev.rolegate.runtime;

/**
 * One permission of a compiled {@link Matrix}. Instances are created by the matrix and compared by
 * identity; a permission of one matrix is never held through another.
 */
public final class Permission {
  private final Matrix matrix;
  private final int index;
  private final String name;
  private final Level level;
  private final String scope;
  private final String description;
  final int word;
  final long mask;

  /**
   * {@link #mask} when the permission lies in the first 64 bits, else 0: the common one-test case.
   */
  final long firstWordMask;

  private final long[] implies;

  Permission(
      Matrix matrix,
      int index,
      String name,
      Level level,
      String scope,
      String description,
      long[] implies) {
    this.matrix = matrix;
    this.index = index;
    this.name = name;
    this.level = level;
    this.scope = scope;
    this.description = description;
    this.word = index >>> 6;
    this.mask = 1L << index;
    this.firstWordMask = word == 0 ? mask : 0;
    this.implies = implies.clone();
  }

  /** Returns the bitset of the permissions this one implies through includes, itself included. */
  long[] implied() {
    return implies;
  }

  /** Returns whether holding this permission implies holding {@code other} (itself included). */
  public boolean implies(Permission other) {
    return other.matrix == matrix
        && other.word < implies.length
        && (implies[other.word] & other.mask) != 0;
  }

  /** Returns the matrix this permission belongs to. */
  public Matrix matrix() {
    return matrix;
  }

  /** Returns the position of this permission in its matrix, starting at 0. */
  public int index() {
    return index;
  }

  /** Returns the upper-case name, e.g. {@code DELETE_DEPLOYMENTS}. */
  public String name() {
    return name;
  }

  /** Returns whether this is a workspace or an account permission. */
  public Level level() {
    return level;
  }

  /** Returns the external scope string (Prefect's {@code manage_deployments}), or "" if none. */
  public String scope() {
    return scope;
  }

  /** Returns the one-line description from the matrix file. */
  public String description() {
    return description;
  }

  @Override
  public String toString() {
    return name;
  }
}
