/**
 * newssearch: one search contract, two engines.
 *
 * <pre>
 *   cli, http ──────────────► contract: search (SearchService, SearchRequest/Result, SearchParameters,
 *      │                                 QueryChecker, Ranking, Recency, DateHistogramPlan ...)
 *      │                              index (Indexer, IndexTarget, ArticleStore, IndexedArticle ...)
 *      │                              Engine, EngineBase (this package)
 *      └─ picks one ─► lucene (LuceneEngine, embedded) │ solr (SolrEngine, SolrCloud) ─► contract
 *   both engines and the pipeline: article, ingest, analysis, story, entities
 * </pre>
 *
 * {@link io.newssearch.Engine} is one engine wired together: article preparation, bulk indexing,
 * search and API writes over one store of articles; {@link io.newssearch.EngineBase} is the wiring
 * both engines share. Neither engine imports the other; the contract packages and {@code http}
 * import neither; {@code cli.IndexOptions} is the one place that picks one.
 */
package io.newssearch;
