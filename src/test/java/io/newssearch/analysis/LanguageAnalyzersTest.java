package io.newssearch.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LanguageAnalyzersTest {

  private static LanguageAnalyzers analyzers;

  @BeforeAll
  static void build() {
    analyzers = new LanguageAnalyzers();
  }

  @AfterAll
  static void close() {
    analyzers.close();
  }

  private static List<String> terms(String lang, String text) {
    return Terms.of(analyzers.forLanguage(lang), text);
  }

  /** Both texts analyse to the same single term. */
  private static void sameTerm(String lang, String a, String b) {
    List<String> ta = terms(lang, a);
    assertEquals(1, ta.size(), () -> a + " → " + ta);
    assertEquals(ta, terms(lang, b), () -> a + " vs " + b);
  }

  @Test
  void exactly_the_fallback_languages_are_cut_into_pieces() {
    List<String> langs = new java.util.ArrayList<>(analyzers.dedicatedLanguages());
    langs.addAll(java.util.Arrays.asList("sw", "sn", "und", "zh", "pt-BR", "EN", "no", "", null));
    for (String lang : langs) {
      assertEquals(analyzers.analyzerKey(lang).equals(LanguageAnalyzers.FALLBACK_KEY),
          LanguageAnalyzers.cutsIntoPieces(lang), "language " + lang);
    }
    assertTrue(LanguageAnalyzers.cutsIntoPieces("sn"));
    assertFalse(LanguageAnalyzers.cutsIntoPieces("pt-BR"));
  }

  @Test
  void english_plural_and_gerund_share_the_stem() {
    assertEquals(List.of("drill", "drill", "drill"), terms("en", "drills drilling drill"));
  }

  @Test
  void english_stopwords_are_removed() {
    assertEquals(List.of("navi", "drill"), terms("en", "The navy and the drills"));
  }

  @Test
  void russian_case_forms_share_one_stem() {
    List<String> t = terms("ru", "учения учений учениях");
    assertEquals(3, t.size());
    assertEquals(1, t.stream().distinct().count(), t::toString);
  }

  @Test
  void russian_yo_is_read_as_ye_and_stopwords_go() {
    sameTerm("ru", "ёлка", "елка");
    assertEquals(List.of(), terms("ru", "и в на"));
  }

  @Test
  void russian_short_i_is_not_folded_into_i() {
    // война (war) and воина (warrior's) must not become one term.
    assertFalse(terms("ru", "война").equals(terms("ru", "воина")));
    assertEquals(terms("ru", "война"), terms("ru", "ВОЙНА"));
  }

  @Test
  void persian_arabic_and_persian_yeh_and_kaf_meet() {
    sameTerm("fa", "ايران", "ایران");
    sameTerm("fa", "كشور", "کشور");
  }

  @Test
  void persian_zwnj_plural_matches_the_joined_spelling_and_the_singular() {
    String withZwnj = "کتاب\u200cها";
    sameTerm("fa", withZwnj, "کتابها");
    sameTerm("fa", withZwnj, "کتاب");
  }

  @Test
  void persian_digits_become_ascii() {
    assertEquals(List.of("1404"), terms("fa", "۱۴۰۴"));
  }

  @Test
  void arabic_diacritics_and_alef_variants_do_not_matter() {
    sameTerm("ar", "مُدَرِّسَة", "مدرسة");
    sameTerm("ar", "أحمد", "احمد");
    sameTerm("ar", "إسلام", "اسلام");
  }

  @Test
  void arabic_definite_article_is_stemmed_away() {
    sameTerm("ar", "الكتاب", "كتاب");
  }

  @Test
  void german_eszett_and_umlauts_match_their_ascii_spellings() {
    sameTerm("de", "Straße", "Strasse");
    sameTerm("de", "Gebäude", "Gebaude");
    sameTerm("de", "Gebäude", "Gebaeude");
  }

  @Test
  void french_elision_and_accents() {
    sameTerm("fr", "l'élection", "election");
    sameTerm("fr", "élections", "election");
    sameTerm("fr", "d'État", "etat");
    assertEquals(List.of(), terms("fr", "le la les de"));
  }

  @Test
  void romance_light_stemmers_still_work_with_folding() {
    sameTerm("es", "elección", "elecciones");
    sameTerm("es", "elección", "eleccion");
    sameTerm("it", "dell'elezione", "elezioni");
    sameTerm("pt", "eleição", "eleições");
    sameTerm("pt", "eleição", "eleicao");
  }

  @Test
  void turkish_dotted_and_dotless_i_and_apostrophe_suffixes() {
    sameTerm("tr", "İstanbul", "istanbul");
    sameTerm("tr", "Istanbul", "istanbul");
    sameTerm("tr", "Ankara'da", "Ankara");
  }

  @Test
  void cjk_two_character_query_is_a_bigram_of_the_sentence() {
    List<String> query = terms("zh", "演习");
    assertEquals(List.of("演习"), query);
    assertTrue(terms("zh", "海军周一在南部海岸附近开始为期一周的演习。").containsAll(query));
    assertTrue(terms("ja", "海軍は月曜日、演習を開始した。").contains("演習"));
    assertTrue(terms("ko", "해군은 월요일 훈련을 시작했다").contains("해군"));
  }

  @Test
  void japanese_half_width_katakana_matches_full_width() {
    assertEquals(terms("ja", "カタカナ"), terms("ja", "ｶﾀｶﾅ"));
  }

  @Test
  void unknown_language_lowercases_and_folds() {
    assertEquals(List.of("jeshi", "la", "wanamaji", "cafe", "naive"), terms("sw", "Jeshi la WANAMAJI Café naïve"));
    assertEquals(terms("und", "ecole"), terms("und", "ÉCOLE"));
  }

  @Test
  void every_language_gets_an_analyzer() {
    for (String lang : new String[] {null, "", "und", "xx", "zh", "EN", "pt-BR", "zh_Hant"}) {
      assertNotNull(analyzers.forLanguage(lang), () -> "no analyzer for " + lang);
    }
  }

  @Test
  void analyzer_key_is_shared_by_languages_that_share_an_analyzer() {
    assertEquals(LanguageAnalyzers.FALLBACK_KEY, analyzers.analyzerKey("sw"));
    assertEquals(LanguageAnalyzers.FALLBACK_KEY, analyzers.analyzerKey("zh"));
    assertEquals(LanguageAnalyzers.FALLBACK_KEY, analyzers.analyzerKey(null));
    assertEquals("pt", analyzers.analyzerKey("pt-BR"));
    assertEquals("nb", analyzers.analyzerKey("no"));
    assertSame(analyzers.forLanguage("sw"), analyzers.forLanguage("und"));
    assertSame(analyzers.forLanguage("EN"), analyzers.forKey("en"));
    for (String key : analyzers.analyzerKeys()) {
      assertSame(analyzers.forKey(key), analyzers.forLanguage(key.equals(LanguageAnalyzers.FALLBACK_KEY) ? "und" : key));
    }
  }

  @Test
  void every_analyzer_produces_lowercase_accent_free_terms() {
    for (String key : analyzers.analyzerKeys()) {
      List<String> t = Terms.of(analyzers.forKey(key), "CAFÉ");
      // Stemmers may trim the word ("caf" in Catalan); case and accent must be gone in all.
      assertEquals(1, t.size(), key);
      assertTrue(t.get(0).startsWith("caf") && t.get(0).chars().allMatch(c -> c < 128), key + " → " + t);
    }
  }

  @Test
  void dedicated_languages_cover_the_main_news_languages() {
    assertTrue(analyzers.dedicatedLanguages().containsAll(
        List.of("en", "ru", "fa", "ar", "de", "fr", "es", "it", "pt", "nl", "tr", "sv")));
    assertFalse(analyzers.dedicatedLanguages().contains(LanguageAnalyzers.FALLBACK_KEY));
  }

  @Test
  void analyzers_are_safe_to_share_between_threads() throws InterruptedException {
    List<String> expected = terms("en", "drills drilling");
    Thread[] threads = new Thread[4];
    List<List<String>> got = new java.util.concurrent.CopyOnWriteArrayList<>();
    for (int i = 0; i < threads.length; i++) {
      threads[i] = new Thread(() -> got.add(terms("en", "drills drilling")));
      threads[i].start();
    }
    for (Thread t : threads) {
      t.join();
    }
    assertEquals(List.of(expected, expected, expected, expected), got);
  }
}
