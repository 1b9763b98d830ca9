package io.newssearch.lucene.search;

import io.newssearch.lucene.Schema;
import io.newssearch.search.Recency;
import java.io.IOException;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.Explanation;

/**
 * The {@link Recency} decay as a Lucene score multiplier, read from the publication date's doc
 * values.
 */
final class RecencyBoost extends ScoreFactor {

  private final Recency recency;

  RecencyBoost(Recency recency) {
    this.recency = recency;
  }

  @Override
  public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
    NumericDocValues published = DocValues.getNumeric(ctx.reader(), Schema.PUBLISHED);
    return new DoubleValues() {
      private double value = recency.floor();

      @Override
      public double doubleValue() {
        return value;
      }

      @Override
      public boolean advanceExact(int doc) throws IOException {
        value = published.advanceExact(doc) ? recency.factor(published.longValue()) : recency.floor();
        return true;
      }
    };
  }

  @Override
  public Explanation explain(LeafReaderContext ctx, int docId, Explanation scoreExplanation) throws IOException {
    NumericDocValues published = DocValues.getNumeric(ctx.reader(), Schema.PUBLISHED);
    return recency.explain(published.advanceExact(docId) ? published.longValue() : null);
  }

  @Override
  public boolean isCacheable(LeafReaderContext ctx) {
    return false; // depends on the request's "now"
  }

  @Override
  public int hashCode() {
    return recency.hashCode();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RecencyBoost r && r.recency.equals(recency);
  }

  @Override
  public String toString() {
    return "recency(halfLife=" + recency.halfLife() + ", floor=" + recency.floor() + ")";
  }
}
