package dev.rolegate.processor;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random matrix files for {@link RobustnessPropertiesTest}: a valid random matrix (random column
 * order, optional columns, split tables, prose, descriptions full of characters that mean something
 * in Java source and Javadoc), then zero or more random kinds of damage. A sample with no damage is
 * a valid matrix and must compile.
 */
final class RandomMatrices {
  /** Free text that must survive into generated Javadoc and string literals unharmed. */
  private static final List<String> NASTY_TEXT =
      List.of(
          "plain words",
          "ends a comment */ here",
          "opens /* one",
          "C:\\users\\build",
          "\\u002a/",
          "\\u000a new line?",
          "\\uZZZZ",
          "\"quoted\"",
          "$L $S $T $$ %s %n",
          "@param x @deprecated",
          "{@code x} {@link Nope}",
          "<b>bold</b> & &amp; <",
          "tab\there",
          "nul\u0000char",
          "emoji \uD83D\uDE00",
          "r\u00e9sum\u00e9 \u65e5\u672c \u0645\u0631\u062d\u0628\u0627",
          "back\\slash\\",
          "`ticked`",
          "escaped \\| pipe",
          "-",
          "\u2014",
          "(none)",
          "");

  private static final List<String> ODD_NAMES =
      List.of(
          "",
          "lower_case",
          "Mixed_Case",
          "1STARTS_WITH_DIGIT",
          "HAS SPACE",
          "HAS-DASH",
          "\u00c9T\u00c9",
          "\u65e5\u672c",
          "_LEADING",
          "A",
          "VIEW_THINGS",
          "`TICKED`",
          "NAME,OTHER",
          "\u0000",
          "X\tY");
  private static final List<String> ODD_LEVELS =
      List.of(
          "Workspace",
          "ACCOUNT",
          "account(default)",
          "account ( default )",
          "workspace (default)",
          "org",
          "",
          "-",
          "workspace,account",
          "account (default) (default)");

  /** One generated file: its bytes, the permissions of the undamaged matrix, and what was done. */
  record Sample(byte[] bytes, List<String> permissions, List<String> damage) {
    String text() {
      return new String(bytes, StandardCharsets.UTF_8);
    }

    boolean damaged() {
      return !damage.isEmpty();
    }
  }

  /** A Markdown table as cells, so damage can aim at names, levels and lists. */
  private static final class Table {
    final List<String> header = new ArrayList<>();
    final List<List<String>> rows = new ArrayList<>();
    boolean separator = true;
  }

  private final Random random;
  private final List<String> permissions = new ArrayList<>();
  private final List<String> workspacePermissions = new ArrayList<>();
  private final List<String> accountPermissions = new ArrayList<>();
  private final List<String> damage = new ArrayList<>();

  private RandomMatrices(Random random) {
    this.random = random;
  }

  /** Returns a random sample; about a third of them are undamaged. */
  static Sample sample(Random random) {
    return new RandomMatrices(random).build();
  }

