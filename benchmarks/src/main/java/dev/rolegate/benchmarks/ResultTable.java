package dev.rolegate.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints a JMH CSV result file ({@code -rf csv}, run with {@code -prof gc}) as Markdown tables: one
 * row per benchmark with ns/op, its error and bytes allocated per call, grouped by class; then the
 * ratios the project sets targets for, computed from the same run.
 *
 * <p>Usage: {@code java -cp ... dev.rolegate.benchmarks.ResultTable jmh-result.csv}
 */
public final class ResultTable {
  private static final String GC_NORM = ":gc.alloc.rate.norm";
  private static final String ALLOWED = "AllowedPathBenchmark.";
  private static final String DENIED = "DeniedPathBenchmark.";
  private static final String FRAMEWORK = "FrameworkBenchmark.";
  private static final String RESOLVE = "ResolvePrincipalBenchmark.";
  private static final String RESOLVE_POSTGRES = "ResolvePrincipalPostgresBenchmark.";

  /** A ratio of two benchmarks' scores, and the project's target for it (empty when none). */
  private record Ratio(String label, String numerator, String denominator, String target) {}

  private static final List<Ratio> RATIOS =
      List.of(
          new Ratio(
              "rolegate / hand-written, allowed, role looked up per call",
              ALLOWED + "rolegate",
              ALLOWED + "handWritten",
              "≤ 1.3"),
          new Ratio(
              "rolegate / hand-written, allowed, caller bound to the workspace",
              ALLOWED + "rolegateBound",
              ALLOWED + "handWrittenBound",
              "≤ 1.3"),
          new Ratio(
              "rolegate class guard / hand-written, allowed, bound",
              ALLOWED + "rolegateClassGuardBound",
              ALLOWED + "handWrittenBound",
              "≤ 1.3"),
          new Ratio(
              "rolegate / hand-written, allowed, 2 threads",
              ALLOWED + "rolegateTwoThreads",
              ALLOWED + "handWrittenTwoThreads",
              ""),
          new Ratio(
              "@Secured / rolegate bound, allowed",
              FRAMEWORK + "springSecuredAllowed",
              ALLOWED + "rolegateBound",
              "≥ 30"),
          new Ratio(
              "@PreAuthorize / rolegate bound, allowed",
              FRAMEWORK + "springPreAuthorizeAllowed",
              ALLOWED + "rolegateBound",
              "≥ 300"),
          new Ratio(
              "Shiro / rolegate bound, allowed",
              FRAMEWORK + "shiroAllowed",
              ALLOWED + "rolegateBound",
              ""),
          new Ratio(
              "jCasbin / rolegate bound, allowed",
              FRAMEWORK + "casbinAllowed",
              ALLOWED + "rolegateBound",
              ""),
          new Ratio(
              "@Secured / rolegate (looked up), allowed",
              FRAMEWORK + "springSecuredAllowed",
              ALLOWED + "rolegate",
              ""),
          new Ratio(
              "@PreAuthorize / rolegate (looked up), allowed",
              FRAMEWORK + "springPreAuthorizeAllowed",
              ALLOWED + "rolegate",
              ""),
          new Ratio(
              "jCasbin / rolegate (looked up), allowed",
              FRAMEWORK + "casbinAllowed",
              ALLOWED + "rolegate",
              ""),
          new Ratio(
              "rolegate / hand-written, denied",
              DENIED + "rolegate",
              DENIED + "handWritten",
              "≤ 1.2"),
          new Ratio(
              "jCasbin / rolegate, denied", FRAMEWORK + "casbinDenied", DENIED + "rolegate", ""),
          new Ratio(
              "rolegate store / hand-written query, principal resolved, H2",
              RESOLVE + "rolegate",
              RESOLVE + "handWritten",
              ""),
          new Ratio(
              "rolegate store / hand-written query, principal resolved, PostgreSQL",
              RESOLVE_POSTGRES + "rolegate",
              RESOLVE_POSTGRES + "handWritten",
              ""),
          new Ratio(
              "guard after resolve / rolegate bound, allowed",
              RESOLVE + "guardAfterResolve",
              ALLOWED + "rolegateBound",
              ""));

