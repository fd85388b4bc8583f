package dev.rolegate.processor.internal.matrix;

import java.util.List;

/**
 * One row of a Roles table, with the line it came from. {@code inherits} and {@code everywhere} are
 * "" when empty.
 */
public record RoleRow(
    int line,
    String name,
    Level level,
    boolean isDefault,
    String inherits,
    List<String> grants,
    String everywhere,
    String description) {
  public RoleRow {
    grants = List.copyOf(grants);
  }
}
