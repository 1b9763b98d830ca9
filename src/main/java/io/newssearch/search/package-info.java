/**
 * The search contract, the same for every engine: a search's parameters are read once
 * ({@link io.newssearch.search.SearchParameters}, for HTTP and the command line alike) into an
 * immutable {@link io.newssearch.search.SearchRequest}; an engine's
 * {@link io.newssearch.search.SearchService} answers with a {@link io.newssearch.search.SearchResult}.
 * The rules both engines follow live here too, so they answer alike: the query language and its
 * limits ({@link io.newssearch.search.QueryChecker} → {@link io.newssearch.search.CheckedQuery}),
 * the words a query asks for, which both engines cut into pieces ({@link io.newssearch.search.AskedWords}),
 * ranking settings ({@link io.newssearch.search.Ranking}), the recency decay
 * ({@link io.newssearch.search.Recency}), the date histogram's buckets
 * ({@link io.newssearch.search.DateHistogramPlan}), did-you-mean
 * ({@link io.newssearch.search.Respelling}), completions ({@link io.newssearch.search.TypedCompletion})
 * and score explanations ({@link io.newssearch.search.ScoreBreakdown}); and the second searches
 * every engine answers through ({@link io.newssearch.search.SearchFallbacks}: a date phrase or a
 * quoted phrase that finds nothing, searched as words). No engine is imported here.
 */
package io.newssearch.search;
