package io.newssearch.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newssearch.TestIndexes;
import io.newssearch.analysis.LanguageAnalyzers;
import io.newssearch.article.Article;
import io.newssearch.lucene.search.LuceneSearchService;
import io.newssearch.search.SearchRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexLifecycleTest {

  @TempDir Path dir;

  private static final Article A = TestIndexes.article("a", "en", "2025-01-01", "Alpha harbour story", "alpha", "S");
  private static final Article B = TestIndexes.article("b", "en", "2025-01-02", "Beta harbour story", "beta", "S");

  private void rebuildWith(List<Article> articles) throws Exception {
    try (LanguageAnalyzers analyzers = new LanguageAnalyzers()) {
      LuceneIndexTarget t = new LuceneIndexTarget(new IndexLayout(dir), new ArticleDocuments(analyzers), true, 16);
      for (Article a : articles) {
        t.upsert(a);
      }
      t.commit();
    }
  }

  @Test
  void upsert_by_id_never_duplicates() throws Exception {
    TestIndexes.write(dir, List.of(A, B));
    TestIndexes.write(dir, List.of(A, B.withTags(List.of("changed"))));
    try (LanguageAnalyzers analyzers = new LanguageAnalyzers();
        var search = new LuceneSearchService(new IndexHandle(new IndexLayout(dir), Duration.ofSeconds(60)), analyzers)) {
      assertEquals(2, search.count());
      assertEquals(List.of("changed"), search.article("b").orElseThrow().tags());
    }
  }

  @Test
  void a_rebuild_killed_half_way_leaves_the_old_index_whole() throws Exception {
    TestIndexes.write(dir, List.of(A, B));
    IndexLayout layout = new IndexLayout(dir);
    Path live = layout.current().orElseThrow();
    // A rebuild that wrote a segment and died before publishing.
    try (LanguageAnalyzers analyzers = new LanguageAnalyzers()) {
      LuceneIndexTarget abandoned = new LuceneIndexTarget(layout, new ArticleDocuments(analyzers), true, 16);
      abandoned.upsert(A.withId("half"));
      // no commit: simulate the kill by leaving without publishing
      abandoned.close();
    }
    assertEquals(live, layout.current().orElseThrow());
    try (LanguageAnalyzers analyzers = new LanguageAnalyzers();
        var search = new LuceneSearchService(new IndexHandle(layout, Duration.ofSeconds(60)), analyzers)) {
      assertEquals(2, search.count());
      assertTrue(search.article("half").isEmpty());
    }
    // the next rebuild cleans the leftover generation up
    rebuildWith(List.of(B));
    try (var dirs = Files.list(dir)) {
      assertEquals(2, dirs.filter(Files::isDirectory).count(), "live and previous generation only");
    }
  }

  @Test
  void an_open_searcher_picks_up_a_rebuild_without_restart() throws Exception {
    TestIndexes.write(dir, List.of(A, B));
    try (LanguageAnalyzers analyzers = new LanguageAnalyzers();
        var search = new LuceneSearchService(new IndexHandle(new IndexLayout(dir), Duration.ofMillis(50)), analyzers)) {
      assertEquals(2, search.count());
      rebuildWith(List.of(A.withId("c"), A.withId("d"), A.withId("e")));
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (search.count() != 3 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertEquals(3, search.count());
      assertFalse(search.search(SearchRequest.builder().query("alpha").build()).hits().isEmpty());
      assertTrue(search.article("b").isEmpty(), "the rebuild replaced the index whole");
    }
  }

  @Test
  void an_open_searcher_sees_new_commits() throws Exception {
    TestIndexes.write(dir, List.of(A));
    try (LanguageAnalyzers analyzers = new LanguageAnalyzers();
        var search = new LuceneSearchService(new IndexHandle(new IndexLayout(dir), Duration.ofMillis(50)), analyzers)) {
      TestIndexes.write(dir, List.of(B));
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (search.count() != 2 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertEquals(2, search.count());
    }
  }
}
