package dev.rolegate.runtime.internal;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/**
 * How {@link Names} shows and refuses names: escaping, surrogate pairs and the 100-character cut.
 */
class NamesTest {
  private static final String GRIN = "\ud83d\ude00"; // U+1F600, a showable supplementary character
  private static final String PLANE15 = "\udb80\udc00"; // U+F0000, supplementary private use

  private static String a(int count) {
    return "a".repeat(count);
  }

  @Test
  void quotedAndEscaped_null_areTheWordNull() {
    assertEquals("null", Names.quoted(null));
    assertEquals("null", Names.escaped(null));
  }

  @Test
  void quoted_andEscaped_hundredCharacters_areWholeAndUncut() {
    assertEquals("\"" + a(100) + "\"", Names.quoted(a(100)));
    assertEquals(a(100), Names.escaped(a(100)));
  }

  @Test
  void quoted_andEscaped_hundredAndOneCharacters_areCutWithTheirLength() {
    assertEquals("\"" + a(100) + "...\" (101 characters)", Names.quoted(a(101)));
    assertEquals(a(100) + "... (101 characters)", Names.escaped(a(101)));
  }

  @Test
  void escaped_showableSurrogatePair_isShownAsTheCharacter() {
    assertEquals("x" + GRIN + "y", Names.escaped("x" + GRIN + "y"));
    assertEquals("\"" + GRIN + "\"", Names.quoted(GRIN));
  }

  @Test
  void escaped_unshowableSurrogatePair_isEscapedAsBothHalves() {
    assertEquals("x\\udb80\\udc00y", Names.escaped("x" + PLANE15 + "y"));
  }

  @Test
  void escaped_loneSurrogates_areEscapedOneByOne_andTheNextCharacterIsKept() {
    assertEquals("\\ud83dx", Names.escaped("\ud83dx"));
    assertEquals("a\\ude00", Names.escaped("a\ude00"));
    assertEquals("\\ude00\\ud83d", Names.escaped("\ude00\ud83d"));
  }

  @Test
  void escaped_pairAcrossTheCut_isNotTakenWhole_itsFirstHalfIsEscaped() {
    String name = a(99) + GRIN + "b";
    assertEquals(a(99) + "\\ud83d... (102 characters)", Names.escaped(name));
    assertEquals(a(99) + "\\ud83d", Names.escaped(a(99) + "\ud83d"));
  }

  @Test
  void escaped_pairJustInsideTheCut_isTakenWhole() {
    assertEquals(a(98) + GRIN + "... (101 characters)", Names.escaped(a(98) + GRIN + "b"));
  }

  @Test
  void requireShowable_onlySpaces_orOnlyInvisibleCharacters_isEmptyOrBlank() {
    for (String blank : new String[] {"", " ", "   ", "\u200b", " \u00a0 ", "\t"}) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class, () -> Names.requireShowable("a role name", blank));
      assertEquals("a role name may not be empty or blank", e.getMessage(), blank);
    }
  }

  @Test
  void requireShowable_unnamedCodePoint_isDescribedByNumberOnly() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Names.requireShowable("a role name", "ab\u0378"));
    assertEquals(
        "a role name may not contain U+0378 (character 3 of \"ab\\u0378\"): messages and"
            + " logs could not show it truthfully (control, format and invisible characters are"
            + " refused)",
        e.getMessage());
  }

  @Test
  void requireShowable_namedCodePoint_isDescribedByNumberAndName() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Names.requireShowable("a principal id", "x\u202e"));
    assertTrue(
        e.getMessage()
            .startsWith(
                "a principal id may not contain U+202E RIGHT-TO-LEFT OVERRIDE (character 2 of \"x\\u202e\")"),
        e.getMessage());
  }

  @Test
  void requireShowable_showableSupplementaryCharacter_isAccepted() {
    assertEquals("team " + GRIN, Names.requireShowable("a role name", "team " + GRIN));
  }
}
