package io.newssearch.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newssearch.TestIndexes;
import io.newssearch.lucene.LuceneEngine;
import io.newssearch.search.SearchMode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one way evaluations ask a query ({@link UserPath}), over a real index: as {@code GET
 * /api/search} with default parameters (stories collapsed, date phrases read) or with the
 * parameters of one search mode, as {@code eval-modes} asks.
 */
class UserPathTest {

  private static final Instant NOW = Instant.parse("2025-08-01T00:00:00Z");

  @TempDir Path dir;

  @Test
  void default_parameters_collapse_stories_and_read_date_phrases_and_mode_parameters_do_neither() throws Exception {
    try (LuceneEngine engine = new LuceneEngine(dir)) {
      TestIndexes.index(engine, TestIndexes.newsroom());
      UserPath user = new UserPath(engine.search(), Map.of("now", NOW.toString()));
      List<String> ids = user.ranked("river flood bridge", 10);
      // Two versions of one story: the hit, then the version a user sees listed under it.
      int a = ids.indexOf("flood-new");
      int b = ids.indexOf("flood-old");
      assertTrue(a >= 0 && b >= 0 && Math.abs(a - b) == 1, ids.toString());
      assertEquals(0, user.dated());

      assertEquals(List.of("flood-old"), user.ranked("river flood in 2024", 10));
      assertEquals(1, user.dated(), "'in 2024' is read as a date filter, as the API does by default");
      assertEquals(0, user.relaxed());
      assertEquals("naval-1", user.ranked("\"joint naval exercise\"", 10).get(0));
      assertEquals(1, user.relaxed(), "no article has the phrase: its words are searched, as the API does");

      UserPath lexical = new UserPath(engine.search(), UserPath.modeParameters(NOW, SearchMode.LEXICAL, false));
      List<String> words = lexical.ranked("river flood in 2024", 10);
      assertTrue(words.containsAll(List.of("flood-old", "flood-new")), words.toString());
      assertEquals(0, lexical.dated(), "dates=off: the year is searched as a word");
      assertEquals(0, lexical.timedOut());
    }
  }

  @Test
  void asking_past_the_first_page_keeps_the_first_page_s_order() throws Exception {
    try (LuceneEngine engine = new LuceneEngine(dir)) {
      TestIndexes.index(engine, TestIndexes.newsroom());
      UserPath user = new UserPath(engine.search(), UserPath.modeParameters(NOW, SearchMode.LEXICAL, false));
      List<String> first = user.ranked("river bank inflation naval regatta energy prices", 10);
      List<String> deep = user.ranked("river bank inflation naval regatta energy prices", 1000);
      assertTrue(first.size() >= 5, first.toString());
      assertEquals(first, deep.subList(0, first.size()));
    }
  }
}
