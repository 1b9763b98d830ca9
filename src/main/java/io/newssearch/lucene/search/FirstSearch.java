package io.newssearch.lucene.search;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;

/**
 * The first search of a ranking that rescores (proximity, feedback, sub-word pieces, the lead):
 * the top articles by the query's words alone, best first, which the rescoring parts score. Those parts only add to a score and
 * only on these articles, so every other match keeps a score at or below {@link #line()}, and every
 * article of the final ranking scored above the line is one of these. A page of stories all scored
 * above it is therefore found among these few articles instead of among every match
 * ({@link PageOfHits#collapsed}).
 *
 * @param top the first search's top articles, best first
 * @param limit how many it asked for: fewer means these are every match
 */
record FirstSearch(ScoreDoc[] top, int limit) {

  /** Whether these are every matching article. */
  boolean complete() {
    return top.length < limit;
  }

  /** The lowest first-search score among them: no other match scores above it. */
  float line() {
    return top[top.length - 1].score;
  }

  /** {@code query} among these articles only (valid on the reader they were found on). */
  Query among(IndexReader reader, Query query) {
    return RankedDocsQuery.among(reader, top, query);
  }
}
