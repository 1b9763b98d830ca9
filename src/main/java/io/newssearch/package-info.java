/**
 * {@link io.newssearch.Engine}, one backend wired together: the embedded engine
 * ({@link io.newssearch.lucene.LuceneEngine}) here, the SolrCloud one in {@code solr}; the packages by
 * responsibility below.
 */
package io.newssearch;
