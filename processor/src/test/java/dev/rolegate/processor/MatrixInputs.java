package dev.rolegate.processor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Inputs for {@link MatrixParserFuzzTest}: pure random bytes, random UTF-8 text made of the tokens
 * a matrix file is built from, and mutations of valid matrices (the bundled Prefect Cloud file, the
 * processor tests' {@link TestMatrices#SMALL}, undamaged {@link RandomMatrices}). Everything is
 * drawn from one {@link Random}, so a seed names an input.
 */
final class MatrixInputs {
  /** The bundled matrix, read from the prefect module beside this one (tests run in processor/). */
  static final Path PREFECT_CLOUD =
      Path.of(
          "..",
          "prefect",
          "src",
          "main",
          "resources",
          "dev",
          "rolegate",
          "prefect",
          "prefect-cloud.md");

  /** Where an input came from. */
  enum Kind {
    BYTES,
    TEXT,
    MUTATION
  }

  /** One input: its text and how it was made, for a failure message. */
  record Input(String text, List<String> steps) {}

  private static final List<String> TOKENS =
      List.of(
          "|",
          "|",
          "|",
          " | ",
          "\\|",
          "---",
          "|---|---|",
          ":-:",
          "\n",
          "\n",
          "\r\n",
          "\r",
          "# ",
          "Permission",
          "Role",
          "permission",
          "ROLE",
          "Level",
          "Includes",
          "Grants",
          "Inherits",
          "Scope",
          "Description",
          "Workspace role everywhere",
          "workspace",
          "account",
          "account (default)",
          "(default)",
          "(none)",
          "-",
          "\u2014",
          "`",
          ",",
          ", ",
          "VIEW_THINGS",
          "EDIT_THINGS",
          "OWNER",
          "ADMIN",
          "MEMBER",
          "A",
          "_",
          "0",
          " ",
          "\t",
          "\u0000",
          "\uFEFF");

  /** Characters that look like ASCII, or are invisible, or change direction or case rules. */
  private static final List<String> UNICODE =
      List.of(
          "\u0410",
          "\u0415",
          "\u041E",
          "\u0420",
          "\uFF21",
          "\uFF3F",
          "\u200B",
          "\u200D",
          "\u2060",
          "\uFEFF",
          "\u202E",
          "\u0301",
          "\u00A0",
          "\u2028",
          "\u2029",
          "\u0131",
          "\u0130",
          "\u00DF",
          "\uD835\uDC00",
          "\uD83D\uDE00",
          "\uD800",
          "\uDFFF",
          "\uFFFD",
          "\u01C5",
          "\u212A",
          "\uFF5C",
          "\u2223",
          "\u01C0",
          "\u0085");

  private static volatile List<String> bases;

  private MatrixInputs() {}

  /** Returns the input of {@code kind} drawn from {@code seed}. */
  static Input input(Kind kind, long seed) {
    Random random = new Random(seed);
    return switch (kind) {
      case BYTES -> randomBytes(random);
      case TEXT -> randomText(random);
      case MUTATION -> mutation(random);
    };
  }

  /** The valid matrices that mutations start from; each compiles as it is. */
  static List<String> bases() {
    List<String> result = bases;
    if (result == null) {
      List<String> all = new ArrayList<>();
      try {
        all.add(Files.readString(PREFECT_CLOUD, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException("the bundled matrix is not at " + PREFECT_CLOUD, e);
      }
      all.add(TestMatrices.SMALL);
      Random random = new Random(7);
      while (all.size() < 6) {
        RandomMatrices.Sample sample = RandomMatrices.sample(random);
        if (!sample.damaged()) {
          all.add(sample.text());
        }
      }
      result = List.copyOf(all);
      bases = result;
    }
    return result;
  }

  private static Input randomBytes(Random random) {
    byte[] bytes = new byte[random.nextInt(random.nextInt(8) == 0 ? 4_000 : 200)];
    random.nextBytes(bytes);
    boolean latin = random.nextBoolean();
    String how = latin ? "ISO-8859-1" : "UTF-8 with replacement";
    return new Input(decode(bytes, latin), List.of(bytes.length + " random bytes as " + how));
  }

  private static Input randomText(Random random) {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(random.nextInt(8) == 0 ? 3_000 : 300);
    while (text.length() < length) {
      int kind = random.nextInt(10);
      if (kind < 5) {
        text.append(pick(random, TOKENS));
      } else if (kind < 7) {
        text.append((char) (' ' + random.nextInt(95)));
      } else if (kind < 8) {
        text.append(pick(random, UNICODE));
      } else {
        text.appendCodePoint(random.nextInt(Character.MAX_CODE_POINT + 1));
      }
    }
    // Through UTF-8 and back, as a file on disk: a lone surrogate becomes '?'.
    String decoded =
        new String(text.toString().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    return new Input(decoded, List.of(length + " chars of random matrix tokens and code points"));
  }

  private static Input mutation(Random random) {
    List<String> all = bases();
    int base = random.nextInt(all.size());
    List<String> steps = new ArrayList<>();
    steps.add(
        "mutation of base "
            + base
            + " ("
            + (base == 0
                ? "prefect-cloud.md"
                : base == 1 ? "TestMatrices.SMALL" : "a valid RandomMatrices sample")
            + ")");
    String text = all.get(base);
    int count = 1 + random.nextInt(random.nextInt(4) == 0 ? 12 : 4);
    for (int i = 0; i < count; i++) {
      text = mutate(random, text, steps);
    }
    return new Input(text, steps);
  }

  private static String mutate(Random random, String text, List<String> steps) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    int line = random.nextInt(lines.size());
    switch (random.nextInt(13)) {
      case 0 -> {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int flips = 1 + random.nextInt(4);
        for (int i = 0; i < flips && bytes.length > 0; i++) {
          bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
        }
        steps.add(flips + " bit flips");
        return decode(bytes, false);
      }
      case 1 -> {
        lines.remove(line);
        steps.add("deleted line " + (line + 1));
      }
      case 2 -> {
        int copies = 1 + random.nextInt(3);
        for (int i = 0; i < copies; i++) {
          lines.add(line, lines.get(line));
        }
        steps.add("duplicated line " + (line + 1) + " x" + copies);
      }
      case 3 -> {
        int other = random.nextInt(lines.size());
        Collections.swap(lines, line, other);
        steps.add("swapped lines " + (line + 1) + " and " + (other + 1));
      }
      case 4 -> {
        lines.set(line, swapCells(random, lines.get(line)));
        steps.add("swapped two cells on line " + (line + 1));
      }
      case 5 -> {
        int other = random.nextInt(lines.size());
        lines.set(line, moveCell(random, lines.get(other), lines.get(line)));
        steps.add("copied a cell of line " + (other + 1) + " over one of line " + (line + 1));
      }
      case 6 -> {
        int at = random.nextInt(text.length() + 1);
        steps.add("truncated at char " + at);
        return text.substring(0, at);
      }
      case 7 -> {
        String inserted = pick(random, List.of("|", "|", "\\|", "||", "| x |", "|---|"));
        steps.add("inserted " + inserted);
        return insert(random, text, inserted);
      }
      case 8 -> {
        String inserted = pick(random, UNICODE);
        steps.add("inserted U+" + Integer.toHexString(inserted.codePointAt(0)));
        return insert(random, text, inserted);
      }
      case 9 -> {
        String replaced = lookAlike(random, lines.get(line));
        lines.set(line, replaced);
        steps.add("look-alike letter on line " + (line + 1));
      }
      case 10 -> {
        String newline = pick(random, List.of("\r\n", "\r", "\n\n", "\u2028", "\u0085"));
        steps.add("line ends replaced");
        return text.replace("\n", newline);
      }
      case 11 -> {
        int at = text.indexOf('|', random.nextInt(text.length() + 1));
        if (at < 0) {
          steps.add("no | left to delete");
          return text;
        }
        steps.add("deleted the | at char " + at);
        return text.substring(0, at) + text.substring(at + 1);
      }
      default -> {
        lines.add(line, pick(random, lines));
        steps.add("copied a random line to line " + (line + 1));
      }
    }
    return String.join("\n", lines);
  }

  private static String swapCells(Random random, String line) {
    List<String> cells = new ArrayList<>(List.of(line.split("\\|", -1)));
    if (cells.size() < 2) {
      return line;
    }
    Collections.swap(cells, random.nextInt(cells.size()), random.nextInt(cells.size()));
    return String.join("|", cells);
  }

  private static String moveCell(Random random, String from, String into) {
    String[] source = from.split("\\|", -1);
    List<String> cells = new ArrayList<>(List.of(into.split("\\|", -1)));
    cells.set(random.nextInt(cells.size()), source[random.nextInt(source.length)]);
    return String.join("|", cells);
  }

  /** Replaces one ASCII letter with a letter that looks the same (Cyrillic, full width, Kelvin). */
  private static String lookAlike(Random random, String line) {
    List<Integer> letters = new ArrayList<>();
    for (int i = 0; i < line.length(); i++) {
      if ("AEOPKI_|".indexOf(line.charAt(i)) >= 0) {
        letters.add(i);
      }
    }
    if (letters.isEmpty()) {
      return line;
    }
    int at = pick(random, letters);
    String replacement =
        switch (line.charAt(at)) {
          case 'A' -> "\u0410";
          case 'E' -> "\u0415";
          case 'O' -> random.nextBoolean() ? "\u041E" : "0";
          case 'P' -> "\u0420";
          case 'K' -> "\u212A";
          case 'I' -> "\u0130";
          case '_' -> "\uFF3F";
          default -> random.nextBoolean() ? "\uFF5C" : "\u2223";
        };
    return line.substring(0, at) + replacement + line.substring(at + 1);
  }

  private static String insert(Random random, String text, String inserted) {
    int at = random.nextInt(text.length() + 1);
    return text.substring(0, at) + inserted + text.substring(at);
  }

  /** Decodes as a file reader would: ISO-8859-1 maps every byte, UTF-8 replaces bad sequences. */
  static String decode(byte[] bytes, boolean latin) {
    if (latin) {
      return new String(bytes, StandardCharsets.ISO_8859_1);
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new AssertionError("a replacing decoder threw", e);
    }
  }

  private static <T> T pick(Random random, List<T> items) {
    return items.get(random.nextInt(items.size()));
  }
}
