package io.newssearch.lucene.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newssearch.TestIndexes;
import io.newssearch.article.Article;
import io.newssearch.lucene.IndexHandle;
import io.newssearch.lucene.IndexLayout;
import io.newssearch.lucene.Schema;
import io.newssearch.search.Ranking;
import io.newssearch.search.SearchRequest;
import io.newssearch.search.SearchResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.Term;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Did-you-mean against a dictionary of headlines and openings ({@link Schema#SPELL}): a word found
 * only deep in a story is still a real word (no suggestion), a misspelled word of a headline or an
 * opening is respelled, in any language of the index.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpellingCorrectorTest {

  /** Well past the spell field's opening: the words after it are in the story text only. */
  private static final String LONG_OPENING = "The council met on Monday to discuss the budget. ".repeat(40);

  private RankedServices services;
  private Path dir;

  @BeforeAll
  void index(@TempDir Path tmp) throws Exception {
    dir = tmp;
    List<Article> articles = new ArrayList<>(List.of(
        TestIndexes.article("deep", "en", "2024-05-01", "Council budget talks",
            LONG_OPENING + "A shipment of marmalades reached the harbour.", "Gazette"),
        TestIndexes.article("harbour", "en", "2024-05-02", "Harbour reopens after storm",
            "The harbour reopened on Tuesday after the storm passed.", "Gazette"),
        TestIndexes.article("fr", "fr", "2024-05-03", "Les pêcheurs inquiets",
            LONG_OPENING + "Les pêcheurs bretons réclament des quotas.", "Ouest"),
        // Close spellings of the deep words, in headlines: what a dictionary lookup alone offers.
        TestIndexes.article("jam", "en", "2024-05-04", "Marmalade prices rise", "Oranges cost more.", "Gazette"),
        TestIndexes.article("breton", "fr", "2024-05-05", "Le port breton", "Un port de pêche.", "Ouest"),
        TestIndexes.article("motor", "en", "2024-05-06", "Carmaker cuts jobs", "The carmaker closed a plant.", "Wire")));
    services = new RankedServices(tmp, articles);
  }

  @AfterAll
  void close() throws Exception {
    services.close();
  }

  private SearchResult search(String q) throws Exception {
    return services.with(Ranking.DEFAULT).search(SearchRequest.builder().query(q).build());
  }

  @Test
  void the_dictionary_holds_openings_not_whole_stories() throws Exception {
    try (IndexHandle handle = new IndexHandle(new IndexLayout(dir), Duration.ofHours(1))) {
      var view = handle.acquire();
      try {
        var reader = view.reader();
        assertEquals(0, reader.docFreq(new Term(Schema.SPELL, "marmalades")), "past the opening");
        assertEquals(1, reader.docFreq(new Term(Schema.SPELL, "reopened")), "in the opening");
        assertTrue(reader.docFreq(new Term(Schema.SPELL, "harbour")) > 0);
      } finally {
        handle.release(view);
      }
    }
  }

  @Test
  void a_word_found_only_deep_in_a_story_is_not_corrected() throws Exception {
    SearchResult r = search("marmalades");
    assertTrue(r.total() < 3);
    assertNull(r.suggestion(), "marmalades is a word of the index, not a misspelling");
    SearchResult fr = search("bretons");
    assertTrue(fr.total() < 3);
    assertNull(fr.suggestion(), "French words are looked up with the French analysis");
  }

  @Test
  void a_misspelled_word_of_an_opening_is_respelled() throws Exception {
    SearchResult r = search("harbuor reoppened");
    assertTrue(r.total() < 3);
    assertEquals("harbour reopened", r.suggestion());
  }

  /** French stems "carmakr" to "carmak", an English article's stem: still a misspelling in English. */
  @Test
  void another_languages_stem_of_a_misspelling_does_not_make_it_a_word() throws Exception {
    SearchResult r = search("carmakr");
    assertEquals("carmaker", r.suggestion(), "total " + r.total());
  }
}
