package io.newssearch.index;

import io.newssearch.article.Article;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * API writes on the embedded index. Each write batch opens a writer on the live generation,
 * commits and closes it, so writes are durable on return and an {@code index} run from another
 * process can still take its turn; writes are serialised here.
 *
 * <p>Articles written over the API exist only in the index, not in the corpus files, so a rebuild
 * from the corpus carries them over: just before it publishes, under the write lock, it copies
 * every API-written article from the live index into the new one, then applies the deletes that
 * arrived while it ran. A write is never lost to a rebuild. (Deleting an article that is in the
 * corpus lasts until the next rebuild reads the corpus again.)
 */
public final class LuceneArticleStore implements ArticleStore, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LuceneArticleStore.class);

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
  /** Ids deleted over the API while a rebuild runs; null when none runs. Guarded by writeLock. */
  private List<String> deletedDuringRebuild;
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
          if (target.upsert(a, Origin.API)) {
            updated++;
          }
        }
        target.commit();
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
      if (deletedDuringRebuild != null) {
        deletedDuringRebuild.add(id);
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
    try {
      Indexer indexer = indexerFactory.create(rebuild -> new CarryOverTarget(
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
        deletedDuringRebuild = null;
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
    public boolean upsert(Article article, Origin origin) throws IOException {
      return delegate.upsert(article, origin);
    }

    @Override
    public boolean delete(String id) throws IOException {
      return delegate.delete(id);
    }

    @Override
    public void commit() throws IOException {
      synchronized (writeLock) {
        int carried = copyApiArticles(delegate);
        for (String id : deletedDuringRebuild) {
          delegate.delete(id);
        }
        delegate.commit();
        log.info("rebuild carried over {} articles written over the API and {} deletes", carried,
            deletedDuringRebuild.size());
        deletedDuringRebuild = null;
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

  /** Every live API-written article of the live index, upserted into {@code target}. */
  private int copyApiArticles(IndexTarget target) throws IOException {
    Path live = layout.current().orElse(null);
    if (live == null) {
      return 0;
    }
    int copied = 0;
    try (Directory dir = FSDirectory.open(live); DirectoryReader reader = DirectoryReader.open(dir)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      StoredFields stored = reader.storedFields();
      TermQuery api = new TermQuery(ArticleDocuments.originTerm(Origin.API));
      for (ScoreDoc sd : searcher.search(api, Math.max(1, reader.maxDoc())).scoreDocs) {
        target.upsert(ArticleDocuments.fromStored(stored, sd.doc), Origin.API);
        copied++;
      }
    }
    return copied;
  }

  @Override
  public void close() {
    rebuilds.shutdownNow();
  }
}
