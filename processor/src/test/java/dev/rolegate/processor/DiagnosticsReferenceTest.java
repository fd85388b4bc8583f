package dev.rolegate.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolegate.processor.internal.diagnostic.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code docs/diagnostics.md} documents every id the processor can emit, with its kind, and no other. */
class DiagnosticsReferenceTest {
  private static final Pattern HEADING =
      Pattern.compile("^### `\\[([A-Za-z]+)\\]` \\((error|warning|note)\\)$",
      Pattern.MULTILINE);

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
      assertEquals(diagnostic.kind().name().toLowerCase(Locale.ROOT), heading.group(2),
          heading.group(1) + " is documented with the wrong kind");
    }
    List<String> ids = new ArrayList<>();
    for (Diagnostic diagnostic : Diagnostic.values()) {
      ids.add(diagnostic.id());
    }
    assertEquals(ids.stream().sorted().distinct().toList(), documented.stream().sorted().toList(),
        "docs/diagnostics.md must have exactly one '### `[Id]` (kind)' heading per diagnostic");
  }

  @Test
  void everyDocumentedId_showsAMessageStartingWithIt() throws IOException {
    String reference = reference();
    for (Diagnostic diagnostic : Diagnostic.values()) {
      assertTrue(reference.contains("\n[" + diagnostic.id() + "] "),
          "docs/diagnostics.md shows no example message for " + diagnostic.id());
    }
  }

  private static Diagnostic find(String id) {
    for (Diagnostic diagnostic : Diagnostic.values()) {
      if (diagnostic.id().equals(id)) {
        return diagnostic;
      }
    }
    throw new AssertionError("docs/diagnostics.md documents " + id + ", which the processor never emits");
  }
}
