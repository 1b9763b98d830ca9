package io.newssearch.search;

import io.newssearch.index.Schema;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;

/**
 * A score multiplier that decays with an article's age: {@code floor + (1 - floor) * 0.5^(age /
 * halfLife)}. A story published now keeps its full relevance score, one a half-life old
 * {@code (1 + floor) / 2} of it, very old or undated ones {@code floor}. The floor keeps a highly
 * relevant old story above a barely relevant new one.
 */
final class RecencyBoost extends DoubleValuesSource {

  /** News ages fast: after two weeks a story has lost half its freshness bonus. */
  static final Duration DEFAULT_HALF_LIFE = Duration.ofDays(14);
  static final double DEFAULT_FLOOR = 0.5;

  private final long nowMillis;
  private final double halfLifeMillis;
  private final double floor;

  RecencyBoost(Instant now, Duration halfLife, double floor) {
    this.nowMillis = now.toEpochMilli();
    this.halfLifeMillis = halfLife.toMillis();
    this.floor = floor;
  }

  @Override
  public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
    NumericDocValues published = DocValues.getNumeric(ctx.reader(), Schema.PUBLISHED);
    return new DoubleValues() {
      private double value = floor;

      @Override
      public double doubleValue() {
        return value;
      }

      @Override
      public boolean advanceExact(int doc) throws IOException {
        if (published.advanceExact(doc)) {
          double age = Math.max(0, nowMillis - published.longValue());
          value = floor + (1 - floor) * Math.pow(0.5, age / halfLifeMillis);
        } else {
          value = floor;
        }
        return true;
      }
    };
  }

  @Override
  public boolean needsScores() {
    return false;
  }

  @Override
  public DoubleValuesSource rewrite(IndexSearcher searcher) {
    return this;
  }

  @Override
  public boolean isCacheable(LeafReaderContext ctx) {
    return false; // depends on the request's "now"
  }

  @Override
  public int hashCode() {
    return Objects.hash(nowMillis, halfLifeMillis, floor);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RecencyBoost r && r.nowMillis == nowMillis
        && r.halfLifeMillis == halfLifeMillis && r.floor == floor;
  }

  @Override
  public String toString() {
    return "recency(halfLife=" + Duration.ofMillis((long) halfLifeMillis) + ", floor=" + floor + ")";
  }
}
