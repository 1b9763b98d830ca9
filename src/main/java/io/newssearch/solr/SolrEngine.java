package io.newssearch.solr;

import io.newssearch.EngineBase;
import io.newssearch.analysis.LanguageAnalyzers;
import io.newssearch.index.ArticleStore;
import io.newssearch.index.IndexTarget;
import io.newssearch.search.SearchLimits;
import io.newssearch.search.SearchService;
import io.newssearch.semantic.SharedEmbedder;
import java.io.IOException;

/**
 * The SolrCloud engine wired together, as the embedded engine wires its own: the indexer writing
 * through {@link SolrIndexTarget}; search through {@link SolrSearchService}; API writes through
 * {@link SolrArticleStore}; all over one client of the cluster and one collection name
 * ({@link SolrSettings}).
 *
 * <p>Vectors as on the embedded engine: the embedder is made on first use only, shared by
 * indexing, API writes and query embedding, and closed with the engine; {@code vectors} asks every
 * run to embed, and a collection that has vectors keeps them without being asked ({@link SolrVectors}).
 */
public final class SolrEngine extends EngineBase {

  private final SolrSettings settings;
  private final SearchLimits limits;
  private final SolrCloudClient client;
  private final SolrCollections collections;
  private final SolrDocuments documents = new SolrDocuments();
  private final LanguageAnalyzers analyzers = new LanguageAnalyzers();
  private final SharedEmbedder embedder = new SharedEmbedder();
  private final SolrVectors vectors;

  /** @param vectors add vectors to what is indexed ({@code --vectors}) */
  public SolrEngine(SolrSettings settings, SearchLimits limits, boolean vectors) {
    this.settings = settings;
    this.limits = limits;
    this.client = SolrCloudClient.connect(settings.zk());
    this.collections = new SolrCollections(client, settings);
    this.vectors = new SolrVectors(client, vectors, embedder);
  }

  public SolrEngine(SolrSettings settings, SearchLimits limits) {
    this(settings, limits, false);
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
  protected IndexTarget openTarget(boolean rebuild) throws IOException {
    return new SolrIndexTarget(client, collections, documents, vectors, rebuild, SolrIndexTarget.Visibility.HARD);
  }

  @Override
  public long articleCount() throws IOException {
    return search().count();
  }

  @Override
  protected SearchService openSearch() {
    return new SolrSearchService(client, collections, vectors, analyzers, limits);
  }

  @Override
  protected ArticleStore openStore() throws IOException {
    SolrSearchService s = (SolrSearchService) engineSearch();
    return new SolrArticleStore(client, collections, documents, vectors, s.facts(), this::indexer);
  }

  /** The collection names behind the alias, for tests and operators. */
  SolrCollections collections() {
    return collections;
  }

  SolrVectors vectors() {
    return vectors;
  }

  SolrCloudClient client() {
    return client;
  }

  @Override
  protected void closeEngine() throws IOException {
    try {
      client.close();
    } finally {
      try {
        analyzers.close();
      } finally {
        embedder.close();
      }
    }
  }
}
