package dev.rolegate.processor.internal.matrix;

import java.util.List;

/** A parsed matrix file, before validation: its title and table rows in file order. */
public record MatrixDocument(
    String sourceName, String title, List<PermissionRow> permissions, List<RoleRow> roles) {
  public MatrixDocument {
    permissions = List.copyOf(permissions);
    roles = List.copyOf(roles);
  }
}
