/**
 * Searching the embedded index: {@link io.newssearch.lucene.search.LuceneSearchService} holds one
 * index view per request and runs checked query → Lucene query per language
 * ({@link io.newssearch.lucene.search.QueryFactory}) → filters → top hits, collapse by story and
 * facets → snippets and stored fields → did-you-mean. Related articles, completions, story
 * versions and statistics each have a class of their own.
 */
package io.newssearch.lucene.search;
