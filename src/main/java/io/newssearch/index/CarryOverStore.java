package io.newssearch.index;

import io.newssearch.article.Article;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * API writes on any backend, and the rebuild that never loses them.
 *
 * <p>Articles written over the API exist only in the index, not in the corpus files, so a rebuild
 * from the corpus carries them over: just before it publishes, with API writes held off, it copies
 * every API-written article from the live index into the new one, after applying the deletes that
 * arrived while it ran (so an article deleted and then written again is kept). A write is never lost to a rebuild. (Deleting an article that is in the
 * corpus lasts until the next rebuild reads the corpus again.)
 *
 * <p>A backend says how it applies one write to its live index durably ({@link #writeLive}: the
 * embedded index lets concurrent writes share a commit, SolrCloud writes one at a time), how to
 * open a rebuild, and how to read its API articles.
 */
public abstract class CarryOverStore implements ArticleStore, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(CarryOverStore.class);

  /** One API write: its upserts and deletes on the live index's target, without the commit. */
  @FunctionalInterface
  public interface LiveWrite<T> {
    T apply(IndexTarget live) throws IOException;
  }

  private final Indexer.Factory indexerFactory;
  /** Shared by API writes, exclusive to a rebuild's carry-over: no write slips between copy and publish. */
  private final ReentrantReadWriteLock carryOver = new ReentrantReadWriteLock();
  private final ExecutorService rebuilds = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "rebuild");
    t.setDaemon(true);
    return t;
  });
  /** Ids deleted over the API while a rebuild runs; null when none runs. Guarded by {@link #rebuildState}. */
  private List<String> deletedDuringRebuild;
  private final Object rebuildState = new Object();
  private volatile RebuildStatus status = RebuildStatus.NEVER;
  /** Told about the articles each write and rebuild commits (saved searches match them). */
  private volatile IndexListener listener = IndexListener.NONE;

  protected CarryOverStore(Indexer.Factory indexerFactory) {
    this.indexerFactory = indexerFactory;
  }

  /**
   * Applies one write to the live index and returns once it is durable and searchable. Called from
   * several threads at once; a backend that cannot take concurrent writes serialises them.
   */
  protected abstract <T> T writeLive(LiveWrite<T> write) throws IOException;

  /** The target of a rebuild: a fresh index, published by its commit. */
  protected abstract IndexTarget openRebuild() throws IOException;

  /** Upserts every API-written article of the live index into {@code target}; returns how many. */
  protected abstract int copyApiArticles(IndexTarget target) throws IOException;

  /** From now on, every write and rebuild reports the articles it commits to {@code listener}. */
  public void listen(IndexListener listener) {
    this.listener = listener;
  }

  /** Called after each committed write and rebuild, outside the lock (the embedded index refreshes its reader). */
  protected void written() throws IOException {}

  @Override
  public WriteResult upsert(List<Article> articles) throws IOException {
    int updated;
    IndexListener ear = listener;
    // One batch per try: a write the group commit applies again reports its articles again.
    ListeningTarget[] reported = new ListeningTarget[1];
    carryOver.readLock().lock();
    try {
      updated = writeLive(live -> {
        if (reported[0] != null) {
          reported[0].abandon(); // the earlier try was rolled back with its group
        }
        IndexTarget target = reported[0] = new ListeningTarget(live, ear.open());
        target.expect(articles.stream().map(Article::id).toList());
        int n = 0;
        for (Article a : articles) {
          if (target.upsert(a, Origin.API)) {
            n++;
          }
        }
        reported[0].committing(); // the group commit follows
        return n;
      });
      // writeLive returns once a commit holds the write and searches see it: now it may be announced
      reported[0].committedElsewhere();
    } finally {
      carryOver.readLock().unlock();
      if (reported[0] != null) {
        reported[0].abandon(); // a failed write; after committedElsewhere, nothing
      }
    }
    written();
    return new WriteResult(articles.size() - updated, updated);
  }

  @Override
  public boolean delete(String id) throws IOException {
    boolean existed;
    carryOver.readLock().lock();
    try {
      existed = writeLive(target -> target.delete(id));
      synchronized (rebuildState) {
        if (deletedDuringRebuild != null) {
          deletedDuringRebuild.add(id);
        }
      }
    } finally {
      carryOver.readLock().unlock();
    }
    written();
    return existed;
  }

  @Override
  public boolean startRebuild(List<Path> corpus) {
    synchronized (rebuildState) {
      if (deletedDuringRebuild != null) {
        return false;
      }
      deletedDuringRebuild = new ArrayList<>();
      status = new RebuildStatus(true, Instant.now(), null, status.lastSummary(), null);
    }
    rebuilds.submit(() -> rebuild(corpus));
    return true;
  }

  private void rebuild(List<Path> corpus) {
    Instant started = status.startedAt();
    RebuildStatus outcome = null;
    try {
      Indexer indexer = indexerFactory.create(rebuild -> listener.wrap(new CarryOverTarget(openRebuild())));
      IndexSummary summary = indexer.run(new Indexer.Options(corpus, true, false), IndexProgress.NONE);
      written();
      outcome = new RebuildStatus(false, started, Instant.now(), summary, null);
      log.info("rebuild finished: {} articles in {}", summary.articles(), summary.took());
    } catch (IOException e) {
      // an I/O failure (a full disk) is the operator's to fix, said once in plain words; the trace is for debugging
      String why = "the rebuild failed: " + WriteFailure.describe(e)
          + "; the previous index stays live" + (WriteFailure.diskFull(e) ? ": free space and rebuild again" : "");
      log.error(why);
      log.debug("the rebuild's failure", e);
      outcome = new RebuildStatus(false, started, Instant.now(), status.lastSummary(), why);
    } catch (Exception e) {
      log.error("rebuild failed; the previous index stays live", e);
      outcome = new RebuildStatus(false, started, Instant.now(), status.lastSummary(), e.toString());
    } finally {
      // One step under the lock startRebuild takes: once this rebuild reads as finished, the next
      // may start, and its record of deletes must not be cleared by this one's ending (it was, with
      // rebuilds back to back: the next one's commit failed on a null list; RebuildLoadSmokeTest).
      synchronized (rebuildState) {
        deletedDuringRebuild = null;
        status = outcome != null ? outcome : new RebuildStatus(false, started, Instant.now(), status.lastSummary(),
            "the rebuild stopped on an internal error; the previous index stays live (see the log)");
      }
    }
  }

  @Override
  public RebuildStatus rebuildStatus() {
    return status;
  }

  /** The rebuild's target: on commit, carries the API's articles and deletes over, then publishes. */
  private final class CarryOverTarget implements IndexTarget {
    private final IndexTarget delegate;

    CarryOverTarget(IndexTarget delegate) {
      this.delegate = delegate;
    }

    @Override
    public boolean upsert(IndexedArticle article) throws IOException {
      return delegate.upsert(article);
    }

    @Override
    public boolean delete(String id) throws IOException {
      return delegate.delete(id);
    }

    @Override
    public void commit() throws IOException {
      carryOver.writeLock().lock();
      try {
        List<String> deleted;
        synchronized (rebuildState) {
          deleted = List.copyOf(deletedDuringRebuild);
          deletedDuringRebuild = null;
        }
        // Deletes first, then the API's articles as they are now: an article deleted and written
        // again while the rebuild ran is live, and must not be deleted after it is copied (it was,
        // found by CrashRecoveryTest: an acknowledged write gone after the rebuild).
        for (String id : deleted) {
          delegate.delete(id);
        }
        int carried = copyApiArticles(delegate);
        delegate.commit();
        log.info("rebuild carried over {} articles written over the API and {} deletes", carried, deleted.size());
      } finally {
        carryOver.writeLock().unlock();
      }
    }

    @Override
    public void rollback() throws IOException {
      delegate.rollback();
    }

    @Override
    public void close() throws IOException {
      delegate.close();
    }
  }

  @Override
  public void close() {
    rebuilds.shutdownNow();
  }
}
