package io.newssearch.lucene.search;

import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;

/**
 * A per-document factor a {@link ScoreFactorQuery} multiplies scores by (a language's fit, a
 * recency decay): read from doc values, never from the score, and with nothing to rewrite.
 */
abstract class ScoreFactor extends DoubleValuesSource {

  @Override
  public final boolean needsScores() {
    return false;
  }

  @Override
  public final DoubleValuesSource rewrite(IndexSearcher searcher) {
    return this;
  }
}
