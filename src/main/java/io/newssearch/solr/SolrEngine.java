package io.newssearch.solr;

import io.newssearch.Engine;
import io.newssearch.analysis.LanguageAnalyzers;
import io.newssearch.index.ArticleStore;
import io.newssearch.index.Indexer;
import io.newssearch.ingest.ArticlePreparer;
import io.newssearch.search.SearchLimits;
import io.newssearch.search.SearchService;
import java.io.IOException;

/**
 * The SolrCloud backend wired together, as the embedded engine ({@code lucene.LuceneEngine}) wires its
 * one: the same article preparation and indexer, writing through {@link SolrIndexTarget}; search
 * through {@link SolrSearchService}; API writes through {@link SolrArticleStore}; all over one
 * client of the cluster and one collection name ({@link SolrSettings}).
 */
public final class SolrEngine implements Engine {

  private final SolrSettings settings;
  private final SearchLimits limits;
  private final SolrCloudClient client;
  private final SolrCollections collections;
  private final SolrDocuments documents = new SolrDocuments();
  private final LanguageAnalyzers analyzers = new LanguageAnalyzers();
  private ArticlePreparer preparer;
  private SolrSearchService search;
  private SolrArticleStore store;
  private boolean closed;

  public SolrEngine(SolrSettings settings, SearchLimits limits) {
    this.settings = settings;
    this.limits = limits;
    this.client = SolrCloudClient.connect(settings.zk());
    this.collections = new SolrCollections(client, settings);
  }

  public SolrEngine(SolrSettings settings) {
    this(settings, SearchLimits.DEFAULTS);
  }

  public SolrSettings settings() {
    return settings;
  }

  @Override
  public String location() {
    return settings.toString();
  }

  @Override
  public synchronized ArticlePreparer preparer() {
    if (preparer == null) {
      preparer = ArticlePreparer.standard();
    }
    return preparer;
  }

  @Override
  public Indexer indexer() {
    return indexerFor(rebuild -> new SolrIndexTarget(client, collections, documents, rebuild, SolrIndexTarget.Visibility.HARD));
  }

  private Indexer indexerFor(Indexer.TargetFactory targets) {
    return new Indexer(targets, preparer());
  }

  @Override
  public long articleCount() throws IOException {
    return search().count();
  }

  @Override
  public synchronized SearchService search() throws IOException {
    if (search == null) {
      search = new SolrSearchService(client, collections, analyzers, limits);
    }
    return search;
  }

  @Override
  public synchronized ArticleStore store() throws IOException {
    if (store == null) {
      SolrSearchService s = (SolrSearchService) search();
      store = new SolrArticleStore(client, collections, documents, s.facts(), this::indexerFor);
    }
    return store;
  }

  /** The collection names behind the alias, for tests and operators. */
  SolrCollections collections() {
    return collections;
  }

  SolrCloudClient client() {
    return client;
  }

  @Override
  public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    if (store != null) {
      store.close();
    }
    client.close();
    analyzers.close();
  }
}
