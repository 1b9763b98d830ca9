package io.newssearch.lucene.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.newssearch.TestIndexes;
import io.newssearch.lucene.LuceneEngine;
import io.newssearch.search.SearchRequest;
import io.newssearch.search.SearchResult;
import io.newssearch.search.SearchService;
import io.newssearch.search.SortOrder;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The serving engine gives a search's answer again while the index view is the same
 * ({@link ResultCache}), and searches afresh after a write, for another clock only when the order
 * depends on it, for an explained or large page, and for any other request.
 */
class ResultCacheTest {

  private static SearchRequest.Builder drill() {
    return SearchRequest.builder().query("drill");
  }

  @Test
  void an_answer_is_given_again_until_a_write_changes_the_view() throws Exception {
    try (LuceneEngine engine = new LuceneEngine(tmp)) {
      TestIndexes.index(engine, List.of(
          TestIndexes.article("a", "en", "2024-05-01", "Naval drill", "The navy held a drill at sea.", "Wire"),
          TestIndexes.article("b", "en", "2024-05-02", "Harbour", "Boats left the harbour after the drill.", "Wire")));
      SearchService search = engine.search();
      SearchResult first = search.search(drill().now(Instant.parse("2026-01-01T00:00:00Z")).build());
      assertEquals(2, first.total());
      // Another clock, same answer: only sort=recency reads the clock.
      SearchResult again = search.search(drill().now(Instant.parse("2026-06-01T00:00:00Z")).build());
      assertSame(first.hits(), again.hits());
      assertNotSame(first.hits(), search.search(drill().size(5).build()).hits(), "another request");
      SearchResult recency = search.search(drill().sort(SortOrder.RECENCY).build());
      assertNotSame(recency.hits(), search.search(drill().sort(SortOrder.RECENCY).build()).hits(),
          "recency decays with the clock: not kept");
      SearchResult explained = search.search(drill().explain(true).build());
      assertNotSame(explained.hits(), search.search(drill().explain(true).build()).hits(), "explained: not kept");
      SearchResult large = search.search(drill().size(100).build());
      assertNotSame(large.hits(), search.search(drill().size(100).build()).hits(), "a large page: not kept");

      engine.store().upsert(List.of(
          TestIndexes.article("c", "en", "2024-05-03", "Drill ends", "The drill ended on Friday.", "Wire")));
      SearchResult after = search.search(drill().build());
      assertEquals(3, after.total(), "a write is searchable when it returns, and its view answers afresh");
    }
  }

  /** {@code serve --result-cache N}: N answers kept, the least recently asked going first; 0 keeps none. */
  @Test
  void the_engine_keeps_as_many_answers_as_it_is_told() throws Exception {
    try (LuceneEngine engine = new LuceneEngine(tmp).keepingAnswers(1)) {
      SearchService search = oneDrill(engine);
      SearchResult drill = search.search(drill().build());
      assertSame(drill.hits(), search.search(drill().build()).hits(), "kept");
      search.search(SearchRequest.builder().query("navy").build());
      assertNotSame(drill.hits(), search.search(drill().build()).hits(), "one answer kept: the other pushed it out");
      assertThrows(IllegalStateException.class, () -> engine.keepingAnswers(0), "too late: the service is open");
    }
  }

  /** A size as large as an int holds: the table grows with the answers, not with the setting. */
  @Test
  void an_engine_told_to_keep_any_number_of_answers_still_searches() throws Exception {
    try (LuceneEngine engine = new LuceneEngine(tmp).keepingAnswers(Integer.MAX_VALUE)) {
      SearchService search = oneDrill(engine);
      SearchResult drill = search.search(drill().build());
      assertEquals(1, drill.total());
      assertSame(drill.hits(), search.search(drill().build()).hits(), "kept");
    }
  }

  @Test
  void an_engine_that_keeps_no_answers_computes_every_search() throws Exception {
    try (LuceneEngine engine = new LuceneEngine(tmp).keepingAnswers(0)) {
      SearchService search = oneDrill(engine);
      SearchResult first = search.search(drill().build());
      assertEquals(1, first.total());
      assertNotSame(first.hits(), search.search(drill().build()).hits());
    }
    assertThrows(IllegalArgumentException.class, () -> new LuceneEngine(tmp).keepingAnswers(-1));
  }

  /** The engine's search service over one article about a drill. */
  private static SearchService oneDrill(LuceneEngine engine) throws Exception {
    TestIndexes.index(engine, List.of(
        TestIndexes.article("a", "en", "2024-05-01", "Naval drill", "The navy held a drill at sea.", "Wire")));
    return engine.search();
  }

  @TempDir
  Path tmp;
}
