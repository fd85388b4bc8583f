package dev.rolegate.processor.internal.matrix;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A valid matrix with every role's closed permission set (grants, what they include, what the role
 * inherits). A permission's index is its position in the file.
 */
public final class CompiledMatrix {
  private final MatrixDocument document;
  private final String text;
  private final Map<String, Integer> index = new LinkedHashMap<>();
  private final Map<RoleRow, BitSet> closures;
  private final List<BitSet> implied;

  CompiledMatrix(
      MatrixDocument document, String text, List<BitSet> implied, Map<RoleRow, BitSet> closures) {
    this.document = document;
    this.text = text;
    this.implied = List.copyOf(implied);
    this.closures = closures;
    for (int i = 0; i < document.permissions().size(); i++) {
      index.put(document.permissions().get(i).name(), i);
    }
  }

  /** Returns the matrix's display name (the file's first heading). */
  public String title() {
    return document.title();
  }

  /** Returns the file name it was compiled from. */
  public String sourceName() {
    return document.sourceName();
  }

  /** Returns the file's full text, as compiled. */
  public String text() {
    return text;
  }

  /** Returns "Prefect Cloud (prefect-cloud.md)". */
  public String describe() {
    return document.title() + " (" + document.sourceName() + ")";
  }

  /** Returns the permissions in index order. */
  public List<PermissionRow> permissions() {
    return document.permissions();
  }

  /** Returns the roles in file order. */
  public List<RoleRow> roles() {
    return document.roles();
  }

  /** Returns the roles of one level in file order. */
  public List<RoleRow> roles(Level level) {
    List<RoleRow> result = new ArrayList<>();
    for (RoleRow role : document.roles()) {
      if (role.level() == level) {
        result.add(role);
      }
    }
    return result;
  }

  /** Returns the permission of this exact name. */
  public Optional<PermissionRow> permission(String name) {
    Integer i = index.get(name);
    return i == null ? Optional.empty() : Optional.of(document.permissions().get(i));
  }

  /** Returns the index of a permission of this matrix. */
  public int indexOf(PermissionRow permission) {
    return index.get(permission.name());
  }

  /** Returns the indexes of the permissions {@code role} holds after closure. */
  public BitSet closure(RoleRow role) {
    return (BitSet) closures.get(role).clone();
  }

  /** Returns the indexes a permission implies through includes, itself included. */
  public BitSet implied(PermissionRow permission) {
    return (BitSet) implied.get(indexOf(permission)).clone();
  }

  /** Returns the account role marked default, if any. */
  public Optional<RoleRow> defaultAccountRole() {
    return document.roles().stream().filter(RoleRow::isDefault).findFirst();
  }

  /**
   * Returns up to three permission names closest to {@code name} by edit distance (ignoring case),
   * nearest first, or none when nothing is close.
   */
  public List<String> closestNames(String name) {
    return EditDistance.closest(name, index.keySet());
  }
}
