package io.newssearch.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LanguageCodesTest {

  @Test
  void region_and_script_are_dropped_and_case_folded() {
    assertEquals("pt", LanguageCodes.normalize("pt-BR"));
    assertEquals("zh", LanguageCodes.normalize("zh_Hant"));
    assertEquals("en", LanguageCodes.normalize(" EN "));
  }

  @Test
  void withdrawn_and_umbrella_codes_map_to_current_ones() {
    assertEquals("he", LanguageCodes.normalize("iw"));
    assertEquals("id", LanguageCodes.normalize("in"));
    assertEquals("nb", LanguageCodes.normalize("no"));
    assertEquals("nb", LanguageCodes.normalize("nn"));
  }

  @Test
  void missing_language_is_undetermined() {
    assertEquals("und", LanguageCodes.normalize(null));
    assertEquals("und", LanguageCodes.normalize("  "));
  }
}
