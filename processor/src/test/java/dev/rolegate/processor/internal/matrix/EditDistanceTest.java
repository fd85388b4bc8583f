package dev.rolegate.processor.internal.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** "Did you mean" suggestions: Levenshtein distance, a length-dependent limit, three at most. */
class EditDistanceTest {
  @ParameterizedTest
  @CsvSource({
    "'', '', 0",
    "'', ABC, 3",
    "ABC, '', 3",
    "VIEW, VIEW, 0",
    "VIEW, VIEWS, 1",
    "VIEWS, VIEW, 1",
    "VIEW, VIEX, 1",
    "VEIW, VIEW, 2",
    "KITTEN, SITTING, 3",
    "SITTING, KITTEN, 3",
    "ABCD, WXYZ, 4",
    "XABCY, ABC, 2"
  })
  void between_countsInsertionsDeletionsAndSubstitutions(String from, String to, int distance) {
    assertEquals(distance, EditDistance.between(from, to));
  }

  @Test
  void closest_ignoresCaseSortsByDistanceThenNameAndKeepsThree() {
    // VIEW_LOGS is 2 edits from VIEW_FLOWS and 3 from VIEW_FLOWX (limit 3); EDIT_FLOWS is 4 and 5.
    List<String> known = List.of("VIEW_LOGS", "EDIT_FLOWS", "VIEW_FLOWS");
    assertEquals(List.of("VIEW_FLOWS", "VIEW_LOGS"), EditDistance.closest("view_flows", known));
    assertEquals(List.of("VIEW_FLOWS", "VIEW_LOGS"), EditDistance.closest("VIEW_FLOWX", known));
    // All five are one edit from "A": ties go by name, and three are kept.
    assertEquals(
        List.of("A1", "A2", "A3"), EditDistance.closest("A", List.of("A3", "A2", "B", "A1", "A4")));
    assertEquals(List.of(), EditDistance.closest("SOMETHING", List.of()));
  }

  @Test
  void closest_limitIsTwoOrAThirdOfTheShorterName() {
    // Short names: two edits away is close, three is not.
    assertEquals(List.of("AB"), EditDistance.closest("XY", List.of("AB")));
    assertEquals(List.of(), EditDistance.closest("XYZ", List.of("ABC")));
    // Twelve letters: four edits are close (12 / 3), five are not.
    assertEquals(
        List.of("ABCDEFGHIJKL"), EditDistance.closest("WXYZEFGHIJKL", List.of("ABCDEFGHIJKL")));
    assertEquals(List.of(), EditDistance.closest("VWXYZFGHIJKL", List.of("ABCDEFGHIJKL")));
    // The shorter of the two lengths counts.
    assertEquals(List.of(), EditDistance.closest("ABC", List.of("ABCDEFGHIJKL")));
    assertEquals(
        List.of("ABCDEFGHIJ"), EditDistance.closest("ABCDEFGHIJKL", List.of("ABCDEFGHIJ")));
    // Four edits between 12 and 10 letters: over the shorter name's limit (3), though not the
    // longer's.
    assertEquals(List.of(), EditDistance.closest("ABCDEFGHIJKL", List.of("ABCDEFGHXY")));
  }
}
