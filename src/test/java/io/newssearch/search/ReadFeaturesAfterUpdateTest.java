package io.newssearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newssearch.lucene.LuceneEngine;
import io.newssearch.TestIndexes;
import io.newssearch.search.SuggestResult.Suggestion;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Completions and stats follow the index: a new commit is seen, and updated articles count once. */
class ReadFeaturesAfterUpdateTest {

  @TempDir Path dir;

  @Test
  void suggest_and_stats_see_a_new_commit_and_count_updates_once() throws Exception {
    TestIndexes.write(dir, TestIndexes.newsroom());
    try (LuceneEngine engine = new LuceneEngine(dir, Duration.ofMillis(20))) {
      SearchService search = engine.search();
      assertEquals(List.of(), search.suggest(new SuggestRequest("lighthouse", 8)).suggestions());

      // One new article, and naval-2 rewritten under the same id (an update: delete + add).
      TestIndexes.write(dir, List.of(
          TestIndexes.article("lh-1", "en", "2025-08-01", "Lighthouse keeper retires after forty years",
              "The keeper of the northern lighthouse retired on Friday.", "Valley Post", "Lighthouse"),
          TestIndexes.article("naval-2", "en", "2025-07-28", "Observers watch Caspian exercise",
              "Observers attended the exercise; the naval units practised rescue.", "Coastal Courier",
              "Caspian Sea", "Iran")));
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (search.count() != 13 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }

      List<Suggestion> s = search.suggest(new SuggestRequest("lighthouse", 8)).suggestions();
      assertTrue(s.stream().anyMatch(x -> x.text().equals("Lighthouse keeper retires after forty years")),
          s.toString());
      IndexStats stats = search.stats();
      assertEquals(13, stats.articles());
      assertEquals(Map.of("en", 10L, "ru", 1L, "de", 1L, "fr", 1L), stats.byLanguage());
      assertEquals(4L, stats.bySource().get("Coastal Courier"), "the updated article counts once");
      assertEquals(3L, stats.bySource().get("Valley Post"));
      assertEquals(java.time.Instant.parse("2025-08-01T09:00:00Z"), stats.newest());
      List<Suggestion> caspian = search.suggest(new SuggestRequest("observers", 8)).suggestions();
      assertEquals(1, caspian.size(), "one title per distinct text, not per document version: " + caspian);
    }
  }
}
