package dev.rolegate.processor.internal.matrix;

import java.util.List;

/** One row of a Permissions table, with the line it came from. */
public record PermissionRow(
    int line, String name, Level level, String scope, List<String> includes, String description) {
  public PermissionRow {
    includes = List.copyOf(includes);
  }
}
