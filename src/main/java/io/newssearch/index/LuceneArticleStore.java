package io.newssearch.index;

import io.newssearch.article.Article;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * API writes on the embedded index. Each write batch opens a writer on the live generation,
 * commits and closes it, so writes are durable on return and an {@code index} run from another
 * process can still take its turn; writes are serialised here.
 *
 * <p>While a rebuild runs, writes go to the live index (readers see them at once) and into a
 * journal; the rebuild replays the journal into the new generation under the write lock just
 * before publishing it, so a write is never lost to a concurrent rebuild.
 */
public final class LuceneArticleStore implements ArticleStore, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LuceneArticleStore.class);

  /** A write recorded while a rebuild runs, to be applied to the new index as well. */
  private sealed interface Op permits Upsert, Delete {
    void applyTo(IndexTarget target) throws IOException;
  }

  private record Upsert(List<Article> articles) implements Op {
    public void applyTo(IndexTarget target) throws IOException {
      for (Article a : articles) {
        target.upsert(a);
      }
    }
  }

  private record Delete(String id) implements Op {
    public void applyTo(IndexTarget target) throws IOException {
      target.delete(id);
    }
  }

  private final IndexLayout layout;
  private final ArticleDocuments documents;
  private final IndexHandle handle;
  private final Indexer.Factory indexerFactory;
  private final Object writeLock = new Object();
  private final ExecutorService rebuilds = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "rebuild");
    t.setDaemon(true);
    return t;
  });
  /** Non-null while a rebuild runs; guarded by writeLock. */
  private List<Op> journal;
  private volatile RebuildStatus status = RebuildStatus.NEVER;

  public LuceneArticleStore(IndexLayout layout, ArticleDocuments documents, IndexHandle handle,
      Indexer.Factory indexerFactory) {
    this.layout = layout;
    this.documents = documents;
    this.handle = handle;
    this.indexerFactory = indexerFactory;
  }

  @Override
  public WriteResult upsert(List<Article> articles) throws IOException {
    int updated = 0;
    synchronized (writeLock) {
      try (IndexTarget target = openLive()) {
        for (Article a : articles) {
          if (target.upsert(a)) {
            updated++;
          }
        }
        target.commit();
      }
      if (journal != null) {
        journal.add(new Upsert(List.copyOf(articles)));
      }
    }
    handle.maybeRefreshBlocking();
    return new WriteResult(articles.size() - updated, updated);
  }

  @Override
  public boolean delete(String id) throws IOException {
    boolean existed;
    synchronized (writeLock) {
      try (IndexTarget target = openLive()) {
        existed = target.delete(id);
        target.commit();
      }
      if (journal != null) {
        journal.add(new Delete(id));
      }
    }
    handle.maybeRefreshBlocking();
    return existed;
  }

  private IndexTarget openLive() throws IOException {
    try {
      return new LuceneIndexTarget(layout, documents, false, LuceneIndexTarget.DEFAULT_RAM_BUFFER_MB);
    } catch (LockObtainFailedException e) {
      throw new IndexBusyException("the index is being written by another process (an 'index' run?); retry later", e);
    }
  }

  @Override
  public boolean startRebuild(List<Path> corpus) {
    synchronized (writeLock) {
      if (journal != null) {
        return false;
      }
      journal = new ArrayList<>();
      status = new RebuildStatus(true, Instant.now(), null, status.lastSummary(), null);
    }
    rebuilds.submit(() -> rebuild(corpus));
    return true;
  }

  private void rebuild(List<Path> corpus) {
    Instant started = status.startedAt();
    try {
      Indexer indexer = indexerFactory.create(rebuild -> new ReplayingTarget(
          new LuceneIndexTarget(layout, documents, rebuild, LuceneIndexTarget.DEFAULT_RAM_BUFFER_MB)));
      IndexSummary summary = indexer.run(new Indexer.Options(corpus, true, false), IndexProgress.NONE);
      handle.maybeRefreshBlocking();
      status = new RebuildStatus(false, started, Instant.now(), summary, null);
      log.info("rebuild finished: {} articles in {}", summary.articles(), summary.took());
    } catch (Exception e) {
      log.error("rebuild failed; the previous index stays live", e);
      status = new RebuildStatus(false, started, Instant.now(), status.lastSummary(), e.toString());
    } finally {
      synchronized (writeLock) {
        journal = null;
      }
    }
  }

  @Override
  public RebuildStatus rebuildStatus() {
    return status;
  }

  /** The rebuild's target: on commit, applies the writes that arrived meanwhile, then publishes. */
  private final class ReplayingTarget implements IndexTarget {
    private final IndexTarget delegate;

    ReplayingTarget(IndexTarget delegate) {
      this.delegate = delegate;
    }

    @Override
    public boolean upsert(Article article) throws IOException {
      return delegate.upsert(article);
    }

    @Override
    public boolean delete(String id) throws IOException {
      return delegate.delete(id);
    }

    @Override
    public void commit() throws IOException {
      synchronized (writeLock) {
        for (Op op : journal) {
          op.applyTo(delegate);
        }
        delegate.commit();
        journal = null;
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
