package dev.rolegate.processor.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The capability table's base name, made from the matrix file's name. */
class MatrixHandleTest {
  @ParameterizedTest
  @CsvSource({
    "prefect-cloud.md, PrefectCloud",
    "docs/access/my matrix_v2.md, MyMatrixV2",
    "roles.md, Roles",
    "a.b.md, AB",
    ".md, Md",
    "noextension, Noextension",
    "123abc.md, Matrix123abc",
    "---.md, Matrix",
    "über-plan.md, BerPlan",
    "plan-٣.md, Plan",
    "x/y/ALREADY-Upper.md, ALREADYUpper"
  })
  void baseName_joinsTheAsciiLetterAndDigitRunsOfTheFileName_eachCapitalized(
      String sourceName, String expected) {
    assertEquals(expected, MatrixHandle.baseName(sourceName));
  }

  @Test
  void baseName_agreesWithItsDefinitionAsARegularExpression_onSeededRandomNames() {
    String alphabet = "aZq09-_ ./\tÉé٣\u2028xY";
    Random random = new Random(20261206L);
    for (int run = 0; run < 5_000; run++) {
      StringBuilder name = new StringBuilder();
      for (int i = random.nextInt(12); i > 0; i--) {
        name.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String sourceName = name.toString();
      assertEquals(byRegex(sourceName), MatrixHandle.baseName(sourceName), sourceName);
    }
  }

  /** The rule stated with a regular expression: split on what is not an ASCII letter or digit. */
  private static String byRegex(String sourceName) {
    String file = sourceName.substring(sourceName.lastIndexOf('/') + 1);
    int dot = file.lastIndexOf('.');
    if (dot > 0) {
      file = file.substring(0, dot);
    }
    StringBuilder name = new StringBuilder();
    for (String part : file.split("[^A-Za-z0-9]+")) {
      if (!part.isEmpty()) {
        name.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
      }
    }
    if (name.length() == 0 || !Character.isJavaIdentifierStart(name.charAt(0))) {
      name.insert(0, "Matrix");
    }
    return name.toString();
  }
}
