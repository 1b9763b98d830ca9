package io.newssearch.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where {@link EntityExtractor} ends a sentence: the rule of the regex it replaced, a newline or
 * {@code .!?…} followed by white space, read from the gap between two words.
 */
class EntitySentencesTest {

  private static boolean breaks(String gapBetweenWords) {
    String text = "a" + gapBetweenWords + "b";
    return EntityExtractor.sentenceBreak(text, 1, text.length() - 1);
  }

  @Test
  void a_sentence_ends_at_a_newline_or_at_end_punctuation_before_white_space() {
    assertTrue(breaks("\n"));
    assertTrue(breaks(". "));
    assertTrue(breaks("?\t"));
    assertTrue(breaks("! \" "));
    assertTrue(breaks("… "));
    assertTrue(breaks(".\r\n"));
  }

  @Test
  void punctuation_inside_a_sentence_does_not_end_it() {
    assertFalse(breaks(" "));
    assertFalse(breaks(", "));
    assertFalse(breaks("."), "U.S: no white space after the stop");
    assertFalse(breaks(".\" "), "a quote between the stop and the space");
    assertFalse(breaks(".\u00a0"), "a no-break space is not the regex's white space");
    assertFalse(breaks(""));
  }

  @Test
  void a_place_after_a_preposition_is_found_only_within_one_sentence() {
    EntityExtractor extractor = new EntityExtractor();
    assertEquals(List.of("Berlin"), extractor.extract(null, "Officials flew to Berlin on Monday.", "en").places());
    assertEquals(List.of(), extractor.extract(null, "Officials flew to\nBerlin on Monday.", "en").places(),
        "the line break ends the sentence: Berlin opens the next one, with no preposition before it");
  }
}
