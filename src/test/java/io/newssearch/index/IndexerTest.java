package io.newssearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newssearch.lucene.LuceneEngine;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexerTest {

  static final Path CORPUS = Path.of("src/test/resources/index/corpus");

  @TempDir Path dir;

  @Test
  void indexes_every_format_reports_bad_records_and_counts_updates() throws Exception {
    try (LuceneEngine engine = new LuceneEngine(dir)) {
      IndexSummary first = engine.indexer().run(new Indexer.Options(List.of(CORPUS), false, false),
          IndexProgress.NONE);
      assertEquals(4, first.indexed());
      assertEquals(0, first.updated());
      assertEquals(2, first.rejected());
      assertTrue(first.rejections().stream().anyMatch(r -> r.line() == 3 && r.file().endsWith("feed.jsonl")),
          first.rejections().toString());
      assertTrue(first.rejections().stream().anyMatch(r -> r.line() == 4), first.rejections().toString());
      assertEquals(1, first.unknownFiles().size());

      IndexSummary again = engine.indexer().run(new Indexer.Options(List.of(CORPUS), false, false),
          IndexProgress.NONE);
      assertEquals(0, again.indexed());
      assertEquals(4, again.updated());
      assertEquals(4, engine.search().count(), "reindexing never duplicates");

      var f2 = engine.search().article("f2").orElseThrow();
      assertEquals(Instant.parse("2025-02-15T06:00:00Z"), f2.published(), "normalised to UTC");
      var f4 = engine.search().article("f4").orElseThrow();
      assertEquals(List.of("Lighthouse", "People"), f4.tags());
      assertEquals(List.of("Ferry", "Storm"), engine.search().article("f1").orElseThrow().tags());
    }
  }

  @Test
  void strict_mode_fails_and_changes_nothing() throws Exception {
    try (LuceneEngine engine = new LuceneEngine(dir)) {
      StrictModeException e = assertThrows(StrictModeException.class,
          () -> engine.indexer().run(new Indexer.Options(List.of(CORPUS), false, true), IndexProgress.NONE));
      assertEquals(2, e.summary().rejected());
      assertEquals(0, engine.articleCount());
      StrictModeException rebuild = assertThrows(StrictModeException.class,
          () -> engine.indexer().run(new Indexer.Options(List.of(CORPUS), true, true), IndexProgress.NONE));
      assertEquals(2, rebuild.summary().rejected());
      assertEquals(0, engine.articleCount());
    }
  }

  @Test
  void a_missing_corpus_path_is_an_error_not_an_empty_index() {
    try (LuceneEngine engine = new LuceneEngine(dir)) {
      assertThrows(java.io.IOException.class, () -> engine.indexer().run(
          new Indexer.Options(List.of(dir.resolve("nope")), false, false), IndexProgress.NONE));
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
