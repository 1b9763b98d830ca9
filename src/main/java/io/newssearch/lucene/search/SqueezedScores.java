package io.newssearch.lucene.search;

import java.io.IOException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;

/**
 * A score s mapped to {@code ceiling × s / (s + 1)}: order kept, always below the ceiling. Hybrid
 * search ranks the lexical matches past its fused window this way, after every fused hit.
 */
final class SqueezedScores extends DoubleValuesSource {
  private final double ceiling;

  SqueezedScores(double ceiling) {
    this.ceiling = ceiling;
  }

  @Override
  public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) {
    return new DoubleValues() {
      @Override
      public double doubleValue() throws IOException {
        double s = scores.doubleValue();
        return ceiling * s / (s + 1);
      }

      @Override
      public boolean advanceExact(int doc) throws IOException {
        return scores.advanceExact(doc);
      }
    };
  }

  @Override
  public boolean needsScores() {
    return true;
  }

  @Override
  public DoubleValuesSource rewrite(IndexSearcher searcher) {
    return this;
  }

  @Override
  public boolean isCacheable(LeafReaderContext ctx) {
    return false;
  }

  @Override
  public int hashCode() {
    return Double.hashCode(ceiling);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SqueezedScores s && s.ceiling == ceiling;
  }

  @Override
  public String toString() {
    return "below(" + ceiling + ")";
  }
}
