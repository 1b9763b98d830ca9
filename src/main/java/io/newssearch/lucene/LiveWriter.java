package io.newssearch.lucene;

import io.newssearch.index.CarryOverStore.LiveWrite;
import io.newssearch.index.IndexBusyException;
import io.newssearch.index.IndexTarget;
import io.newssearch.index.IndexedArticle;
import io.newssearch.index.WriteFailure;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import io.newssearch.semantic.VectorFields;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexWriterConfig.OpenMode;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.store.NRTCachingDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * API writes through one long-lived {@link IndexWriter} on the live generation, with group commit.
 *
 * <p>Writes are applied concurrently; the first one to finish becomes the leader of a commit that
 * holds every write applied so far, while the others wait for it. A commit waits for the writes in
 * flight and holds off new ones (a read-write gate), so it holds whole writes only, and a write
 * returns only once the commit holding it is on disk (fsync) and the search view shows it
 * ({@link IndexHandle#refreshFrom}, near-real-time from the writer). A write that fails half-way
 * rolls its commit group back; the other writes of that group are applied again.
 *
 * <p>The writer holds the index's lock. After {@link #DEFAULT_IDLE} without writes it is closed, so
 * an {@code index} run in another process can take its turn (while that run holds the lock, writes
 * answer {@link IndexBusyException}); the next write opens it again. When another generation has
 * been published (a rebuild), the next write moves to it.
 */
final class LiveWriter implements Closeable {

  private static final Logger log = LoggerFactory.getLogger(LiveWriter.class);

  /** Without writes for this long, the writer lets go of the index. */
  static final Duration DEFAULT_IDLE = Duration.ofSeconds(5);
  /** Segments up to this size (a group commit's, a merge of a few) are written in memory until synced. */
  private static final double CACHED_SEGMENT_MB = 5;
  /** Memory held by segments not yet synced, at most. */
  private static final double CACHED_MB = 32;
  /** Times a write is applied when other writes of its group fail. */
  private static final int ATTEMPTS = 3;

  private final IndexLayout layout;
  private final ArticleDocuments documents;
  private final ArticleVectors.Source vectors;
  private final IndexHandle handle;
  private final long idleNanos;
  /** Shared by writes being applied; exclusive to a commit, and to opening or closing the writer. */
  private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();
  private final ScheduledExecutorService idler;
  private Session session;
  private volatile long lastWrite = System.nanoTime();

  LiveWriter(IndexLayout layout, ArticleDocuments documents, IndexHandle handle, Duration idle) {
    this(layout, documents, handle, idle, ArticleVectors.Source.NONE);
  }

  /**
   * @param vectors whether this server writes vectors ({@code serve --vectors}) and the model; API
   *     writes embed when it does or when the index already has vectors
   */
  LiveWriter(IndexLayout layout, ArticleDocuments documents, IndexHandle handle, Duration idle,
      ArticleVectors.Source vectors) {
    this.vectors = vectors;
    this.layout = layout;
    this.documents = documents;
    this.handle = handle;
    this.idleNanos = idle.toNanos();
    this.idler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "live-writer-idle");
      t.setDaemon(true);
      return t;
    });
    long check = Math.max(50, idle.toMillis() / 4);
    idler.scheduleWithFixedDelay(this::releaseIfIdle, check, check, TimeUnit.MILLISECONDS);
  }

  /** Applies the write and returns once a commit holds it and searches see it. */
  <T> T write(LiveWrite<T> write) throws IOException {
    for (int attempt = 1; ; attempt++) {
      Session s = acquire();
      T result;
      long ticket;
      Throwable failed = null;
      try {
        lastWrite = System.nanoTime();
        result = write.apply(s.target);
      } catch (IOException | RuntimeException | Error e) {
        failed = e;
        result = null;
      } finally {
        ticket = s.applied(failed);
        gate.readLock().unlock();
      }
      try {
        commit(s, ticket);
      } catch (GroupRolledBack e) {
        // another write of our group failed, or its I/O error closed the writer under ours (which
        // did not fail by itself): ours was discarded with the group, and goes again
        if ((failed == null || failed instanceof ArticleWriter.WriterStopped) && attempt < ATTEMPTS) {
          continue;
        }
        throw failed != null ? rethrow(failed) : e;
      }
      if (failed != null) {
        throw rethrow(failed); // cannot happen: a group with a failed write is rolled back
      }
      lastWrite = System.nanoTime();
      return result;
    }
  }

  /** A write of the group failed; the whole group was rolled back. */
  static final class GroupRolledBack extends IOException {
    GroupRolledBack(Throwable cause) {
      super("the write was rolled back with a failed write of the same commit: " + cause, cause);
    }
  }

  /** The session to write into, read-locked; opened (or moved to a newer generation) as needed. */
  private Session acquire() throws IOException {
    gate.readLock().lock();
    Session s = session;
    if (s != null && s.generation.equals(layout.current().orElse(null))) {
      return s;
    }
    gate.readLock().unlock();
    gate.writeLock().lock();
    try {
      Path live = layout.ensureCurrent();
      if (session != null && !session.generation.equals(live)) {
        retire(session);
      }
      if (session == null) {
        session = new Session(live);
      }
      gate.readLock().lock(); // downgrade: we write into what we just checked
      return session;
    } finally {
      gate.writeLock().unlock();
    }
  }

  /** Waits for a commit that holds {@code ticket}, leading one if none is running. */
  private void commit(Session s, long ticket) throws IOException {
    synchronized (s) {
      while (true) {
        if (s.committed >= ticket) {
          return;
        }
        if (s.failedUpTo >= ticket) {
          throw s.failure;
        }
        if (!s.committing) {
          s.committing = true;
          break;
        }
        try {
          s.wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while waiting for the commit of a write", e);
        }
      }
    }
    gate.writeLock().lock();
    try {
      if (session == s) {
        retireOrCommit(s, false);
      }
    } finally {
      gate.writeLock().unlock();
    }
    synchronized (s) {
      if (s.committed >= ticket) {
        return;
      }
      throw s.failure;
    }
  }

  /**
   * Under the exclusive gate: commits every write applied so far (or rolls them back when one
   * failed), then shows them to searches; closes the writer too when {@code close}, or when it
   * failed. Wakes every write waiting on the outcome.
   */
  private void retireOrCommit(Session s, boolean close) {
    long upTo;
    Throwable poison;
    synchronized (s) {
      upTo = s.applied;
      poison = s.poison;
    }
    IOException failure = null;
    boolean open = true;
    if (poison != null) {
      failure = new GroupRolledBack(poison);
      open = false;
    } else if (upTo > s.committedTicket()) {
      try {
        s.articles.flush();
        s.writer.commit();
      } catch (IOException | RuntimeException | Error e) {
        failure = e instanceof IOException io ? io : new IOException("cannot commit the index: " + e, e);
        open = false;
      }
      if (failure == null) {
        try {
          handle.refreshFrom(s.writer, s.generation);
        } catch (IOException | RuntimeException e) {
          // Committed, so durable, and answered so: the background refresh shows it from disk within
          // its interval. Answering a failure would make a client think a stored write was not.
          log.warn("API writes are committed but not yet searchable: {}", WriteFailure.describe(e));
          open = false;
        }
      }
    }
    if (failure != null) {
      // the one report of this failure: every write of the group answers it, without logging again
      Throwable cause = poison != null ? poison : failure;
      log.error("{} API write(s) not applied, the index stays at its last commit: {}", upTo - s.committedTicket(),
          WriteFailure.describe(cause));
      log.debug("the failed commit", cause);
    }
    if (!open || close) {
      s.close(open);
      if (session == s) {
        session = null;
      }
    }
    synchronized (s) {
      s.committing = false;
      if (failure == null) {
        s.committed = upTo;
      } else {
        s.failedUpTo = upTo;
        s.failure = failure;
      }
      s.notifyAll();
    }
  }

  private void retire(Session s) {
    retireOrCommit(s, true);
  }

  /** Lets go of the index lock after a quiet spell, unless a write is waiting for its commit. */
  private void releaseIfIdle() {
    if (System.nanoTime() - lastWrite < idleNanos || !gate.writeLock().tryLock()) {
      return;
    }
    try {
      Session s = session;
      if (s != null && System.nanoTime() - lastWrite >= idleNanos && s.idle()) {
        log.debug("no API writes for {} ms: releasing the index writer", idleNanos / 1_000_000);
        retire(s);
      }
    } catch (RuntimeException e) {
      log.warn("releasing the idle index writer failed", e);
    } finally {
      gate.writeLock().unlock();
    }
  }

  /** Commits what is applied and closes the writer. */
  @Override
  public void close() {
    idler.shutdownNow();
    gate.writeLock().lock();
    try {
      if (session != null) {
        retire(session);
      }
    } finally {
      gate.writeLock().unlock();
    }
  }

  private static IOException rethrow(Throwable t) {
    if (t instanceof IOException io) return io;
    if (t instanceof RuntimeException r) throw r;
    if (t instanceof Error e) throw e;
    return new IOException(t);
  }

  /** One writer on one generation, with its group-commit state (guarded by the session's monitor). */
  private final class Session {
    final Path generation;
    final Directory dir;
    final IndexWriter writer;
    final ArticleWriter articles;
    final IndexTarget target;
    long applied;
    long committed;
    boolean committing;
    long failedUpTo;
    IOException failure;
    Throwable poison;

    Session(Path generation) throws IOException {
      this.generation = generation;
      // A commit's new segment is flushed to memory and its files written to disk only when the
      // commit syncs them: the dozen files a flush makes and the compound file then replaces are
      // never created on disk (one write's commit ~30% shorter), and the commit stays what makes a
      // write durable.
      this.dir = new SyncOnceDirectory(new NRTCachingDirectory(layout.openForWriting(generation),
          CACHED_SEGMENT_MB, CACHED_MB));
      IndexWriter w;
      try {
        w = new IndexWriter(dir, new IndexWriterConfig(Schema.queryAnalyzer(new StandardAnalyzer()))
            .setOpenMode(OpenMode.APPEND).setCodec(VectorFields.codec())
            // Lucene 10 merges small segments inside a commit or reopen and waits up to 500 ms for
            // it: every few commits a write would wait for a merge. Merges run in the background.
            .setMaxFullFlushMergeWaitMillis(0));
      } catch (LockObtainFailedException e) {
        dir.close();
        throw new IndexBusyException("the index is being written by another process (an 'index' run?); retry later", e);
      } catch (IOException | RuntimeException e) {
        dir.close();
        log.error("cannot open the index writer on {}: {}", generation.getFileName(), WriteFailure.describe(e));
        throw e;
      }
      this.writer = w;
      try {
        var userData = new java.util.HashMap<String, String>();
        w.getLiveCommitData().forEach(e -> userData.put(e.getKey(), e.getValue()));
        this.articles = new ArticleWriter(w, documents, false, ArticleVectors.forWriter(w, vectors, userData));
      } catch (IOException | RuntimeException e) {
        w.rollback();
        dir.close();
        throw e;
      }
      this.target = new LiveTarget(articles);
    }

    /** Counts a write as applied and returns its ticket; a failed one poisons the group. */
    synchronized long applied(Throwable failed) {
      if (failed != null && poison == null) {
        poison = failed;
      }
      return ++applied;
    }

    synchronized long committedTicket() {
      return committed;
    }

    synchronized boolean idle() {
      return !committing && applied == committed;
    }

    /** Closes the writer: gracefully when everything applied is committed, else discarding it. */
    void close(boolean graceful) {
      handle.detach(writer);
      try {
        if (graceful) {
          writer.close();
        } else {
          writer.rollback();
        }
      } catch (IOException | RuntimeException e) {
        log.warn("closing the index writer of {} failed: {}", generation.getFileName(), WriteFailure.describe(e));
      }
      // a failure here must not escape: the writes waiting for this session's outcome would wait forever
      try (dir; articles) {
        // closes both
      } catch (IOException | RuntimeException e) {
        log.warn("closing {} failed: {}", generation.getFileName(), WriteFailure.describe(e));
      }
    }
  }

  /** What a write sees: upserts and deletes on the shared writer; the commit is the group's. */
  private record LiveTarget(ArticleWriter articles) implements IndexTarget {
    @Override
    public boolean upsert(IndexedArticle article) throws IOException {
      return articles.upsert(article);
    }

    @Override
    public boolean delete(String id) throws IOException {
      return articles.delete(id);
    }

    @Override
    public void commit() {
      throw new UnsupportedOperationException("API writes are committed together by LiveWriter");
    }

    @Override
    public void rollback() {
      throw new UnsupportedOperationException("API writes are committed together by LiveWriter");
    }

    @Override
    public void close() {}
  }
}
