package io.newssearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newssearch.index.IndexProgress;
import io.newssearch.index.Indexer;
import io.newssearch.lucene.LuceneEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start-up warm-up on a real index of the sample corpus: its queries, its bounds, its failures. */
class SearchWarmupTest {

  @TempDir Path dir;

  @Test
  void queries_are_the_newest_headlines_words_pairs_and_quoted_pairs_each_once() throws Exception {
    try (LuceneEngine engine = indexedSample()) {
      SearchService search = engine.search();
      List<String> queries = SearchWarmup.queries(search, 10_000);
      assertEquals(queries.size(), new HashSet<>(queries).size(), "a query twice would be answered from the cache");
      String newestTitle = search.search(SearchParameters.parse(Map.of("sort", List.of("date"),
          "collapse", List.of("none")))).hits().get(0).title();
      assertEquals(SearchWarmup.words(newestTitle).get(0), queries.get(0));
      assertTrue(queries.stream().anyMatch(q -> q.matches("\\p{L}+ \\p{L}+")), "pairs");
      assertTrue(queries.stream().anyMatch(q -> q.matches("\"\\p{L}+ \\p{L}+\"")), "quoted pairs");
      assertTrue(queries.size() > 100, "the sample's newest 100 headlines give " + queries.size());
      assertEquals(40, SearchWarmup.queries(search, 40).size());
    }
  }

  @Test
  void it_stops_at_its_count_or_its_time_whichever_comes_first() throws Exception {
    try (LuceneEngine engine = indexedSample()) {
      assertEquals(25, SearchWarmup.run(engine.search(), 25, Duration.ofMinutes(1), () -> false));
      assertEquals(0, SearchWarmup.run(engine.search(), 25, Duration.ZERO, () -> false));
    }
  }

  @Test
  void it_stops_once_a_users_search_was_answered() throws Exception {
    try (LuceneEngine engine = indexedSample()) {
      int[] asked = {0};
      // the third time it looks, a user's search has been answered
      assertEquals(2, SearchWarmup.run(engine.search(), 25, Duration.ofMinutes(1), () -> ++asked[0] > 2));
    }
  }

  @Test
  void a_closed_index_ends_it_quietly() throws Exception {
    LuceneEngine engine = indexedSample();
    SearchService search = engine.search();
    engine.close();
    assertEquals(0, SearchWarmup.run(search, 25, Duration.ofMinutes(1), () -> false));
  }

  @Test
  void words_are_letters_only_lower_cased_and_at_least_four_long() {
    assertEquals(List.of("côte", "ivoire", "cocoa", "exports", "reuters"),
        SearchWarmup.words("Côte d'Ivoire's cocoa exports: U.S. $5bn (Reuters) AND NOT"));
    assertEquals(List.of(), SearchWarmup.words(null));
  }

  private LuceneEngine indexedSample() throws Exception {
    LuceneEngine engine = new LuceneEngine(dir.resolve("index"));
    engine.indexer().run(new Indexer.Options(List.of(Path.of("sample-corpus")), true, false), IndexProgress.NONE);
    return engine;
  }
}
