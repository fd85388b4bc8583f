package dev.rolegate.processor.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The guard index's header keeps the matrix title on one line. */
class GuardIndexLineTest {
  @Test
  void oneLine_makesEachRunOfWhitespaceOneSpace_andTrims() {
    assertEquals("Prefect Cloud", GuardIndex.oneLine("Prefect Cloud"));
    assertEquals(
        "Prefect Cloud roles", GuardIndex.oneLine("  Prefect \t\r\n Cloud\u000B\froles \n"));
    assertEquals("", GuardIndex.oneLine(" \t\n"));
    // Not whitespace to \s, so kept inside; trim() still removes control characters at the ends.
    assertEquals("a\u001Cb", GuardIndex.oneLine("\u0001a\u001Cb\u0001"));
    assertEquals("a\u00A0b\u2028c", GuardIndex.oneLine("a\u00A0b\u2028c"));
  }

  @Test
  void oneLine_agreesWithItsDefinitionAsARegularExpression_onSeededRandomTitles() {
    String alphabet = "ab \t\n\r\u000B\f\u0001\u001C\u00A0\u2028";
    Random random = new Random(20261206L);
    for (int run = 0; run < 5_000; run++) {
      StringBuilder title = new StringBuilder();
      for (int i = random.nextInt(16); i > 0; i--) {
        title.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String text = title.toString();
      assertEquals(text.replaceAll("\\s+", " ").trim(), GuardIndex.oneLine(text), text);
    }
  }
}
