package io.newssearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newssearch.lucene.LuceneEngine;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server started before anything is indexed answers the read endpoints with empty values. */
class ReadFeaturesOnEmptyIndexTest {

  @TempDir Path dir;

  @Test
  void empty_index_has_no_related_no_completions_and_zero_stats() throws Exception {
    try (LuceneEngine engine = new LuceneEngine(dir)) {
      SearchService search = engine.search();
      assertTrue(search.related(new RelatedRequest("any", 5)).isEmpty());
      assertEquals(0, search.suggest(new SuggestRequest("nav", 8)).suggestions().size());
      assertNull(search.search(SearchRequest.builder().query("caspain").build()).suggestion());
      IndexStats s = search.stats();
      assertEquals(0, s.articles());
      assertTrue(s.byLanguage().isEmpty() && s.bySource().isEmpty());
      assertNull(s.oldest());
      assertNull(s.newest());
    }
  }
}
