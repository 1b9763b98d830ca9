package io.newssearch.lucene;

import io.newssearch.index.CarryOverStore.LiveWrite;
import io.newssearch.index.IndexBusyException;
import io.newssearch.index.WriteFailure;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.lucene.index.IndexWriter;
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
 * been published (a rebuild), the next write moves to it. Each writer and its group-commit state
 * is a {@link LiveSession}.
 */
final class LiveWriter implements Closeable {

  private static final Logger log = LoggerFactory.getLogger(LiveWriter.class);

  /** Without writes for this long, the writer lets go of the index. */
  static final Duration DEFAULT_IDLE = Duration.ofSeconds(5);
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
  private LiveSession session;
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
      LiveSession s = acquire();
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
  private LiveSession acquire() throws IOException {
    gate.readLock().lock();
    LiveSession s = session;
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
        session = new LiveSession(live, layout, documents, vectors, handle);
      }
      gate.readLock().lock(); // downgrade: we write into what we just checked
      return session;
    } finally {
      gate.writeLock().unlock();
    }
  }

  /** Waits for a commit that holds {@code ticket}, leading one if none is running. */
  private void commit(LiveSession s, long ticket) throws IOException {
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
  private void retireOrCommit(LiveSession s, boolean close) {
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

  private void retire(LiveSession s) {
    retireOrCommit(s, true);
  }

  /** Lets go of the index lock after a quiet spell, unless a write is waiting for its commit. */
  private void releaseIfIdle() {
    if (System.nanoTime() - lastWrite < idleNanos || !gate.writeLock().tryLock()) {
      return;
    }
    try {
      LiveSession s = session;
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
}
