package dev.rolegate.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolegate.processor.internal.diagnostic.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/diagnostics.md} documents every id the processor can emit, with its kind, and no
 * other; each example message it shows is one that a constant of the catalogue ({@link Diagnostic})
 * with that id produces.
 */
class DiagnosticsReferenceTest {
  private static final Pattern HEADING =
      Pattern.compile("^### `\\[([A-Za-z]+)\\]` \\((error|warning|note)\\)$", Pattern.MULTILINE);
  private static final Pattern EXAMPLE =
      Pattern.compile("^\\[([A-Za-z]+)\\] (.*)$", Pattern.MULTILINE);
  private static final Pattern ARGUMENT = Pattern.compile("%(\\d+\\$|<)?[,0]*\\d*[sdX]|%n");

  private static String reference() throws IOException {
    Path docs = Path.of(System.getProperty("user.dir")).getParent().resolve("docs/diagnostics.md");
    return Files.readString(docs, StandardCharsets.UTF_8);
  }

  @Test
  void everyDiagnosticId_isDocumentedOnce_withItsKind() throws IOException {
    String reference = reference();
    List<String> documented = new ArrayList<>();
    Matcher heading = HEADING.matcher(reference);
    while (heading.find()) {
      documented.add(heading.group(1));
      Diagnostic diagnostic = find(heading.group(1));
      assertEquals(
          diagnostic.kind().name().toLowerCase(Locale.ROOT),
          heading.group(2),
          heading.group(1) + " is documented with the wrong kind");
    }
    List<String> ids = new ArrayList<>();
    for (Diagnostic diagnostic : Diagnostic.values()) {
      ids.add(diagnostic.id());
    }
    assertEquals(
        ids.stream().sorted().distinct().toList(),
        documented.stream().sorted().toList(),
        "docs/diagnostics.md must have exactly one '### `[Id]` (kind)' heading per diagnostic");
  }

  @Test
  void everyDocumentedId_showsAMessageStartingWithIt() throws IOException {
    String reference = reference();
    for (Diagnostic diagnostic : Diagnostic.values()) {
      assertTrue(
          reference.contains("\n[" + diagnostic.id() + "] "),
          "docs/diagnostics.md shows no example message for " + diagnostic.id());
    }
  }

  @Test
  void everyExampleMessage_matchesACatalogueTemplateOfItsId() throws IOException {
    Matcher example = EXAMPLE.matcher(reference());
    int examples = 0;
    while (example.find()) {
      examples++;
      String id = example.group(1);
      String text = example.group(2);
      assertTrue(
          Arrays.stream(Diagnostic.values())
              .filter(diagnostic -> diagnostic.id().equals(id))
              .anyMatch(diagnostic -> template(diagnostic).matcher(text).matches()),
          "docs/diagnostics.md shows a ["
              + id
              + "] message that no template of the catalogue"
              + " produces: "
              + text);
    }
    assertTrue(examples >= Diagnostic.values().length / 2, "found only " + examples + " examples");
  }

  /**
   * Each cause of a mistake in a matrix file (a template that starts with the file and the line)
   * shows an example of its own.
   */
  @Test
  void everyMatrixFileCause_showsAnExampleOfItsOwn() throws IOException {
    List<String> examples = new ArrayList<>();
    Matcher example = EXAMPLE.matcher(reference());
    while (example.find()) {
      examples.add(example.group(1) + " " + example.group(2));
    }
    int causes = 0;
    for (Diagnostic diagnostic : Diagnostic.values()) {
      if (!diagnostic.template().startsWith("%s:%d: ")) {
        continue;
      }
      causes++;
      String prefix = diagnostic.id() + " ";
      Pattern template = template(diagnostic);
      assertTrue(
          examples.stream()
              .anyMatch(
                  shown ->
                      shown.startsWith(prefix)
                          && template.matcher(shown.substring(prefix.length())).matches()),
          "docs/diagnostics.md shows no example of " + diagnostic + ": " + diagnostic.template());
    }
    assertTrue(causes >= 6, "found only " + causes + " matrix file causes");
  }

  @Test
  void sharedIds_nameDifferentCauses() {
    Set<String> seen = new HashSet<>();
    for (Diagnostic diagnostic : Diagnostic.values()) {
      assertTrue(
          seen.add(diagnostic.id() + "\n" + diagnostic.template()),
          diagnostic + " repeats the template of another constant with id " + diagnostic.id());
    }
  }

  /**
   * The template's first line as a pattern (an example shows the first line of a message that spans
   * several): its text literally, any text for each argument.
   */
  private static Pattern template(Diagnostic diagnostic) {
    String template = diagnostic.template();
    int newline = template.indexOf('\n');
    String line = newline < 0 ? template : template.substring(0, newline);
    StringBuilder regex = new StringBuilder();
    int start = 0;
    Matcher argument = ARGUMENT.matcher(line);
    while (argument.find()) {
      regex.append(Pattern.quote(line.substring(start, argument.start())));
      regex.append(argument.group().equals("%n") ? "" : ".*");
      start = argument.end();
    }
    regex.append(Pattern.quote(line.substring(start)));
    return Pattern.compile(regex.toString());
  }

  private static Diagnostic find(String id) {
    for (Diagnostic diagnostic : Diagnostic.values()) {
      if (diagnostic.id().equals(id)) {
        return diagnostic;
      }
    }
    throw new AssertionError(
        "docs/diagnostics.md documents " + id + ", which the processor never emits");
  }
}
