package io.newssearch.alerts;

import io.newssearch.index.IndexListener;
import io.newssearch.index.IndexedArticle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The alerts' ear on the indexing pipeline: each article an API write, {@code index} run or
 * rebuild upserts is matched if the store has not seen it; as the commit starts, the batch's ids
 * are marked seen and the matches of the ones seen for the first time are recorded, in one
 * transaction (one per {@link MatchRecording#ARTICLES_PER_TRANSACTION} articles for a large
 * batch), and once the commit is done they are announced. The store's transaction runs beside the
 * index's commit, so their two fsyncs overlap instead of adding up (the store's was most of what
 * alerts cost a write); if the commit fails, the recording is undone and nothing of the batch
 * stays recorded. A match may be listed a few milliseconds before its article is
 * searchable; it is pushed to streams and webhooks only once the commit is done: this process's
 * told through {@link Recordings}, other processes' by the recording's pending mark in the store,
 * lifted after the commit ({@link AlertStore#settle}).
 *
 * <p>Matching (the costly part) runs on the matching threads while the writer goes on analysing,
 * indexing and committing; the commit's report waits for the batch's matching to finish. At most
 * {@link #IN_FLIGHT} articles are being matched at once: beyond that the writer waits, so a run
 * faster than matching holds a bounded number of articles in memory. Each article matched is
 * staged ({@link StagedMatches}), in a file once the batch is large, so a rebuild with an alert
 * that matches every article holds no more than one without. An abandoned batch's matching runs
 * out and is dropped.
 */
final class MatchingListener implements IndexListener {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MatchingListener.class);

  static final int IN_FLIGHT = 256;
  private static final String RECORDING = "recording the alert matches";

  private final AlertStore store;
  private final AlertMatcher matcher;
  private final ExecutorService matching;
  private final Semaphore inFlight = new Semaphore(IN_FLIGHT);
  private final Runnable refresh;
  private final Recordings recordings;

  /** Told as each batch's recording starts and ends: until it ends, its matches may be undone. */
  interface Recordings {
    void started();

    /** @param matches how many the recording left recorded: 0 when it was undone, or failed */
    void ended(long matches);
  }

  /**
   * @param matching where articles are matched
   * @param refresh run as each batch opens: reloads the alerts if another process changed them
   * @param recordings told as each batch's recording starts and ends
   */
  MatchingListener(AlertStore store, AlertMatcher matcher, ExecutorService matching, Runnable refresh,
      Recordings recordings) {
    this.store = store;
    this.matcher = matcher;
    this.matching = matching;
    this.refresh = refresh;
    this.recordings = recordings;
  }

  @Override
  public Batch open() {
    refresh.run();
    return new Batch() {
      /** The articles new to the alerts, with the alerts each matched: a rebuild is one batch. */
      private final StagedMatches staged = store.stage();
      /** A permit for each article whose matching has ended; {@link #submitted} were started. */
      private final Semaphore ended = new Semaphore(0);
      private final AtomicReference<Throwable> failure = new AtomicReference<>();
      private final AtomicInteger submitted = new AtomicInteger();
      /** The recording transaction, started as the commit starts. */
      private volatile CompletableFuture<AlertStore.Recorded> recording;
      /** Whether the recording started and its end is still to be told. */
      private final AtomicBoolean running = new AtomicBoolean();

      @Override
      public void upserted(IndexedArticle a) throws IOException {
        if (store.unseen(List.of(a.id())).isEmpty()) {
          return; // an update, or an article a rebuild brings back: it fired (or not) when first seen
        }
        inFlight.acquireUninterruptibly();
        try {
          matching.execute(() -> {
            try {
              staged.add(AlertStore.hash(a.id()), a.article(), matcher.match(a).stream().map(Alert::id).toList());
            } catch (Throwable e) {
              failure.compareAndSet(null, e);
            } finally {
              inFlight.release();
              ended.release();
            }
          });
        } catch (RuntimeException e) {
          inFlight.release(); // the executor refused it (closing)
          throw e;
        }
        submitted.incrementAndGet();
      }

      @Override
      public void committing() throws IOException {
        if (submitted.get() == 0 || recording != null) {
          return;
        }
        awaitMatching();
        Instant now = Instant.now(); // matched_at: when the commit records it
        running.set(true);
        recordings.started();
        recording = CompletableFuture.supplyAsync(() -> {
          try {
            return store.recordUndoably(staged, now);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }, matching);
      }

      /** Waits until every article of the batch has been matched; a matching that failed fails the batch. */
      private void awaitMatching() throws IOException {
        int started = submitted.get();
        ended.acquireUninterruptibly(started);
        ended.release(started);
        Throwable e = failure.get();
        if (e != null) {
          if (e instanceof IOException io) {
            throw io; // staging them: says where and why
          }
          if (e instanceof UncheckedIOException io) {
            throw io.getCause();
          }
          throw new IOException("matching an article against the alerts failed: " + e, e);
        }
      }

      @Override
      public void committed() throws IOException {
        try (staged) {
          if (submitted.get() == 0) {
            return;
          }
          committing(); // when the target did not say the commit was starting
          CompletableFuture<AlertStore.Recorded> transaction = recording;
          recording = null; // committed: nothing left to undo
          AlertStore.Recorded done = null;
          try {
            done = join(transaction, RECORDING);
          } finally {
            settleThenEnd(done);
          }
        }
      }

      /**
       * Lifts the recording's pending mark, so that other processes' streams and webhooks get its
       * matches, then tells this process's. Off the committing thread: a write is answered without
       * waiting for one more store transaction. The commit is done either way, so a failure here
       * is logged, not thrown; the mark then lasts until this process ends.
       */
      private void settleThenEnd(AlertStore.Recorded done) {
        if (done == null) {
          ended(0);
          return;
        }
        Runnable settle = () -> {
          try {
            store.settle(done);
          } catch (IOException | RuntimeException e) {
            log.warn("could not mark a commit's alert matches as committed; other processes hand them out "
                + "once this one ends: {}", e.toString());
          } finally {
            ended(done.matches());
          }
        };
        try {
          matching.execute(settle);
        } catch (RejectedExecutionException e) {
          settle.run(); // closing: done here
        }
      }

      private void ended(long matches) {
        if (running.getAndSet(false)) {
          recordings.ended(matches);
        }
      }

      @Override
      public void abandoned() {
        try (staged) {
          if (recording != null) {
            store.undo(join(recording, RECORDING));
          }
        } catch (IOException | RuntimeException e) {
          log.error("could not undo the alert matches of a write that was not committed", e);
        } finally {
          ended(0);
        }
      }
    };
  }

  /** The result of work done on another thread, its failure as the IOException it was. */
  private static <T> T join(CompletableFuture<T> f, String what) throws IOException {
    try {
      return f.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      throw new IOException(what + " failed: " + e.getCause(), e.getCause());
    }
  }
}
