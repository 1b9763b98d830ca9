/**
 * Searching the embedded index: {@link io.newssearch.lucene.search.LuceneSearchService} holds one
 * index view per request and runs checked query → Lucene query per language
 * ({@link io.newssearch.lucene.search.QueryFactory}) → filters → one pass over the matches for the
 * top hits (one per story: {@link io.newssearch.lucene.search.TopStories}, a bounded queue over
 * story keys, {@link io.newssearch.lucene.search.StoryKeys}), the story count and the matches the facets are counted from
 * ({@link io.newssearch.lucene.search.SearchFacets}; browsing everything uses the view's counts,
 * {@link io.newssearch.lucene.search.WholeIndex}) → snippets, stored fields and sources of the
 * page's hits only → did-you-mean when few matched. Semantic and hybrid search rank first
 * ({@link io.newssearch.lucene.search.VectorSearch}: kNN with the filters inside, reciprocal-rank
 * fusion) and hand the search one query over the view that holds that ranking
 * ({@link io.newssearch.lucene.search.RankedDocsQuery}), so collapse, facets and snippets are the same. Related articles, completions, story versions
 * and statistics each have a class of their own.
 */
package io.newssearch.lucene.search;
