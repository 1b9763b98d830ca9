/**
 * The SolrCloud engine: the same {@code Engine} parts as the embedded one, over a collection of
 * an existing cluster.
 *
 * <ul>
 *   <li>{@link io.newssearch.solr.SolrEngine} wires it together; {@link io.newssearch.solr.SolrCloudClient}
 *       talks to the cluster (ZooKeeper for its state, the JDK's HTTP client for requests).
 *   <li>{@code SolrConfigSet} is the configset that ships in the project; {@code SolrCollections} the
 *       alias and its generations (rebuilds publish by moving the alias).
 *   <li>{@code SolrDocuments} is the only seam between indexed articles and Solr documents;
 *       {@code SolrIndexTarget} writes them (story ids by {@code story.StoryClusters} with
 *       {@code SolrStoryCandidates}), {@code SolrArticleStore} serves API writes.
 *   <li>{@link io.newssearch.solr.SolrSearchService} answers searches: {@code SolrQueries} builds the
 *       request, {@code SolrFacets}, {@code SolrHits}, {@code SolrExplanations} read the answer;
 *       {@code SolrRelated}, {@code SolrSuggest}, {@code SolrStories}, {@code SolrStats} the rest.
 *   <li>Every request goes through {@code SolrRequests} (retries, errors as IOException).
 * </ul>
 */
package io.newssearch.solr;
