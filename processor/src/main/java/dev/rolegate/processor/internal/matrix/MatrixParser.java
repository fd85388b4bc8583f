package dev.rolegate.processor.internal.matrix;

import dev.rolegate.processor.internal.diagnostic.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a matrix Markdown file. Tables whose first header cell is {@code Permission} or {@code
 * Role} are data; every other line is prose and ignored. The first {@code # } heading is the
 * matrix's name. Never throws for bad input: every mistake becomes a {@link MatrixProblem}.
 */
public final class MatrixParser {
  static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

  /** The most UTF-8 bytes a Java string constant holds; generated code makes one of each cell. */
  static final int MAX_CELL_BYTES = 65_535;

  private static final Pattern SEPARATOR =
      Pattern.compile("\\|?(\\s*:?-+:?\\s*\\|)*\\s*:?-+:?\\s*\\|?");

  private final String sourceName;
  private final List<MatrixProblem> problems = new ArrayList<>();
  private final List<PermissionRow> permissions = new ArrayList<>();
  private final List<RoleRow> roles = new ArrayList<>();
  private final Set<String> rejected = new TreeSet<>();
  private final List<PermissionRow> namedPermissions = new ArrayList<>();
  private final List<RoleRow> namedRoles = new ArrayList<>();

  private MatrixParser(String sourceName) {
    this.sourceName = sourceName;
  }

  /** Parses {@code text}; the result holds the document and every problem found. */
  public static Result parse(String sourceName, String text) {
    return new MatrixParser(sourceName).run(text);
  }

  /**
   * A parsed document and the syntax problems met on the way. {@code rejected} names the rows
   * (upper-cased) that did not parse: their problem is reported, so a reference to one of them is
   * not reported again as an unknown name. {@code named} holds the rows of {@code document} and the
   * rejected rows whose name and level did parse (their other cells left empty): the names a matrix
   * with mistakes still gives its constants classes.
   */
  public record Result(
      MatrixDocument document,
      List<MatrixProblem> problems,
      Set<String> rejected,
      MatrixDocument named) {
    public Result {
      rejected = Set.copyOf(rejected);
    }
  }

  private Result run(String input) {
    // A byte-order mark is not part of the first line (the UTF-8 decoder keeps it).
    String text = input.startsWith("\uFEFF") ? input.substring(1) : input;
    String[] lines = text.split("\r\n|\r|\n", -1);
    String title = "";
    int i = 0;
    while (i < lines.length) {
      String line = lines[i].strip();
      if (title.isEmpty() && line.startsWith("# ")) {
        title = line.substring(2).strip();
      }
      if (line.startsWith("|")) {
        i = table(lines, i);
      } else {
        i++;
      }
    }
    if (permissions.isEmpty() && problems.isEmpty()) {
      syntax(Diagnostic.MATRIX_NO_PERMISSION_TABLE, 1);
    }
    if (utf8Length(title) > MAX_CELL_BYTES) {
      syntax(Diagnostic.MATRIX_TITLE_TOO_LONG, 1, utf8Length(title));
    }
    if (title.isEmpty()) {
      title = sourceName;
    }
    return new Result(
        new MatrixDocument(sourceName, title, permissions, roles),
        List.copyOf(problems),
        rejected,
        new MatrixDocument(sourceName, title, namedPermissions, namedRoles));
  }

  /**
   * Reports a table whose first header cell is a typo of {@code Permission} (within two edits,
   * ignoring case, as {@code Permissions}) or is {@code Roles}: it would be read as prose and its
   * rows ignored. Returns whether it reported; the caller rejects the rows' names, so that
   * references to them are not reported again as unknown.
   */
  private boolean misspeltKind(String cell, int line) {
    Diagnostic misspelt;
    if (EditDistance.between(cell.toUpperCase(Locale.ROOT), "PERMISSION") <= 2) {
      misspelt = Diagnostic.MATRIX_PERMISSION_HEADER_MISSPELT;
    } else if (cell.equalsIgnoreCase("roles")) {
      misspelt = Diagnostic.MATRIX_ROLE_HEADER_MISSPELT;
    } else {
      return false;
    }
    syntax(misspelt, line, quote(cell));
    return true;
  }

  /** Reads the table starting at {@code start}; returns the index of the first line after it. */
  private int table(String[] lines, int start) {
    int end = start;
    while (end < lines.length && lines[end].strip().startsWith("|")) {
      end++;
    }
    List<String> header = cells(lines[start]);
    String kind = header.get(0).toLowerCase(Locale.ROOT);
    boolean permissionTable = kind.equals("permission");
    boolean roleTable = kind.equals("role");
    if (!permissionTable && !roleTable) {
      int column = misplacedNameColumn(header, start + 1);
      if (column < 0 && misspeltKind(header.get(0), start + 1)) {
        column = 0;
      }
      for (int i = start + 1; column >= 0 && i < end; i++) {
        List<String> row = cells(lines[i]);
        if (column < row.size()) {
          reject(row.get(column));
        }
      }
      return end;
    }
    if (start + 1 >= end || !SEPARATOR.matcher(lines[start + 1].strip()).matches()) {
      // On the line after the header, or on the header when it is the file's last line.
      syntax(Diagnostic.MATRIX_NO_SEPARATOR, start + 1 < lines.length ? start + 2 : start + 1);
      rejectRows(lines, start + 1, end);
      return end;
    }
    Columns columns = permissionTable ? Columns.permissions(header) : Columns.roles(header);
    if (columns.missing != null) {
      problems.add(
          MatrixProblem.of(columns.missing, start + 1, columns.missingArguments.toArray()));
      rejectRows(lines, start + 2, end);
      return end;
    }
    for (int i = start + 2; i < end; i++) {
      if (repeatedHeader(lines, i)) {
        if (i + 1 < end && SEPARATOR.matcher(lines[i + 1].strip()).matches()) {
          i++;
        }
        continue;
      }
      List<String> row = cells(lines[i]);
      if (tooLong(i + 1, row)) {
        reject(row.get(0));
        continue;
      }
      if (row.size() != header.size()) {
        syntax(Diagnostic.MATRIX_CELL_COUNT, i + 1, row.size(), header.size());
        reject(row.get(0));
        continue;
      }
      if (permissionTable) {
        permissionRow(i + 1, row, columns);
      } else {
        roleRow(i + 1, row, columns);
      }
    }
    return end;
  }

  /**
   * Reports a table that has the columns of a Permission or Role table but not its name column
   * first: it would be read as prose, and its rows silently dropped. Returns the name column's
   * index, or -1 when the table is prose; the caller rejects the rows' names, so that references to
   * them are not reported again as unknown. The first column is not searched: a first cell that
   * matches a name column only under case folding (Permission spelt with a long s) is not that
   * column, and {@link #misspeltKind} reports it.
   */
  private int misplacedNameColumn(List<String> header, int line) {
    boolean level = header.stream().anyMatch(cell -> cell.equalsIgnoreCase("level"));
    for (String kind : List.of("Permission", "Role")) {
      for (int column = 1; level && column < header.size(); column++) {
        if (header.get(column).equalsIgnoreCase(kind)) {
          syntax(Diagnostic.MATRIX_NAME_COLUMN_NOT_FIRST, line, kind);
          return column;
        }
      }
    }
    return -1;
  }

  /** Reports a row that repeats a table header, and the separator row that follows it. */
  private boolean repeatedHeader(String[] lines, int i) {
    List<String> row = cells(lines[i]);
    String first = row.get(0).toLowerCase(Locale.ROOT);
    // A permission may be named PERMISSION: only a cell that is no name is a header.
    if (!first.equals("permission") && !first.equals("role")
        || NAME.matcher(row.get(0)).matches()) {
      return false;
    }
    syntax(Diagnostic.MATRIX_HEADER_REPEATED, i + 1, row.get(0));
    return true;
  }

  /** Reports a cell that no Java string constant can hold (a huge description, say). */
  private boolean tooLong(int line, List<String> row) {
    for (String cell : row) {
      if (utf8Length(cell) > MAX_CELL_BYTES) {
        syntax(Diagnostic.MATRIX_CELL_TOO_LONG, line, utf8Length(cell));
        return true;
      }
    }
    return false;
  }

  /** Returns the length of {@code text} in the modified UTF-8 of class files. */
  static int utf8Length(String text) {
    int bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      bytes += c != 0 && c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
    }
    return bytes;
  }

  private void permissionRow(int line, List<String> row, Columns columns) {
    String name = row.get(columns.name);
    Level level = level(line, row.get(columns.level), false);
    List<String> includes = names(line, row.get(columns.list), "includes");
    boolean named = name(line, name, "permission") && level != null;
    PermissionRow parsed =
        new PermissionRow(
            line,
            name,
            level,
            columns.cell(row, columns.scope),
            includes == null ? List.of() : includes,
            columns.cell(row, columns.description));
    if (named) {
      namedPermissions.add(parsed);
    }
    if (!named || includes == null) {
      reject(name);
      return;
    }
    permissions.add(parsed);
  }

  private void roleRow(int line, List<String> row, Columns columns) {
    String name = row.get(columns.name);
    String levelCell = row.get(columns.level);
    boolean isDefault = levelCell.toLowerCase(Locale.ROOT).replace(" ", "").endsWith("(default)");
    Level level = level(line, levelCell, true);
    List<String> grants = names(line, row.get(columns.list), "grants");
    String inherits = row.get(columns.inherits);
    String everywhere = columns.cell(row, columns.everywhere);
    boolean named = name(line, name, "role") & level != null;
    boolean ok = named & grants != null;
    ok &= inherits.isEmpty() || name(line, inherits, "inherited role");
    ok &= everywhere.isEmpty() || name(line, everywhere, "workspace role");
    String description = columns.cell(row, columns.description);
    if (named) {
      namedRoles.add(
          new RoleRow(
              line,
              name,
              level,
              isDefault && level == Level.ACCOUNT,
              ok ? inherits : "",
              ok ? grants : List.of(),
              ok ? everywhere : "",
              description));
    }
    if (!ok) {
      reject(name);
      return;
    }
    if (isDefault && level != Level.ACCOUNT) {
      syntax(Diagnostic.MATRIX_DEFAULT_NOT_ACCOUNT, line, name);
      reject(name);
      return;
    }
    roles.add(new RoleRow(line, name, level, isDefault, inherits, grants, everywhere, description));
  }

  private Level level(int line, String cell, boolean role) {
    String word = cell.toLowerCase(Locale.ROOT).replace(" ", "");
    if (role && word.endsWith("(default)")) {
      word = word.substring(0, word.length() - "(default)".length());
    }
    switch (word) {
      case "workspace":
        return Level.WORKSPACE;
      case "account":
        return Level.ACCOUNT;
      default:
        syntax(
            role ? Diagnostic.MATRIX_ROLE_LEVEL : Diagnostic.MATRIX_PERMISSION_LEVEL, line, cell);
        return null;
    }
  }

  private boolean name(int line, String name, String what) {
    if (NAME.matcher(name).matches()) {
      return true;
    }
    if (name.isEmpty()) {
      syntax(Diagnostic.MATRIX_NAME_EMPTY, line, what);
    } else {
      syntax(Diagnostic.MATRIX_NAME_INVALID, line, what, quote(name), foreign(name));
    }
    return false;
  }

  private List<String> names(int line, String cell, String column) {
    List<String> result = new ArrayList<>();
    if (cell.isEmpty()) {
      return result;
    }
    for (String item : cell.split(",", -1)) {
      String name = clean(item);
      if (!NAME.matcher(name).matches()) {
        syntax(Diagnostic.MATRIX_NAME_LIST_INVALID, line, column, quote(name), foreign(name));
        return null;
      }
      result.add(name);
    }
    return result;
  }

  /**
   * Quotes user text for a message: characters outside printable ASCII as {@code \\uXXXX} (a
   * zero-width joiner would be invisible), and at most 80 characters of it.
   */
  public static String quote(String text) {
    StringBuilder quoted = new StringBuilder("\"");
    int shown = Math.min(text.length(), 80);
    for (int i = 0; i < shown; i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        quoted.append(String.format("\\u%04X", (int) c));
      } else {
        quoted.append(c);
      }
    }
    quoted.append('"');
    if (shown < text.length()) {
      quoted.append(String.format(" (the first 80 of %,d characters)", text.length()));
    }
    return quoted.toString();
  }

  /**
   * Names the first character of {@code name} outside printable ASCII, such as a Cyrillic letter
   * that looks Latin, or returns "" when there is none.
   */
  public static String foreign(String name) {
    for (int i = 0; i < name.length(); i++) {
      int c = name.codePointAt(i);
      if (c < 0x20 || c > 0x7e) {
        String unicodeName = Character.getName(c);
        return String.format(
            " (character %d is U+%04X%s, which is not A-Z, 0-9 or _)",
            i + 1, c, unicodeName == null ? "" : " " + unicodeName);
      }
    }
    return "";
  }

  private void rejectRows(String[] lines, int from, int end) {
    for (int i = from; i < end; i++) {
      reject(cells(lines[i]).get(0));
    }
  }

  private void reject(String name) {
    rejected.add(name.toUpperCase(Locale.ROOT));
  }

  private void syntax(Diagnostic cause, int line, Object... arguments) {
    problems.add(MatrixProblem.of(cause, line, arguments));
  }

  /** Splits a table line into cleaned cells, honouring {@code \|} escapes. */
  static List<String> cells(String line) {
    String body = line.strip();
    if (body.startsWith("|")) {
      body = body.substring(1);
    }
    if (body.endsWith("|") && !body.endsWith("\\|")) {
      body = body.substring(0, body.length() - 1);
    }
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\\' && i + 1 < body.length() && body.charAt(i + 1) == '|') {
        cell.append('|');
        i++;
      } else if (c == '|') {
        cells.add(clean(cell.toString()));
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(clean(cell.toString()));
    return cells;
  }

  static String clean(String cell) {
    String text = cell.strip();
    while (text.length() >= 2 && text.startsWith("`") && text.endsWith("`")) {
      text = text.substring(1, text.length() - 1).strip();
    }
    if (text.equals("-")
        || text.equals("\u2014")
        || text.equals("\u2013")
        || text.equalsIgnoreCase("(none)")) {
      return "";
    }
    return text;
  }

  /** Where a table's columns are. */
  private static final class Columns {
    int name;
    int level = -1;
    int list = -1;
    int inherits = -1;
    int scope = -1;
    int everywhere = -1;
    int description = -1;
    Diagnostic missing;
    List<Object> missingArguments;

    static Columns permissions(List<String> header) {
      Columns columns = locate(header);
      columns.list = indexOf(header, "includes");
      columns.require(
          header,
          "| Permission | Level | Includes |",
          List.of("Level", "Includes"),
          columns.level,
          columns.list);
      columns.unique(header, "permission", "level", "includes", "description", "scope");
      return columns;
    }

    static Columns roles(List<String> header) {
      Columns columns = locate(header);
      columns.list = indexOf(header, "grants");
      columns.inherits = indexOf(header, "inherits");
      columns.require(
          header,
          "| Role | Level | Inherits | Grants |",
          List.of("Level", "Grants", "Inherits"),
          columns.level,
          columns.list,
          columns.inherits);
      columns.unique(header, "role", "level", "inherits", "grants", "description", "everywhere");
      return columns;
    }

    /**
     * Reports a column the table has twice (two Level columns, say): which one holds the data would
     * be a guess, so neither is read.
     */
    private void unique(List<String> header, String... names) {
      for (String name : names) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
          String cell = header.get(i).toLowerCase(Locale.ROOT);
          boolean partial = name.equals("scope") || name.equals("everywhere");
          if (partial ? cell.contains(name) : cell.equals(name)) {
            found.add(i + 1);
          }
        }
        if (found.size() > 1 && missing == null) {
          missing = Diagnostic.MATRIX_COLUMN_TWICE;
          missingArguments =
              List.of(
                  found.size(),
                  name,
                  found.stream().map(String::valueOf).collect(Collectors.joining(", ")),
                  String.join(", ", header));
        }
      }
    }

    private static Columns locate(List<String> header) {
      Columns columns = new Columns();
      columns.level = indexOf(header, "level");
      columns.description = indexOf(header, "description");
      for (int i = 0; i < header.size(); i++) {
        String cell = header.get(i).toLowerCase(Locale.ROOT);
        if (cell.contains("scope")) {
          columns.scope = i;
        } else if (cell.contains("everywhere")) {
          columns.everywhere = i;
        }
      }
      return columns;
    }

    /** Reports the columns of {@code names} whose {@code indexes} are -1, by name. */
    private void require(List<String> header, String expected, List<String> names, int... indexes) {
      List<String> lacking = new ArrayList<>();
      for (int i = 0; i < indexes.length; i++) {
        if (indexes[i] < 0) {
          lacking.add(names.get(i));
        }
      }
      if (!lacking.isEmpty()) {
        missing =
            lacking.size() == 1
                ? Diagnostic.MATRIX_COLUMN_MISSING
                : Diagnostic.MATRIX_COLUMNS_MISSING;
        missingArguments = List.of(listed(lacking), expected, String.join(", ", header));
      }
    }

    /** Lists names as {@code A}, {@code A and B}, {@code A, B and C}. */
    private static String listed(List<String> names) {
      int last = names.size() - 1;
      return last == 0
          ? names.get(0)
          : String.join(", ", names.subList(0, last)) + " and " + names.get(last);
    }

    private static int indexOf(List<String> header, String name) {
      for (int i = 0; i < header.size(); i++) {
        if (header.get(i).equalsIgnoreCase(name)) {
          return i;
        }
      }
      return -1;
    }

    String cell(List<String> row, int index) {
      return index < 0 ? "" : row.get(index);
    }
  }
}
