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
 * How many articles a search matches: bounded before it runs (to choose between walking every
 * match and sampling them), and counted from what a pass recorded.
 */
final class MatchCount {

  private MatchCount() {}

  /**
   * An upper bound of the matches, from the cost of each segment's iterators (which Lucene keeps
   * without walking them): a search bounded by a few thousand is walked whole anyway, and a larger
   * bound sizes the sample that estimates how many it truly matches ({@link SampledMatches}).
   */
  static long bound(IndexSearcher searcher, Query query) throws IOException {
    Weight w = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
    long bound = 0;
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      ScorerSupplier s = w.scorerSupplier(leaf);
      bound += s == null ? 0 : s.cost();
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
