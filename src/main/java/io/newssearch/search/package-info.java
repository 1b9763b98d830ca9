/**
 * Searching: a validated {@link io.newssearch.search.SearchRequest} becomes a query
 * ({@link io.newssearch.lucene.search.QueryFactory}), filters, a sort, facets and snippets, and comes back as a
 * {@link io.newssearch.search.SearchResult}. {@link io.newssearch.search.SearchService} is the seam the HTTP and
 * CLI layers call; {@link io.newssearch.lucene.search.LuceneSearchService} implements it on the embedded index.
 */
package io.newssearch.search;
