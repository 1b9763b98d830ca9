package io.newssearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newssearch.analysis.LanguageAnalyzers;
import io.newssearch.ingest.ArticlePreparer;
import io.newssearch.lucene.ArticleDocuments;
import io.newssearch.lucene.IndexLayout;
import io.newssearch.lucene.LuceneEngine;
import io.newssearch.lucene.LuceneIndexTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A worker that dies (out of memory) mid-rebuild ends the run at once and leaves the live index alone. */
class IndexerFailureTest {

  @TempDir Path dir;

  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a regression hangs: fail instead
  void out_of_memory_in_a_worker_fails_the_rebuild_with_a_plain_message_and_publishes_nothing() throws Exception {
    Path index = dir.resolve("index");
    Path small = corpus("small", 5);
    Path big = corpus("big", 3_000); // more than both queues hold, so the parser is waiting when the worker dies
    try (LuceneEngine engine = new LuceneEngine(index)) {
      engine.indexer().run(new Indexer.Options(List.of(small), true, false), IndexProgress.NONE);
      assertEquals(5, engine.articleCount());
    }
    Path before = new IndexLayout(index).current().orElseThrow();

    AtomicInteger upserts = new AtomicInteger();
    try (LanguageAnalyzers analyzers = new LanguageAnalyzers()) {
      ArticleDocuments documents = new ArticleDocuments(analyzers);
      Indexer indexer = new Indexer(rebuild -> new FailingTarget(
          new LuceneIndexTarget(new IndexLayout(index), documents, rebuild, 16), upserts), ArticlePreparer.standard(), 2);
      IOException e = assertThrows(IOException.class,
          () -> indexer.run(new Indexer.Options(List.of(big), true, false), IndexProgress.NONE));
      assertTrue(e.getMessage().startsWith("indexing worker failed: out of memory (java heap space); raise the heap"),
          e.getMessage());
    }
    assertTrue(upserts.get() < 3_000, "the run stopped at the failure, not at the end: " + upserts.get());
    assertEquals(before, new IndexLayout(index).current().orElseThrow(), "the live generation is unchanged");
    try (LuceneEngine engine = new LuceneEngine(index)) {
      assertEquals(5, engine.articleCount());
      assertTrue(engine.search().article("small-0").isPresent());
    }
  }

  private Path corpus(String name, int articles) throws IOException {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < articles; i++) {
      lines.append("{\"id\":\"").append(name).append('-').append(i).append("\",\"title\":\"Harbour report ").append(i)
          .append("\",\"body\":\"The ferry left the harbour at dawn, number ").append(i)
          .append(".\",\"language\":\"en\",\"published\":\"2025-01-02T03:04:05Z\",\"tags\":[\"ferry\"]}\n");
    }
    Path folder = Files.createDirectories(dir.resolve(name));
    Files.writeString(folder.resolve(name + ".jsonl"), lines);
    return folder;
  }

  /** The real target, except that the 100th upsert runs out of memory after a pause that lets the queues fill. */
  private record FailingTarget(LuceneIndexTarget target, AtomicInteger upserts) implements IndexTarget {
    @Override
    public boolean upsert(IndexedArticle article) throws IOException {
      if (upserts.incrementAndGet() == 100) {
        try {
          Thread.sleep(500);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        throw new OutOfMemoryError("Java heap space");
      }
      return target.upsert(article);
    }

    @Override
    public boolean delete(String id) throws IOException {
      return target.delete(id);
    }

    @Override
    public void commit() throws IOException {
      target.commit();
    }

    @Override
    public void rollback() throws IOException {
      target.rollback();
    }

    @Override
    public void close() throws IOException {
      target.close();
    }
  }
}
