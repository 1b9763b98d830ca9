package io.newssearch.lucene.search;

import java.io.IOException;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollector.MatchingDocs;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;

/**
 * How many articles a search matches, counted only when it decides how the search runs: a
 * search whose iterators promise few matches (their cost, an upper bound Lucene keeps for each
 * segment) is counted by the pass that collects them anyway; only a broad one is counted on its
 * own, without scores, before its page is found by skipping.
 */
final class MatchCount {

  private MatchCount() {}

  /**
   * The number of matches when it may exceed {@code limit}; otherwise a number no greater than
   * {@code limit} that the caller replaces with the count of its own pass.
   */
  static long of(IndexSearcher searcher, Query query, int limit) throws IOException {
    Weight w = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
    long bound = 0;
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      ScorerSupplier s = w.scorerSupplier(leaf);
      bound += s == null ? 0 : s.cost();
      if (bound > limit) {
        return searcher.count(query);
      }
    }
    return bound;
  }

  /** The matches a pass recorded. */
  static long of(FacetsCollector matching) {
    long total = 0;
    for (MatchingDocs md : matching.getMatchingDocs()) {
      total += md.totalHits();
    }
    return total;
  }
}
