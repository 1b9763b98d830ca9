package io.newssearch.lucene;

import io.newssearch.EngineBase;
import io.newssearch.analysis.LanguageAnalyzers;
import io.newssearch.index.ArticleStore;
import io.newssearch.index.IndexTarget;
import io.newssearch.index.Indexer;
import io.newssearch.lucene.search.LuceneSearchService;
import io.newssearch.lucene.search.ResultCache;
import io.newssearch.search.Ranking;
import io.newssearch.search.SearchLimits;
import io.newssearch.semantic.SharedEmbedder;
import io.newssearch.search.SearchService;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.store.FSDirectory;

/**
 * The embedded Lucene engine wired together, in one place: analyzers, the indexer's targets, the
 * search service and the write store over one index directory ({@link IndexLayout}). The CLI and
 * the tests build it; the HTTP layer only sees its interfaces.
 *
 * <p>Vectors: the embedder is made on first use only (an index without vectors never loads ONNX
 * Runtime), shared by indexing, API writes and query embedding, and closed with the engine.
 * {@code vectors} asks every indexing run (and rebuild) to add them; an index that has them keeps
 * them without being asked ({@link ArticleVectors}).
 */
public final class LuceneEngine extends EngineBase {

  private final IndexLayout layout;
  private final LanguageAnalyzers analyzers = new LanguageAnalyzers();
  private final ArticleDocuments documents = new ArticleDocuments(analyzers);
  private final Duration refreshInterval;
  private final SearchLimits limits;
  private final boolean vectors;
  private IndexHandle handle;
  private final SharedEmbedder embedder = new SharedEmbedder();
  private int keptAnswers = ResultCache.DEFAULT_ENTRIES;

  /** @param vectors add vectors to what is indexed ({@code --vectors}) */
  public LuceneEngine(Path indexDir, Duration refreshInterval, SearchLimits limits, boolean vectors) {
    this(new IndexLayout(indexDir), refreshInterval, limits, vectors);
  }

  /** Over a given layout: the fault-injection tests give one that writes through their directories. */
  LuceneEngine(IndexLayout layout, Duration refreshInterval, SearchLimits limits, boolean vectors) {
    this.layout = layout;
    this.refreshInterval = refreshInterval;
    this.limits = limits;
    this.vectors = vectors;
  }

  public LuceneEngine(Path indexDir, Duration refreshInterval, SearchLimits limits) {
    this(indexDir, refreshInterval, limits, false);
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

  @Override
  protected IndexTarget openTarget(boolean rebuild) throws IOException {
    return new LuceneIndexTarget(layout, documents, rebuild, LuceneIndexTarget.DEFAULT_RAM_BUFFER_MB, vectorSource());
  }

  /** Whether vectors were asked for, and the shared embedder. */
  private ArticleVectors.Source vectorSource() {
    return new ArticleVectors.Source(vectors, embedder);
  }

  /** An indexer writing into this engine's index with the given number of enrichment threads. */
  public Indexer indexer(int threads) {
    return new Indexer(this::openTarget, preparer(), threads);
  }

  /**
   * The cheap check of the live generation (falling back to the previous one, or refusing), then
   * every checksum in the background ({@link ServingCheck}).
   */
  @Override
  public void checkBeforeServing() throws IOException {
    ServingCheck.beforeServing(layout);
    if (layout.current().isPresent()) {
      ServingCheck.verifyInBackground(layout);
    }
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

  /**
   * How many recent searches' answers the search service keeps per index view, to answer them
   * again without searching ({@link ResultCache}); 0: none, every search is computed (what a
   * benchmark of a search's work needs). Set before the first search; returns this.
   *
   * @throws IllegalStateException when the search service is already open
   */
  public LuceneEngine keepingAnswers(int entries) {
    if (entries < 0) {
      throw new IllegalArgumentException("answers kept must be 0 or more, got " + entries);
    }
    if (searchOpened()) {
      throw new IllegalStateException("the search service is open: say how many answers it keeps before the first search");
    }
    keptAnswers = entries;
    return this;
  }

  /** The search service; it follows new commits and rebuilds by itself. */
  @Override
  protected SearchService openSearch() throws IOException {
    return new LuceneSearchService(handle(), analyzers, limits, Ranking.DEFAULT, embedder).keepingAnswers(keptAnswers);
  }

  /** Writes over the API; what they write is searchable as soon as they return. */
  @Override
  protected ArticleStore openStore() throws IOException {
    return new LuceneArticleStore(layout, documents, handle(), this::indexer, vectorSource());
  }

  /** Told before and after every refresh of the index view (opening it if needed). */
  public synchronized void addRefreshListener(ReferenceManager.RefreshListener listener) throws IOException {
    handle().addListener(listener);
  }

  /** The handle (if the search service did not close it with itself) and the analyzers. */
  @Override
  protected synchronized void closeEngine() throws IOException {
    try {
      if (handle != null && openedSearch() == null) {
        handle.close();
      }
    } finally {
      try {
        analyzers.close();
      } finally {
        embedder.close();
      }
    }
  }
}