  /** One benchmark's result. */
  record Row(String name, int threads, double score, double error, double bytesPerOp) {}

  private final Map<String, Row> rows;

  ResultTable(Map<String, Row> rows) {
    this.rows = rows;
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: ResultTable <jmh-result.csv>");
      System.exit(2);
    }
    parse(Files.readAllLines(Path.of(args[0]))).print(System.out);
  }

  /** Parses the lines of a JMH CSV file; secondary results other than B/op are ignored. */
  static ResultTable parse(List<String> lines) {
    Map<String, Row> rows = new LinkedHashMap<>();
    Map<String, Double> bytes = new LinkedHashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      List<String> cells = cells(line);
      if (cells.size() < 7) {
        continue;
      }
      String name = shortName(cells.get(0));
      double score = Double.parseDouble(cells.get(4));
      if (name.endsWith(GC_NORM)) {
        bytes.put(name.substring(0, name.length() - GC_NORM.length()), score);
      } else if (!name.contains(":")) {
        int threads = Integer.parseInt(cells.get(2));
        double error = Double.parseDouble(cells.get(5));
        rows.put(name, new Row(name, threads, score, error, Double.NaN));
      }
    }
    bytes.forEach(
        (name, value) ->
            rows.computeIfPresent(
                name,
                (key, row) -> new Row(row.name(), row.threads(), row.score(), row.error(), value)));
    return new ResultTable(rows);
  }

  /** Splits one CSV line whose cells may be quoted (JMH quotes names, never embeds quotes). */
  private static List<String> cells(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (char c : line.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString());
    return cells;
  }

  /** Returns {@code Class.method} (and any secondary suffix) of a qualified benchmark name. */
  private static String shortName(String benchmark) {
    int suffix = benchmark.indexOf(':');
    String primary = suffix < 0 ? benchmark : benchmark.substring(0, suffix);
    int method = primary.lastIndexOf('.');
    int type = primary.lastIndexOf('.', method - 1);
    return benchmark.substring(type + 1);
  }

  /** Prints the tables and the ratios. */
  void print(PrintStream out) {
    String group = null;
    for (Row row : rows.values()) {
      String type = row.name().substring(0, row.name().indexOf('.'));
      if (!type.equals(group)) {
        group = type;
        out.printf("%n### %s%n%n| benchmark | threads | ns/op | ± (99.9%%) | B/op |%n", type);
        out.printf("|---|---|---|---|---|%n");
      }
      out.printf(
          "| %s | %d | %s | %s | %s |%n",
          row.name().substring(type.length() + 1),
          row.threads(),
          number(row.score()),
          number(row.error()),
          bytes(row.bytesPerOp()));
    }
    out.printf("%n### Ratios (same run)%n%n| ratio | value | target |%n|---|---|---|%n");
    for (Ratio ratio : RATIOS) {
      Row top = rows.get(ratio.numerator());
      Row bottom = rows.get(ratio.denominator());
      if (top != null && bottom != null) {
        double value = top.score() / bottom.score();
        out.printf(Locale.ROOT, "| %s | %.2f× | %s |%n", ratio.label(), value, ratio.target());
      }
    }
    for (String name : List.of("rolegate", "rolegateBound")) {
      Row row = rows.get(ALLOWED + name);
      if (row != null) {
        out.printf("| %s allowed B/op | %s | 0 |%n", name, bytes(row.bytesPerOp()));
      }
    }
    Row resolved = rows.get(RESOLVE + "guardAfterResolve");
    if (resolved != null) {
      out.printf("| guardAfterResolve allowed B/op | %s | 0 |%n", bytes(resolved.bytesPerOp()));
    }
  }

  private static String number(double value) {
    if (Double.isNaN(value)) {
      return "–";
    }
    return String.format(Locale.ROOT, value < 10 ? "%.2f" : value < 1000 ? "%.1f" : "%.0f", value);
  }

  private static String bytes(double value) {
    if (Double.isNaN(value)) {
      return "–";
    }
    return value < 0.5 ? "0" : String.format(Locale.ROOT, "%.0f", value);
  }
}
