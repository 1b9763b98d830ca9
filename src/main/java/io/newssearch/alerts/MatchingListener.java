package io.newssearch.alerts;

import io.newssearch.article.Article;
import io.newssearch.index.IndexListener;
import io.newssearch.index.IndexedArticle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * The alerts' ear on the indexing pipeline: each article an API write, {@code index} run or
 * rebuild upserts is matched if the store has not seen it; after the commit the batch's ids are
 * marked seen and the matches of the ones seen for the first time are recorded, in one
 * transaction, then announced. Nothing is recorded for a batch that is not committed.
 *
 * <p>Matching (the costly part) runs on the matching threads while the writer goes on analysing,
 * indexing and committing; the commit's report waits for the batch's matching to finish. At most
 * {@link #IN_FLIGHT} articles are being matched at once: beyond that the writer waits, so a run
 * faster than matching holds a bounded number of articles in memory. An abandoned batch's matching
 * runs out and is dropped.
 */
final class MatchingListener implements IndexListener {

  static final int IN_FLIGHT = 256;

  private final AlertStore store;
  private final AlertMatcher matcher;
  private final ExecutorService matching;
  private final Semaphore inFlight = new Semaphore(IN_FLIGHT);
  private final Runnable refresh;
  private final Consumer<List<AlertMatch>> recorded;

  /**
   * @param matching where articles are matched
   * @param refresh run as each batch opens: reloads the alerts if another process changed them
   * @param recorded told about the matches each commit recorded
   */
  MatchingListener(AlertStore store, AlertMatcher matcher, ExecutorService matching, Runnable refresh,
      Consumer<List<AlertMatch>> recorded) {
    this.store = store;
    this.matcher = matcher;
    this.matching = matching;
    this.refresh = refresh;
    this.recorded = recorded;
  }

  @Override
  public Batch open() {
    refresh.run();
    return new Batch() {
      private final Queue<String> unseen = new ConcurrentLinkedQueue<>();
      private final Queue<CompletableFuture<List<AlertMatch>>> matches = new ConcurrentLinkedQueue<>();

      @Override
      public void upserted(IndexedArticle a) throws IOException {
        if (store.unseen(List.of(a.id())).isEmpty()) {
          return; // an update, or an article a rebuild brings back: it fired (or not) when first seen
        }
        unseen.add(a.id());
        inFlight.acquireUninterruptibly();
        try {
          matches.add(CompletableFuture.supplyAsync(() -> match(a), matching)
              .whenComplete((m, e) -> inFlight.release()));
        } catch (RuntimeException e) {
          inFlight.release(); // the executor refused it (closing)
          throw e;
        }
      }

      @Override
      public void committed() throws IOException {
        if (unseen.isEmpty()) {
          return;
        }
        Instant now = Instant.now(); // matched_at: when the commit records it
        List<AlertMatch> stamped = new ArrayList<>();
        for (CompletableFuture<List<AlertMatch>> f : matches) {
          for (AlertMatch m : join(f)) {
            stamped.add(new AlertMatch(0, m.alertId(), m.articleId(), m.title(), m.url(), m.source(), m.language(),
                m.published(), now));
          }
        }
        List<AlertMatch> done = store.record(new ArrayList<>(unseen), stamped);
        if (!done.isEmpty()) {
          recorded.accept(done);
        }
      }
    };
  }

  private List<AlertMatch> match(IndexedArticle a) {
    Article article = a.article();
    List<AlertMatch> out = new ArrayList<>();
    try {
      for (Alert alert : matcher.match(a)) {
        out.add(new AlertMatch(0, alert.id(), article.id(), article.title(), article.url(), article.source(),
            article.language(), article.published(), null));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static List<AlertMatch> join(CompletableFuture<List<AlertMatch>> f) throws IOException {
    try {
      return f.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      throw new IOException("matching an article against the alerts failed: " + e.getCause(), e.getCause());
    }
  }
}
