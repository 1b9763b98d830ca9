package io.newssearch.lucene;

import io.newssearch.Engine;
import io.newssearch.analysis.LanguageAnalyzers;
import io.newssearch.index.ArticleStore;
import io.newssearch.index.Indexer;
import io.newssearch.ingest.ArticlePreparer;
import io.newssearch.lucene.search.LuceneSearchService;
import io.newssearch.search.SearchLimits;
import io.newssearch.search.SearchService;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.store.FSDirectory;

/**
 * The embedded Lucene backend wired together, in one place: analyzers, article preparation
 * (language detection, tags, ids), the indexer, the search service and the write store over one
 * index directory. The CLI and the tests build it; the HTTP layer only sees its interfaces.
 */
public final class LuceneEngine implements Engine {

  private final IndexLayout layout;
  private final LanguageAnalyzers analyzers = new LanguageAnalyzers();
  private final ArticleDocuments documents = new ArticleDocuments(analyzers);
  private final Duration refreshInterval;
  private final SearchLimits limits;
  private ArticlePreparer preparer;
  private IndexHandle handle;
  private SearchService search;
  private LuceneArticleStore store;
  private boolean closed;

  public LuceneEngine(Path indexDir, Duration refreshInterval, SearchLimits limits) {
    this.layout = new IndexLayout(indexDir);
    this.refreshInterval = refreshInterval;
    this.limits = limits;
  }

  public LuceneEngine(Path indexDir, Duration refreshInterval) {
    this(indexDir, refreshInterval, SearchLimits.DEFAULTS);
  }

  public LuceneEngine(Path indexDir) {
    this(indexDir, IndexHandle.DEFAULT_REFRESH_INTERVAL);
  }

  public IndexLayout layout() {
    return layout;
  }

  @Override
  public String location() {
    return layout.root().toString();
  }

  /** Enrichment and validation; language detection loads its model on first use. */
  @Override
  public synchronized ArticlePreparer preparer() {
    if (preparer == null) {
      preparer = ArticlePreparer.standard();
    }
    return preparer;
  }

  /** An indexer writing into this engine's index. */
  @Override
  public Indexer indexer() {
    return indexerFor(rebuild -> new LuceneIndexTarget(layout, documents, rebuild,
        LuceneIndexTarget.DEFAULT_RAM_BUFFER_MB));
  }

  /** An indexer writing into this engine's index with the given number of enrichment threads. */
  public Indexer indexer(int threads) {
    return new Indexer(rebuild -> new LuceneIndexTarget(layout, documents, rebuild,
        LuceneIndexTarget.DEFAULT_RAM_BUFFER_MB), preparer(), threads);
  }

  private Indexer indexerFor(Indexer.TargetFactory targets) {
    return new Indexer(targets, preparer());
  }

  /** Articles in the live index, without opening the search service. */
  @Override
  public long articleCount() throws IOException {
    var gen = layout.current();
    if (gen.isEmpty()) {
      return 0;
    }
    try (var dir = FSDirectory.open(gen.get()); var reader = DirectoryReader.open(dir)) {
      return reader.numDocs();
    }
  }

  private synchronized IndexHandle handle() throws IOException {
    if (handle == null) {
      handle = new IndexHandle(layout, refreshInterval);
    }
    return handle;
  }

  /** The search service, opened on first use; it follows new commits and rebuilds by itself. */
  @Override
  public synchronized SearchService search() throws IOException {
    if (search == null) {
      search = new LuceneSearchService(handle(), analyzers, limits);
    }
    return search;
  }

  /** Writes over the API; what they write is searchable as soon as they return. */
  @Override
  public synchronized ArticleStore store() throws IOException {
    if (store == null) {
      store = new LuceneArticleStore(layout, documents, handle(), this::indexerFor);
    }
    return store;
  }

  /** Told before and after every refresh of the index view (opening it if needed). */
  public synchronized void addRefreshListener(ReferenceManager.RefreshListener listener) throws IOException {
    handle().addListener(listener);
  }

  /** Closes the store, the search service and analyzers; a second call does nothing (shutdown hook and main may race). */
  @Override
  public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    if (store != null) {
      store.close();
    }
    if (search != null) {
      search.close(); // closes the handle
    } else if (handle != null) {
      handle.close();
    }
    analyzers.close();
  }
}
