package io.newssearch.lucene;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the readers of one index and hands out {@link IndexView}s. A background refresh picks up new
 * commits and, after a rebuild (in this process or another), the new generation, so searches never
 * stop and never see a half-built index.
 *
 * <p>While this process's API writer ({@code LiveWriter}) is open on the live generation, views
 * come from it near-real-time: after each of its commits it calls {@link #refreshFrom}, which opens
 * the new view from the writer (no files reopened); the background refresh then leaves that
 * generation alone, since no other process can write to it while the writer holds its lock, and
 * reading the writer on its own would show writes before their commit.
 *
 * <p>Callers do {@code view = acquire(); try { ... } finally { release(view); }}; no locks.
 */
public final class IndexHandle extends ReferenceManager<IndexView> implements Closeable {

  private static final Logger log = LoggerFactory.getLogger(IndexHandle.class);

  /** How often the background refresh looks for new commits or a new generation. */
  public static final Duration DEFAULT_REFRESH_INTERVAL = Duration.ofMillis(500);

  private final IndexLayout layout;
  private final ScheduledExecutorService refresher;
  /** The API writer and its generation while one is open in this process, else null. */
  private volatile Source writer;
  /** Set by {@link #refreshFrom}: the writer has a commit the view does not show yet. */
  private volatile boolean writerAhead;
  /** Whether the current view was opened from a writer (refreshes run one at a time). */
  private boolean viewFromWriter;

  private record Source(IndexWriter writer, Path generation) {}

  public IndexHandle(IndexLayout layout, Duration refreshInterval) throws IOException {
    this.layout = layout;
    this.current = open(layout.ensureCurrent());
    this.refresher = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "index-refresh");
      t.setDaemon(true);
      return t;
    });
    long ms = refreshInterval.toMillis();
    refresher.scheduleWithFixedDelay(this::refreshQuietly, ms, ms, TimeUnit.MILLISECONDS);
  }

  public IndexLayout layout() {
    return layout;
  }

  private void refreshQuietly() {
    try {
      maybeRefresh();
    } catch (IOException | RuntimeException e) {
      // Keep serving the view we have; the next tick tries again.
      log.warn("index refresh failed, still serving {}", current.generation(), e);
    }
  }

  /**
   * Makes what {@code writer} has just committed searchable before returning: the view is opened
   * from the writer. Call right after the commit, before the writer takes more writes.
   */
  public void refreshFrom(IndexWriter writer, Path generation) throws IOException {
    this.writer = new Source(writer, generation);
    writerAhead = true;
    maybeRefreshBlocking();
  }

  /** The writer is closing: views come from commits on disk again. */
  public void detach(IndexWriter closing) {
    Source s = writer;
    if (s != null && s.writer() == closing) {
      writer = null;
    }
  }

  @Override
  protected IndexView refreshIfNeeded(IndexView old) throws IOException {
    Path live = layout.current().orElse(old.generation());
    if (!live.equals(old.generation())) {
      log.info("switching to index generation {}", live.getFileName());
      viewFromWriter = false;
      return open(live);
    }
    Source source = writer;
    if (source != null && source.generation().equals(live)) {
      if (!writerAhead) {
        return null;
      }
      writerAhead = false;
      try {
        DirectoryReader newer = DirectoryReader.openIfChanged(old.reader(), source.writer());
        viewFromWriter = true;
        return newer == null ? null : new IndexView(newer, old.generation());
      } catch (AlreadyClosedException e) {
        // released while we looked: its last commit is on disk, read it from there
      }
    }
    if (viewFromWriter) {
      // A view from a writer asks that writer for changes, and it is gone: start again from disk,
      // where its last commit is.
      viewFromWriter = false;
      return open(live);
    }
    DirectoryReader newer = DirectoryReader.openIfChanged(old.reader());
    return newer == null ? null : new IndexView(newer, old.generation());
  }

  private static IndexView open(Path generation) throws IOException {
    return new IndexView(DirectoryReader.open(FSDirectory.open(generation)), generation);
  }

  @Override
  protected boolean tryIncRef(IndexView view) {
    return view.reader().tryIncRef();
  }

  @Override
  protected void decRef(IndexView view) throws IOException {
    view.reader().decRef();
  }

  @Override
  protected int getRefCount(IndexView view) {
    return view.reader().getRefCount();
  }

  @Override
  protected void afterClose() throws IOException {
    refresher.shutdownNow();
  }
}
