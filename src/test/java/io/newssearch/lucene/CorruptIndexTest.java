package io.newssearch.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newssearch.TestIndexes;
import io.newssearch.TestProcesses;
import io.newssearch.analysis.LanguageAnalyzers;
import io.newssearch.article.Article;
import io.newssearch.lucene.search.LuceneSearchService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A truncated and a bit-flipped segment file in real indexes: what {@code serve} does about each,
 * with and without an intact previous generation to fall back on, and what /health says.
 */
class CorruptIndexTest {

  @TempDir Path dir;

  private final List<Article> older = TestIndexes.newsroom().subList(0, 8);
  private final List<Article> newer = TestIndexes.newsroom();

  /** Two generations: gen-000001 (8 articles), then gen-000002 (12) live. */
  private IndexLayout twoGenerations() throws Exception {
    rebuildWith(older);
    rebuildWith(newer);
    IndexLayout layout = new IndexLayout(dir);
    assertEquals("gen-000002", layout.current().orElseThrow().getFileName().toString());
    return layout;
  }

  private void rebuildWith(List<Article> articles) throws Exception {
    TestIndexes.rebuild(dir, articles);
  }

  @Test
  void a_truncated_file_is_found_before_serving_and_the_previous_generation_served() throws Exception {
    IndexLayout layout = twoGenerations();
    Path broken = CorruptFiles.truncate(CorruptFiles.largest(layout.current().orElseThrow()));

    ServingCheck.beforeServing(layout);

    assertEquals("gen-000001", layout.current().orElseThrow().getFileName().toString());
    Path aside = dir.resolve("gen-000002.corrupt");
    assertTrue(Files.isRegularFile(aside.resolve(broken.getFileName())), "the corrupt generation is kept aside");
    try (LuceneEngine engine = new LuceneEngine(dir)) {
      assertEquals(older.size(), engine.search().count());
      List<String> warnings = engine.search().warnings();
      assertEquals(1, warnings.size(), warnings.toString());
      String w = warnings.get(0);
      assertTrue(w.contains("gen-000002") && w.contains(broken.getFileName().toString())
          && w.contains("gen-000002.corrupt") && w.contains("serving the previous generation gen-000001")
          && w.contains("newssearch restore"), w);
    }
    // a new generation (rebuild or restore) ends the degraded state; the corrupt one stays for inspection
    rebuildWith(newer);
    try (LuceneEngine engine = new LuceneEngine(dir)) {
      assertEquals(List.of(), engine.search().warnings());
      assertEquals(newer.size(), engine.search().count());
    }
    assertTrue(Files.isDirectory(aside));
  }

  @Test
  void a_truncated_file_with_nothing_to_fall_back_on_stops_serve_with_what_to_do() throws Exception {
    TestIndexes.write(dir, newer);
    IndexLayout layout = new IndexLayout(dir);
    Path broken = CorruptFiles.truncate(CorruptFiles.largest(layout.current().orElseThrow()));

    var refusal = assertThrows(ServingCheck.CorruptIndexRefusal.class, () -> ServingCheck.beforeServing(layout));
    assertTrue(refusal.getMessage().contains("gen-000001/" + broken.getFileName())
        && refusal.getMessage().contains("no intact earlier generation")
        && refusal.getMessage().contains("newssearch restore --from BACKUP"), refusal.getMessage());

    // the real command: exits 1 at once with that message, without binding a port
    Path log = dir.resolveSibling(dir.getFileName() + "-serve.log");
    Process serve = TestProcesses.newssearch(log, "serve", "--index", dir.toString(), "--port", "0");
    assertTrue(serve.waitFor(60, TimeUnit.SECONDS), "serve did not stop");
    String out = Files.readString(log);
    assertEquals(1, serve.exitValue(), out);
    assertTrue(out.contains("error: the published index is corrupt (gen-000001/" + broken.getFileName()), out);
  }

  @Test
  void a_flipped_bit_passes_the_cheap_check_and_is_found_by_the_checksums_then_fallen_back_from() throws Exception {
    IndexLayout layout = twoGenerations();
    Path broken = CorruptFiles.flipBit(CorruptFiles.largest(layout.current().orElseThrow()));
    assertTrue(IndexIntegrity.whenOpened(layout.current().orElseThrow()).isEmpty(),
        "opening reads headers and footers only: a flipped bit in the data is not seen");

    IndexCheck.Report check = IndexCheck.run(layout);
    assertFalse(check.healthy());
    assertTrue(check.problems().toString().contains("gen-000002/" + broken.getFileName()), check.problems().toString());

    try (LuceneEngine engine = new LuceneEngine(dir, Duration.ofMillis(50))) {
      ServingCheck.beforeServing(layout); // passes: the server starts on gen-000002
      assertEquals(newer.size(), engine.search().count());
      ServingCheck.verify(layout); // what the background thread runs
      assertEquals("gen-000001", layout.current().orElseThrow().getFileName().toString());
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (engine.search().count() != older.size() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertEquals(older.size(), engine.search().count(), "the running server switched to the previous generation");
      assertEquals(1, engine.search().warnings().size());
    }
    assertTrue(IndexCheck.run(layout).healthy());
  }

  @Test
  void a_flipped_bit_with_nothing_to_fall_back_on_is_reported_while_serving_goes_on() throws Exception {
    TestIndexes.write(dir, newer);
    IndexLayout layout = new IndexLayout(dir);
    Path broken = CorruptFiles.flipBit(CorruptFiles.largest(layout.current().orElseThrow()));
    try (LuceneEngine engine = new LuceneEngine(dir)) {
      ServingCheck.verify(layout);
      assertEquals("gen-000001", layout.current().orElseThrow().getFileName().toString());
      assertEquals(newer.size(), engine.search().count(), "still answering what it can");
      List<String> warnings = engine.search().warnings();
      assertEquals(1, warnings.size(), warnings.toString());
      assertTrue(warnings.get(0).contains("the live index generation gen-000001 is corrupt ("
          + broken.getFileName()), warnings.get(0));
    }
  }

  @Test
  void a_healthy_index_passes_every_check() throws Exception {
    IndexLayout layout = twoGenerations();
    ServingCheck.beforeServing(layout);
    ServingCheck.verify(layout);
    assertEquals("gen-000002", layout.current().orElseThrow().getFileName().toString());
    IndexCheck.Report check = IndexCheck.run(layout);
    assertTrue(check.healthy(), check.output());
    assertEquals(newer.size(), check.documents());
    try (var search = new LuceneSearchService(new IndexHandle(layout, Duration.ofSeconds(60)), new LanguageAnalyzers())) {
      assertEquals(List.of(), search.warnings());
    }
  }
}
