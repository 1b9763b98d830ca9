package io.newssearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.newssearch.analysis.LanguageDetector;
import io.newssearch.article.Article;
import io.newssearch.article.ArticleIds;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArticleEnricherTest {

  private final List<String> detected = new ArrayList<>();
  private final LanguageDetector detector = text -> {
    detected.add(text);
    return "de";
  };
  private final ArticleEnricher enricher = new ArticleEnricher(detector, new TagExtractor());

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"EN, en", "eng, en", "English, en", "fr-FR, fr", "pt_BR, pt", "ger, de", "Deutsch, de",
      "Farsi, fa", "русский, ru", "ar, ar"})
  void language_names_and_codes_become_iso_639_1(String given, String expected) {
    Article out = enricher.enrich(Article.builder().title("T").body("b").language(given).build());
    assertEquals(expected, out.language());
    assertEquals(List.of(), detected, "a known language is not detected again");
  }

  /** A scraped "word" of thousands of letters is neither a tag nor a name: the article is kept without them. */
  @Test
  void a_word_too_long_to_be_a_tag_or_a_name_is_neither() {
    String word = "Z" + "z".repeat(40_000);
    Article a = Article.builder().title("Entity test").language("en")
        .body("Yesterday " + word + " Smith said the harbour would reopen. " + word + " Smith added more.").build();
    Article out = enricher.enrich(a);
    assertTrue(out.tags().stream().allMatch(t -> t.length() <= 512), out.tags().toString());
    assertEquals(List.of(), io.newssearch.article.ArticleValidator.problems(out));
    io.newssearch.entities.Entities e = new io.newssearch.entities.EntityExtractor().extract(out.title(), out.body(), "en");
    assertTrue(e.people().stream().allMatch(n -> n.length() <= 200), "no 40,000-letter person");
  }

  @Test
  void missing_unknown_or_undetermined_language_is_detected() {
    for (String lang : new String[] {null, " ", "klingon-ish", "und"}) {
      assertEquals("de", enricher.enrich(Article.builder().title("T").language(lang).build()).language());
    }
    assertEquals(4, detected.size());
  }

  @Test
  void title_and_body_are_tidied_and_tags_deduplicated() {
    Article out = enricher.enrich(Article.builder().title("  Harbour\n reopens   today ").body("\n Body. \n")
        .language("en").tags(List.of("Ports", " ports", "", "Weather")).build());
    assertEquals("Harbour reopens today", out.title());
    assertEquals("Body.", out.body());
    assertEquals(List.of("Ports", "Weather"), out.tags());
  }

  @Test
  void missing_tags_are_extracted_and_missing_id_derived_from_cleaned_fields() {
    Article in = Article.builder().title(" Norway and Finland hold talks ")
        .body("Norway and Finland met in Oslo. Norway said Finland agreed.").language("en").build();
    Article out = enricher.enrich(in);
    assertFalse(out.tags().isEmpty());
    assertEquals(ArticleIds.derive(out.withId(null)), out.id());
    assertNull(in.id(), "input untouched");
  }
}
