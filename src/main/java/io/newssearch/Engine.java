package io.newssearch;

import io.newssearch.index.ArticleStore;
import io.newssearch.index.IndexListener;
import io.newssearch.index.Indexer;
import io.newssearch.ingest.ArticlePreparer;
import io.newssearch.search.SearchService;
import java.io.Closeable;
import java.io.IOException;

/**
 * One backend wired together: article preparation, bulk indexing, search and API writes over one
 * store of articles. The embedded Lucene index ({@link LuceneEngine}) is one; a SolrCloud
 * collection ({@code solr.SolrEngine}) is another. The CLI picks one and hands its parts to the
 * HTTP layer, which sees only the interfaces.
 */
public interface Engine extends Closeable {

  /** Where the articles live, for logs and messages: a directory, or a cluster and collection. */
  String location();

  /** Enrichment and validation, the same for every backend. */
  ArticlePreparer preparer();

  /** An indexer writing into this engine's store. */
  Indexer indexer();

  /** Articles stored now, without opening the search service. */
  long articleCount() throws IOException;

  /** The search service, opened on first use. */
  SearchService search() throws IOException;

  /** Writes over the API; what they write is searchable as soon as they return. */
  ArticleStore store() throws IOException;

  /** Every indexer, API write and rebuild of this engine reports the articles it commits to {@code listener}. */
  void listen(IndexListener listener);

  /**
   * Called by {@code serve} before it serves: an engine that can find its store damaged checks it
   * here, recovers what it can, and throws (with a message saying what to do) when it cannot.
   */
  default void checkBeforeServing() throws IOException {}
}
