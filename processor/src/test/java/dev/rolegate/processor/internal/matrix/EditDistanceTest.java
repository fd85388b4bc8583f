package dev.rolegate.processor.internal.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** "Did you mean" suggestions: Levenshtein distance, a length-dependent limit, three at most. */
class EditDistanceTest {
  @Test
  void between_countsInsertionsDeletionsAndSubstitutions() {
    assertEquals(0, EditDistance.between("", ""));
    assertEquals(3, EditDistance.between("", "ABC"));
    assertEquals(3, EditDistance.between("ABC", ""));
    assertEquals(0, EditDistance.between("VIEW", "VIEW"));
    assertEquals(1, EditDistance.between("VIEW", "VIEWS"));
    assertEquals(1, EditDistance.between("VIEWS", "VIEW"));
    assertEquals(1, EditDistance.between("VIEW", "VIEX"));
    assertEquals(2, EditDistance.between("VEIW", "VIEW"));
    assertEquals(3, EditDistance.between("KITTEN", "SITTING"));
    assertEquals(3, EditDistance.between("SITTING", "KITTEN"));
    assertEquals(4, EditDistance.between("ABCD", "WXYZ"));
    assertEquals(2, EditDistance.between("XABCY", "ABC"));
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
