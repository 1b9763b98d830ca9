package io.newssearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newssearch.article.Article;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TagExtractorTest {

  private final TagExtractor extractor = new TagExtractor();

  @Test
  void names_places_and_codenames_of_a_military_story() throws IOException {
    Article a = CollectingSink.parse(CorpusFormat.RAW_TEXT, CollectingSink.fixture("raw/en_barents.txt")).only();
    List<String> tags = extractor.extract(a, TagExtractor.DEFAULT_MAX_TAGS);
    assertTrue(tags.containsAll(List.of("Barents Sea", "Norway", "Finland", "BORALEX 2025")), tags.toString());
    assertTrue(tags.size() <= TagExtractor.DEFAULT_MAX_TAGS);
    assertEquals("Barents Sea", tags.getFirst(), "frequent, in the title and a multi-word name");
  }

  @Test
  void no_stopwords_calendar_words_or_bare_numbers() throws IOException {
    Article a = CollectingSink.parse(CorpusFormat.RAW_TEXT, CollectingSink.fixture("raw/en_barents.txt")).only();
    List<String> tags = extractor.extract(a, 20);
    for (String banned : List.of("the", "monday", "march", "wednesday", "2015", "2025", "and")) {
      assertFalse(tags.stream().anyMatch(t -> t.toLowerCase(Locale.ROOT).equals(banned)), banned + " in " + tags);
    }
    assertFalse(tags.contains("Barents"), "single word inside the chosen phrase: " + tags);
    assertEquals(tags.size(), tags.stream().map(t -> t.toLowerCase(Locale.ROOT)).distinct().count(), tags.toString());
  }

  @Test
  void sentence_initial_common_words_are_not_names() {
    Article a = article("Port strike ends",
        "Officials said the port strike ended. Officials expect ships to return. The officials met "
            + "Dockers Union leaders. Dockers Union members voted on Sunday. However the port stayed calm.");
    List<String> tags = extractor.extract(a, 8);
    assertTrue(tags.contains("Dockers Union"), tags.toString());
    assertFalse(tags.contains("Officials"), tags.toString());
    assertFalse(tags.contains("However"), tags.toString());
    assertTrue(tags.contains("port"), "frequent title word: " + tags);
  }

  @Test
  void possessives_and_punctuation_split_names() {
    Article a = article("Iran, Russia talks", "Iran’s minister met Russia's envoy. Iran, Russia and Kazakhstan "
        + "signed a deal. Kazakhstan's president welcomed it.");
    List<String> tags = extractor.extract(a, 8);
    assertTrue(tags.containsAll(List.of("Iran", "Russia", "Kazakhstan")), tags.toString());
    assertFalse(tags.stream().anyMatch(t -> t.contains("’") || t.contains("'") || t.contains(",")), tags.toString());
  }

  @Test
  void russian_capitalised_names_are_found() {
    Article a = article("Москва и Казань подписали соглашение",
        "Москва и Казань подписали соглашение о сотрудничестве. Представители Москва заявили, что "
            + "Казань получит новые поезда. Соглашение вступит в силу в августе.");
    List<String> tags = extractor.extract(a, 5);
    assertTrue(tags.containsAll(List.of("Москва", "Казань")), tags.toString());
    assertFalse(tags.contains("августе"), tags.toString());
  }

  @Test
  void scripts_without_case_fall_back_to_frequent_long_words() {
    Article a = article("تهران میزبان نشست اقتصادی منطقه",
        "نشست اقتصادی منطقه در تهران برگزار شد. نمایندگان کشورها در تهران درباره تجارت گفتگو کردند. "
            + "تجارت منطقه ای موضوع اصلی نشست بود و تهران از نتایج استقبال کرد.");
    List<String> tags = extractor.extract(a, 4);
    assertEquals("تهران", tags.getFirst(), tags.toString());
    assertTrue(tags.contains("منطقه"), tags.toString());
    assertFalse(tags.contains("در"), tags.toString());
  }

  @Test
  void empty_article_or_zero_max_gives_no_tags() {
    assertEquals(List.of(), extractor.extract(article(null, null), 8));
    assertEquals(List.of(), extractor.extract(article("Norway Norway", "Norway and Norway"), 0));
  }

  private static Article article(String title, String body) {
    return Article.builder().title(title).body(body).build();
  }
}
