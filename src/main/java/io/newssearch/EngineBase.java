package io.newssearch;

import io.newssearch.index.ArticleStore;
import io.newssearch.index.CarryOverStore;
import io.newssearch.index.IndexListener;
import io.newssearch.index.IndexTarget;
import io.newssearch.index.Indexer;
import io.newssearch.ingest.ArticlePreparer;
import io.newssearch.search.SearchFallbacks;
import io.newssearch.search.SearchService;
import java.io.IOException;

/**
 * What every {@link Engine} wires the same way: one article preparation shared by its indexers,
 * the search service and the write store opened on first use, and a close that runs once, store
 * first. An engine says how to open its targets, search service and store.
 */
public abstract class EngineBase implements Engine {

  private ArticlePreparer preparer;
  private SearchService search;
  /** What callers search through: {@link #search} behind the parts every engine shares. */
  private SearchService answering;
  private ArticleStore store;
  private boolean closed;
  private IndexListener listener = IndexListener.NONE;

  /** Where a run of the indexer writes: the live index, or a fresh one for a rebuild. */
  protected abstract IndexTarget openTarget(boolean rebuild) throws IOException;

  protected abstract SearchService openSearch() throws IOException;

  protected abstract ArticleStore openStore() throws IOException;

  /** Closes what the engine holds besides its search service and store (clients, analyzers). */
  protected abstract void closeEngine() throws IOException;

  /** Enrichment and validation; language detection loads its model on first use. */
  @Override
  public synchronized ArticlePreparer preparer() {
    if (preparer == null) {
      preparer = ArticlePreparer.standard();
    }
    return preparer;
  }

  @Override
  public Indexer indexer() {
    return indexer(rebuild -> listening().wrap(openTarget(rebuild)));
  }

  /** An indexer with this engine's preparation writing to the given targets (the store's carry-over rebuild). */
  protected Indexer indexer(Indexer.TargetFactory targets) {
    return new Indexer(targets, preparer());
  }

  @Override
  public synchronized void listen(IndexListener listener) {
    this.listener = listener;
    if (store instanceof CarryOverStore s) {
      s.listen(listener);
    }
  }

  private synchronized IndexListener listening() {
    return listener;
  }

  @Override
  public synchronized SearchService search() throws IOException {
    if (search == null) {
      search = openSearch();
      answering = SearchFallbacks.around(search);
    }
    return answering;
  }

  /** Whether the search service has been opened: settings read by {@link #openSearch} no longer apply. */
  protected synchronized boolean searchOpened() {
    return search != null;
  }

  /** The engine's own search service, as {@link #openSearch} made it. */
  protected synchronized SearchService engineSearch() throws IOException {
    search();
    return search;
  }

  @Override
  public synchronized ArticleStore store() throws IOException {
    if (store == null) {
      store = openStore();
      if (store instanceof CarryOverStore s) {
        s.listen(listener);
      }
    }
    return store;
  }

  /** The search service if it was opened, else null. */
  protected synchronized SearchService openedSearch() {
    return search;
  }

  /** Closes the store, the search service and then the engine; a second call does nothing (shutdown hook and main may race). */
  @Override
  public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (store instanceof AutoCloseable c) {
        c.close();
      }
      if (search != null) {
        search.close();
      }
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException(e);
    } finally {
      closeEngine();
    }
  }
}
