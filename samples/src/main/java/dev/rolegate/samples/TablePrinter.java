package dev.rolegate.samples;

import java.util.List;

/** Renders an {@link AccessTable} as an aligned text table or as CSV. */
public final class TablePrinter {
  /** The mark of an allowed cell in the text table. */
  public static final String YES = "yes";

  /** The mark of a denied cell in the text table. */
  public static final String NO = "-";

  private TablePrinter() {}

  /** Returns the table as aligned text: a header line, a rule, one line per operation. */
  public static String text(AccessTable table) {
    int first = "operation".length();
    for (AccessTable.Row row : table.rows()) {
      first = Math.max(first, row.operation().length());
    }
    StringBuilder out = new StringBuilder();
    line(out, first, "operation", table.columns());
    out.append("-".repeat(first));
    for (String column : table.columns()) {
      out.append("  ").append("-".repeat(column.length()));
    }
    out.append('\n');
    for (AccessTable.Row row : table.rows()) {
      List<String> marks = row.allowed().stream().map(a -> a ? YES : NO).toList();
      line(out, first, row.operation(), marks, table.columns());
    }
    return out.toString();
  }

  private static void line(StringBuilder out, int first, String label, List<String> columns) {
    line(out, first, label, columns, columns);
  }

  private static void line(
      StringBuilder out, int first, String label, List<String> cells, List<String> columns) {
    StringBuilder line = new StringBuilder(pad(label, first));
    for (int i = 0; i < cells.size(); i++) {
      line.append("  ").append(pad(cells.get(i), columns.get(i).length()));
    }
    out.append(line.toString().stripTrailing()).append('\n');
  }

  private static String pad(String text, int width) {
    return text.length() >= width ? text : text + " ".repeat(width - text.length());
  }

  /**
   * Returns the table as CSV: header {@code operation,<columns>}, then {@code yes}/{@code no}
   * cells.
   */
  public static String csv(AccessTable table) {
    StringBuilder out = new StringBuilder("operation");
    for (String column : table.columns()) {
      out.append(',').append(column);
    }
    out.append('\n');
    for (AccessTable.Row row : table.rows()) {
      out.append(row.operation());
      for (boolean allowed : row.allowed()) {
        out.append(',').append(allowed ? "yes" : "no");
      }
      out.append('\n');
    }
    return out.toString();
  }
}
