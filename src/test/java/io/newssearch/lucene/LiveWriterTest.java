package io.newssearch.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newssearch.TestIndexes;
import io.newssearch.analysis.LanguageAnalyzers;
import io.newssearch.article.Article;
import io.newssearch.index.IndexBusyException;
import io.newssearch.index.Origin;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Group commit on one long-lived writer: shared commits, whole writes only, searchable on return. */
class LiveWriterTest {

  @TempDir Path dir;
  private final LanguageAnalyzers analyzers = new LanguageAnalyzers();
  private IndexLayout layout;
  private IndexHandle handle;

  @BeforeEach
  void index() throws Exception {
    TestIndexes.write(dir, TestIndexes.newsroom());
    layout = new IndexLayout(dir);
    handle = new IndexHandle(layout, Duration.ofMinutes(10)); // no background refresh: only the writer's
  }

  @AfterEach
  void close() throws Exception {
    handle.close();
    analyzers.close();
  }

  private LiveWriter live(Duration idle) {
    return new LiveWriter(layout, new ArticleDocuments(analyzers), handle, idle);
  }

  @Test
  void concurrent_writes_share_commits_and_each_is_searchable_when_it_returns() throws Exception {
    int threads = 8, each = 6;
    long before = commitGeneration();
    List<Future<?>> jobs = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CyclicBarrier start = new CyclicBarrier(threads);
    try (LiveWriter live = live(Duration.ofMinutes(1))) {
      for (int t = 0; t < threads; t++) {
        int thread = t;
        jobs.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < each; i++) {
            String id = "w" + thread + "-" + i;
            live.write(target -> target.upsert(article(id), Origin.API));
            assertTrue(visible(id), id + " is searchable when its write returns");
          }
          return null;
        }));
      }
      for (Future<?> f : jobs) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    long commits = commitGeneration() - before;
    System.out.printf("%d writes on %d threads: %d commits%n", threads * each, threads, commits);
    assertTrue(commits < threads * each, "writes shared commits: " + commits + " for " + threads * each);
  }

  @Test
  void a_write_failing_half_way_leaves_nothing_and_the_others_of_its_commit_are_kept() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try (LiveWriter live = live(Duration.ofMinutes(1))) {
      for (int round = 0; round < 4; round++) {
        // Three writes are applied while the failing one is half-way, so all four are in one
        // commit group: the group is rolled back and the three are applied again.
        CountDownLatch applied = new CountDownLatch(3);
        List<Future<?>> others = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
          String id = "ok-" + round + "-" + t;
          others.add(pool.submit(() -> live.write(target -> {
            boolean existed = target.upsert(article(id), Origin.API);
            applied.countDown();
            return existed;
          })));
        }
        String half = "half-" + round;
        IllegalStateException failure = new IllegalStateException("the second article of the batch is broken");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> live.write(target -> {
          target.upsert(article(half), Origin.API);
          awaitQuietly(applied);
          throw failure;
        }));
        assertSame(failure, thrown, "the write's own error, not the rollback's");
        for (Future<?> f : others) {
          f.get();
        }
        assertFalse(visible(half), "a failed write left its first article");
        for (int t = 0; t < 3; t++) {
          assertTrue(visible("ok-" + round + "-" + t), "a write of the failed one's group was lost");
        }
      }
    } finally {
      pool.shutdown();
    }
    assertFalse(committed("half-0"), "nothing of the failed write reached the disk");
    assertTrue(committed("ok-3-2"));
  }

  @Test
  void the_lock_is_released_when_idle_and_taken_again_by_the_next_write() throws Exception {
    try (LiveWriter live = live(Duration.ofMillis(200))) {
      live.write(target -> target.upsert(article("first"), Origin.API));
      try (FSDirectory d = FSDirectory.open(layout.current().orElseThrow())) {
        IndexWriter other = openWhenFree(d);
        try {
          // while another writer holds the index, a write says the index is busy
          assertThrows(IndexBusyException.class, () -> live.write(target -> target.upsert(article("second"), Origin.API)));
        } finally {
          other.close();
        }
      }
      live.write(target -> target.upsert(article("third"), Origin.API));
      assertTrue(visible("first") && visible("third"));
    }
  }

  @Test
  void an_index_run_right_after_an_api_write_waits_for_the_server_to_let_go_of_the_index() throws Exception {
    try (LiveWriter live = live(Duration.ofSeconds(1))) {
      live.write(target -> target.upsert(article("from-the-api"), Origin.API));
      // the server's writer still holds the lock: the run waits (up to LOCK_WAIT) instead of failing
      long start = System.nanoTime();
      LuceneIndexTarget run = new LuceneIndexTarget(layout, new ArticleDocuments(analyzers), false, 16);
      try {
        run.upsert(new io.newssearch.index.IndexedArticle(article("from-a-run"), Origin.CORPUS, null,
            io.newssearch.entities.Entities.NONE));
        run.commit();
      } finally {
        run.close();
      }
      assertTrue(System.nanoTime() - start < LuceneIndexTarget.LOCK_WAIT.toNanos());
    }
    assertTrue(committed("from-the-api") && committed("from-a-run"));
  }

  @Test
  void a_write_after_a_rebuild_goes_into_the_new_generation() throws Exception {
    try (LiveWriter live = live(Duration.ofMinutes(1))) {
      live.write(target -> target.upsert(article("before"), Origin.API));
      Path old = layout.current().orElseThrow();
      LuceneIndexTarget rebuild = new LuceneIndexTarget(layout, new ArticleDocuments(analyzers), true, 16);
      rebuild.upsert(TestIndexes.newsroom().get(0));
      rebuild.commit();
      live.write(target -> target.upsert(article("after"), Origin.API));
      assertTrue(!old.equals(layout.current().orElseThrow()));
      assertTrue(visible("after"));
      assertFalse(visible("before"), "the rebuild (without carry-over here) replaced the old generation");
    }
    assertTrue(committed("after"));
  }

  private IndexWriter openWhenFree(FSDirectory d) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      try {
        return new IndexWriter(d, new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.APPEND));
      } catch (org.apache.lucene.store.LockObtainFailedException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(50);
      }
    }
  }

  private static Article article(String id) {
    return new Article(id, null, "Tide note " + id, "The harbour master logged the tide at Kestrel Bay.",
        java.time.Instant.parse("2025-06-01T00:00:00Z"), "en", List.of(), "Harbour Desk", null);
  }

  private boolean visible(String id) throws Exception {
    IndexView view = handle.acquire();
    try {
      return view.searcher().count(new TermQuery(ArticleDocuments.idTerm(id))) == 1;
    } finally {
      handle.release(view);
    }
  }

  private boolean committed(String id) throws Exception {
    try (FSDirectory d = FSDirectory.open(layout.current().orElseThrow());
        var reader = org.apache.lucene.index.DirectoryReader.open(d)) {
      return new org.apache.lucene.search.IndexSearcher(reader).count(new TermQuery(ArticleDocuments.idTerm(id))) == 1;
    }
  }

  private long commitGeneration() throws Exception {
    try (FSDirectory d = FSDirectory.open(layout.current().orElseThrow())) {
      return SegmentInfos.readLatestCommit(d).getGeneration();
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
