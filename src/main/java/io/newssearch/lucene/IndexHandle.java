package io.newssearch.lucene;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the readers of one index and hands out {@link IndexView}s. A background refresh picks up new
 * commits and, after a rebuild (in this process or another), the new generation, so searches never
 * stop and never see a half-built index.
 *
 * <p>Callers do {@code view = acquire(); try { ... } finally { release(view); }}; no locks.
 */
public final class IndexHandle extends ReferenceManager<IndexView> implements Closeable {

  private static final Logger log = LoggerFactory.getLogger(IndexHandle.class);

  /** How often the background refresh looks for new commits or a new generation. */
  public static final Duration DEFAULT_REFRESH_INTERVAL = Duration.ofMillis(500);

  private final IndexLayout layout;
  private final ScheduledExecutorService refresher;

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

  @Override
  protected IndexView refreshIfNeeded(IndexView old) throws IOException {
    Path live = layout.current().orElse(old.generation());
    if (!live.equals(old.generation())) {
      log.info("switching to index generation {}", live.getFileName());
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
