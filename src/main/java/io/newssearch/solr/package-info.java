/**
 * The SolrCloud engine: the same {@code Engine} parts as the embedded one, over a collection of
 * an existing cluster.
 *
 * <ul>
 *   <li>{@link io.newssearch.solr.SolrEngine} wires it together; {@link io.newssearch.solr.SolrCloudClient}
 *       talks to the cluster (ZooKeeper for its state, the JDK's HTTP client for requests);
 *       {@code JdkLoadBalancer} sends every HTTP request, and resends one whose connection broke
 *       before an answer when {@code Resends} says a second copy is harmless.
 *   <li>{@code SolrConfigSet} is the configset that ships in the project; {@code SolrCollections} the
 *       alias and its generations (rebuilds publish by moving the alias), changed through
 *       {@code SolrAdminCalls} (which asks the cluster what a call did when its answer was lost).
 *   <li>{@code SolrDocuments} is the only seam between indexed articles and Solr documents;
 *       {@code SolrIndexTarget} writes them (story ids by {@code story.StoryClusters} with
 *       {@code SolrStoryCandidates}), {@code SolrArticleStore} serves API writes.
 *   <li>{@link io.newssearch.solr.SolrSearchService} answers searches: {@code SolrQueries} builds the
 *       request, {@code SolrFacets}, {@code SolrHits}, {@code SolrExplanations} read the answer, {@code SolrSubwords} adds the
 *       pieces of the query's words on its top articles;
 *       {@code SolrRelated}, {@code SolrSuggest}, {@code SolrStories}, {@code SolrStats} the rest.
 *   <li>Vectors: {@code SolrVectors} says whether a collection has them (a collection property)
 *       and embeds what the index target writes; {@code SolrVectorSearch} turns semantic and
 *       hybrid requests into the scoring query of the usual search ({@code {!knn}}, and the
 *       embedded engine's reciprocal-rank fusion done here).
 *   <li>Every search and write goes through {@code SolrRequests} (retries while the cluster
 *       recovers, errors as IOException).
 * </ul>
 */
package io.newssearch.solr;
