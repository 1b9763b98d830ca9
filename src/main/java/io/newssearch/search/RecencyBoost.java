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
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;

/**
 * A score multiplier that decays with an article's age: {@code floor + (1 - floor) * 0.5^(age /
 * halfLife)}. A story published now keeps its full relevance score, one a half-life old
 * {@code (1 + floor) / 2} of it, very old or undated ones {@code floor}. The floor keeps a highly
 * relevant old story above a barely relevant new one.
 */
public final class RecencyBoost extends DoubleValuesSource {

  /**
   * The default {@code recency_scale}. News ages fast: after two weeks a story has lost half its
   * freshness bonus.
   */
  public static final Duration DEFAULT_HALF_LIFE = Duration.ofDays(14);
  /** A longer half-life than ten years would make the decay meaningless for news. */
  public static final Duration MAX_HALF_LIFE = Duration.ofDays(3650);
  public static final double DEFAULT_FLOOR = 0.5;
  /** Explanation descriptions of this source start with this, so {@link ScoreBreakdown} can find them. */
  static final String LABEL = "recency";

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
        value = published.advanceExact(doc) ? factor(published.longValue()) : floor;
        return true;
      }
    };
  }

  /** The multiplier for an article published at {@code publishedMillis}. */
  double factor(long publishedMillis) {
    double age = Math.max(0, nowMillis - publishedMillis);
    return floor + (1 - floor) * Math.pow(0.5, age / halfLifeMillis);
  }

  /** Says the age and half-life, so a reader sees why the factor is what it is. */
  @Override
  public Explanation explain(LeafReaderContext ctx, int docId, Explanation scoreExplanation) throws IOException {
    NumericDocValues published = DocValues.getNumeric(ctx.reader(), Schema.PUBLISHED);
    return explain(published.advanceExact(docId) ? published.longValue() : null);
  }

  /** The factor for an article published at {@code publishedMillis} (null: undated), explained. */
  Explanation explain(Long publishedMillis) {
    if (publishedMillis == null) {
      return Explanation.match(floor, LABEL + ": undated, floor " + floor);
    }
    long age = Math.max(0, nowMillis - publishedMillis);
    return Explanation.match(factor(publishedMillis), String.format(java.util.Locale.ROOT,
        "%s: age %.1f days, half-life %s, floor %s", LABEL, age / 86_400_000.0,
        Durations.format(Duration.ofMillis((long) halfLifeMillis)), floor));
  }

  /**
   * The decay as an explanation node for a backend that computes it itself (Solr's function
   * query), so {@link ScoreBreakdown} reads it as it reads ours.
   */
  public static Explanation explanation(Instant now, Duration halfLife, Instant published) {
    return new RecencyBoost(now, halfLife, DEFAULT_FLOOR).explain(published == null ? null : published.toEpochMilli());
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