  private Sample build() {
    List<Table> tables = new ArrayList<>();
    tables.addAll(split(permissionTable()));
    tables.addAll(split(roleTable()));
    int kinds = random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(3);
    for (int i = 0; i < kinds; i++) {
      damageTables(tables);
    }
    String text = render(tables);
    if (kinds > 0 && random.nextInt(3) == 0) {
      text = damageText(text);
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (kinds > 0 && random.nextInt(8) == 0) {
      bytes = randomBytes(bytes);
    }
    return new Sample(bytes, List.copyOf(permissions), List.copyOf(damage));
  }

  private Table permissionTable() {
    Table table = table("Permission", "Level", "Includes", "Scope", "Description");
    int count = 1 + random.nextInt(8);
    for (int i = 0; i < count; i++) {
      String name = "P" + i + "_" + word().toUpperCase(java.util.Locale.ROOT);
      boolean isWorkspace = random.nextInt(3) > 0;
      List<String> sameLevel = isWorkspace ? workspacePermissions : accountPermissions;
      // Includes name only earlier permissions of the same level: never a cycle.
      String includes = String.join(", ", someOf(sameLevel));
      row(table, name, isWorkspace ? "workspace" : "account", includes, text(), text());
      sameLevel.add(name);
      permissions.add(name);
    }
    return table;
  }

  private Table roleTable() {
    Table table =
        table("Role", "Level", "Inherits", "Grants", "Workspace role everywhere", "Description");
    List<String> workspaceRoles = new ArrayList<>();
    int workspaceCount = random.nextInt(5);
    for (int i = 0; i < workspaceCount; i++) {
      String name = "W" + i + "_" + word().toUpperCase(java.util.Locale.ROOT);
      row(
          table,
          name,
          "workspace",
          pickOne(workspaceRoles),
          String.join(", ", someOf(workspacePermissions)),
          "",
          text());
      workspaceRoles.add(name);
    }
    List<String> accountRoles = new ArrayList<>();
    boolean defaultTaken = false;
    int accountCount = random.nextInt(4);
    for (int i = 0; i < accountCount; i++) {
      String name = "A" + i + "_" + word().toUpperCase(java.util.Locale.ROOT);
      boolean isDefault = !defaultTaken && random.nextBoolean();
      defaultTaken |= isDefault;
      row(
          table,
          name,
          isDefault ? "account (default)" : "account",
          pickOne(accountRoles),
          String.join(", ", someOf(accountPermissions)),
          pickOne(workspaceRoles),
          text());
      accountRoles.add(name);
    }
    return table;
  }

  /** A table in the canonical column order; rendering shuffles the columns. */
  private Table table(String... header) {
    Table table = new Table();
    table.header.addAll(List.of(header));
    return table;
  }

  private static void row(Table table, String... cells) {
    table.rows.add(new ArrayList<>(List.of(cells)));
  }

  /** Splits a table into two with the same header, now and then (a matrix may do so per area). */
  private List<Table> split(Table table) {
    if (table.rows.size() < 2 || random.nextInt(4) > 0) {
      return List.of(table);
    }
    Table second = new Table();
    second.header.addAll(table.header);
    int at = 1 + random.nextInt(table.rows.size() - 1);
    while (table.rows.size() > at) {
      second.rows.add(table.rows.remove(at));
    }
    return List.of(table, second);
  }

  private String render(List<Table> tables) {
    StringBuilder text = new StringBuilder();
    if (random.nextInt(4) > 0) {
      text.append("# ").append(text()).append(" matrix\n\n");
    }
    for (Table table : tables) {
      if (random.nextBoolean()) {
        text.append(text()).append("\n\n");
      }
      text.append(renderTable(table)).append('\n');
    }
    return text.toString();
  }

  /** Renders with some optional columns dropped; all but the first column in random order. */
  private String renderTable(Table table) {
    List<Integer> columns = new ArrayList<>();
    for (int i = 1; i < table.header.size(); i++) {
      boolean optional = i >= 3 + (table.header.get(0).equals("Role") ? 1 : 0);
      if (!optional || random.nextInt(4) > 0) {
        columns.add(i);
      }
    }
    java.util.Collections.shuffle(columns, random);
    columns.add(0, 0);
    StringBuilder text = new StringBuilder();
    text.append(line(table.header, columns, table.header.size()));
    if (table.separator) {
      text.append('|').append("---|".repeat(columns.size())).append('\n');
    }
    for (List<String> row : table.rows) {
      text.append(line(row, columns, table.header.size()));
    }
    return text.toString();
  }

  /**
   * Renders the cells in column order; a damaged row has cells missing, or extra ones at the end.
   */
  private static String line(List<String> cells, List<Integer> columns, int width) {
    List<String> shown = new ArrayList<>();
    for (int column : columns) {
      if (column < cells.size()) {
        shown.add(cells.get(column));
      }
    }
    shown.addAll(cells.subList(Math.min(width, cells.size()), cells.size()));
    StringBuilder line = new StringBuilder("|");
    for (String cell : shown) {
      line.append(' ').append(cell.replace("|", "\\|")).append(" |");
    }
    return line.append('\n').toString();
  }

  /** Damages one random table in one random way, aiming at the cells that carry meaning. */
  private void damageTables(List<Table> tables) {
    Table table = tables.get(random.nextInt(tables.size()));
    if (table.rows.isEmpty()) {
      remember(dropSeparator(table));
      return;
    }
    List<String> row = table.rows.get(random.nextInt(table.rows.size()));
    switch (random.nextInt(9)) {
      case 0 -> remember("name " + set(row, 0, pick(ODD_NAMES)));
      case 1 -> remember("level " + set(row, 1, pick(ODD_LEVELS)));
      case 2 -> remember("list " + set(row, 2 + random.nextInt(2), randomList()));
      case 3 -> remember("deleted cell " + row.remove(random.nextInt(row.size())));
      case 4 -> remember("extra cell " + add(row));
      case 5 -> remember("duplicate row " + duplicate(table, row));
      case 6 -> remember("huge description " + huge(row));
      case 7 -> remember(dropSeparator(table));
      default -> remember("cycle " + cycle(table));
    }
  }

  private static String dropSeparator(Table table) {
    table.separator = false;
    return "no separator row";
  }

  private void remember(String what) {
    damage.add(what.length() > 80 ? what.substring(0, 80) + "..." : what);
  }

  private String set(List<String> row, int column, String value) {
    if (column < row.size()) {
      row.set(column, value);
    }
    return "\"" + value + "\"";
  }

  private String add(List<String> row) {
    String cell = text();
    row.add(random.nextInt(row.size() + 1), cell);
    return cell;
  }

  private String duplicate(Table table, List<String> row) {
    table.rows.add(random.nextInt(table.rows.size() + 1), new ArrayList<>(row));
    return row.get(0);
  }

  /**
   * A description of 10,000 to 40,000 characters; multi-byte ones pass a constant's 65,535 bytes.
   */
  private String huge(List<String> row) {
    String unit = pick(List.of("x", "\u00e9", "\u65e5", "\uD83D\uDE00", "*/ \\u "));
    String text = unit.repeat((10_000 + random.nextInt(30_000)) / unit.length());
    row.set(row.size() - 1, text);
    return text.length() + " chars of " + unit;
  }

  /** Makes the row's list name the row itself or another row that names it: a loop. */
  private String cycle(Table table) {
    List<String> first = table.rows.get(random.nextInt(table.rows.size()));
    List<String> second = table.rows.get(random.nextInt(table.rows.size()));
    int column = 2; // Includes in a permission table, Inherits in a role table
    if (first.size() > column && second.size() > column) {
      first.set(column, second.get(0));
      second.set(column, first.get(0));
    }
    return first.get(0) + " <-> " + second.get(0);
  }

  private String randomList() {
    List<String> names = new ArrayList<>();
    int count = 1 + random.nextInt(3);
    for (int i = 0; i < count; i++) {
      names.add(
          random.nextBoolean() && !permissions.isEmpty() ? pick(permissions) : pick(ODD_NAMES));
    }
    return String.join(pick(List.of(", ", ",", " ; ", ",, ", " ")), names);
  }

  /** Damages the text as a whole: truncation, CRLF, stray characters, lines dropped or doubled. */
  private String damageText(String text) {
    switch (random.nextInt(6)) {
      case 0 -> {
        damage.add("truncated");
        return text.substring(0, random.nextInt(text.length() + 1));
      }
      case 1 -> {
        damage.add("CRLF");
        return text.replace("\n", random.nextBoolean() ? "\r\n" : "\r");
      }
      case 2 -> {
        damage.add("stray characters");
        StringBuilder damaged = new StringBuilder(text);
        int count = 1 + random.nextInt(5);
        for (int i = 0; i < count; i++) {
          damaged.insert(
              random.nextInt(damaged.length() + 1),
              pick(
                  List.of(
                      "|", "\\", "\u0000", "\u0007", "\uFEFF", "\u2028", "`", "\t", "\r", "\\|",
                      "# ")));
        }
        return damaged.toString();
      }
      case 3 -> {
        damage.add("arbitrary text");
        return randomText();
      }
      default -> {
        damage.add("lines shuffled");
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        java.util.Collections.swap(
            lines, random.nextInt(lines.size()), random.nextInt(lines.size()));
        lines.add(random.nextInt(lines.size()), lines.get(random.nextInt(lines.size())));
        return String.join("\n", lines);
      }
    }
  }

  private String randomText() {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(400);
    for (int i = 0; i < length; i++) {
      int kind = random.nextInt(10);
      text.append(
          kind < 6
              ? (char) (' ' + random.nextInt(95))
              : kind < 8
                  ? pick(List.of("|", "\n", "---", "Permission", "Role", "workspace"))
                  : (char) random.nextInt(0xD7FF));
    }
    return text.toString();
  }

  /** Overwrites a few bytes at random: the file may no longer be valid UTF-8. */
  private byte[] randomBytes(byte[] bytes) {
    damage.add("random bytes");
    byte[] damaged = bytes.clone();
    int count = 1 + random.nextInt(4);
    for (int i = 0; i < count && damaged.length > 0; i++) {
      damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
    }
    return damaged;
  }

  private String text() {
    return random.nextInt(3) == 0 ? pick(NASTY_TEXT) : word() + " " + word();
  }

  private String word() {
    return pick(List.of("view", "edit", "run", "flows", "pools", "blocks", "users", "keys"));
  }

  private List<String> someOf(List<String> names) {
    List<String> some = new ArrayList<>();
    for (String name : names) {
      if (random.nextInt(3) == 0) {
        some.add(name);
      }
    }
    return some;
  }

  private String pickOne(List<String> names) {
    return names.isEmpty() || random.nextBoolean() ? "" : pick(names);
  }

  private <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }
}
