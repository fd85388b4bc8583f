package dev.rolegate.samples;

import java.util.List;

/**
 * The result of calling every operation as every role column: which calls the guards allowed.
 *
 * @param columns the column labels, in order
 * @param rows one row per operation, in order
 */
public record AccessTable(List<String> columns, List<Row> rows) {
  /** Copies the lists and checks that every row has one cell per column. */
  public AccessTable {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
    for (Row row : rows) {
      if (row.allowed().size() != columns.size()) {
        throw new IllegalArgumentException(
            "row "
                + row.operation()
                + " has "
                + row.allowed().size()
                + " cells for "
                + columns.size()
                + " columns");
      }
    }
  }

  /**
   * One operation's cells.
   *
   * @param operation the operation label
   * @param allowed per column, whether the call was allowed
   */
  public record Row(String operation, List<Boolean> allowed) {
    /** Copies the cells. */
    public Row {
      allowed = List.copyOf(allowed);
    }
  }

  /**
   * Returns whether {@code operation} was allowed for {@code column}.
   *
   * @throws IllegalArgumentException if either label is unknown
   */
  public boolean allowed(String operation, String column) {
    int index = columns.indexOf(column);
    if (index < 0) {
      throw new IllegalArgumentException("no column " + column + "; columns: " + columns);
    }
    for (Row row : rows) {
      if (row.operation().equals(operation)) {
        return row.allowed().get(index);
      }
    }
    throw new IllegalArgumentException("no operation " + operation);
  }
}
