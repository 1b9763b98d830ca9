package io.newssearch.article;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LanguageCodesTest {

  @Test
  void region_and_script_are_dropped_and_case_folded() {
    assertEquals("pt", LanguageCodes.normalise("pt-BR"));
    assertEquals("zh", LanguageCodes.normalise("zh_Hant"));
    assertEquals("en", LanguageCodes.normalise(" EN "));
  }

  @Test
  void withdrawn_and_umbrella_codes_map_to_current_ones() {
    assertEquals("he", LanguageCodes.normalise("iw"));
    assertEquals("id", LanguageCodes.normalise("in"));
    assertEquals("nb", LanguageCodes.normalise("no"));
    assertEquals("nb", LanguageCodes.normalise("nn"));
  }

  @Test
  void missing_language_is_undetermined() {
    assertEquals(null, LanguageCodes.normalise(null));
    assertEquals(null, LanguageCodes.normalise("  "));
    assertEquals("und", LanguageCodes.normalise("und"));
  }

  @Test
  void names_and_three_letter_codes_map_to_two_letters() {
    assertEquals("de", LanguageCodes.normalise("ger"));
    assertEquals("de", LanguageCodes.normalise("Deutsch"));
    assertEquals("fa", LanguageCodes.normalise("Farsi"));
    assertEquals("en", LanguageCodes.normalise("eng"));
    assertEquals("ckb", LanguageCodes.normalise("ckb"), "no two-letter code exists");
    assertEquals("ha", LanguageCodes.normalise("hau"));
    assertEquals(null, LanguageCodes.normalise("klingonese"));
  }
}
