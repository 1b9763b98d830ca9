package io.newssearch.search;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.apache.lucene.search.Explanation;

/**
 * The recency decay of {@code sort=recency}, the same on every engine: a score multiplier
 * {@code floor + (1 - floor) * 0.5^(age / halfLife)}. A story published now keeps its full
 * relevance score, one a half-life old {@code (1 + floor) / 2} of it, very old or undated ones
 * {@code floor}. The floor keeps a highly relevant old story above a barely relevant new one.
 *
 * @param now the instant ages are measured from
 * @param halfLife the request's {@code recency_scale}
 * @param floor the multiplier of very old and undated articles
 */
public record Recency(Instant now, Duration halfLife, double floor) {

  /**
   * The default {@code recency_scale}. News ages fast: after two weeks a story has lost half its
   * freshness bonus.
   */
  public static final Duration DEFAULT_HALF_LIFE = Duration.ofDays(14);
  /** A longer half-life than ten years would make the decay meaningless for news. */
  public static final Duration MAX_HALF_LIFE = Duration.ofDays(3650);
  public static final double DEFAULT_FLOOR = 0.5;
  /** Explanations of the decay start with this, so {@link ScoreBreakdown} can find them. */
  public static final String LABEL = "recency";

  /** The decay of a request: its {@code now} and {@code recency_scale}, the default floor. */
  public static Recency of(SearchRequest r) {
    return new Recency(r.now(), r.recencyScale(), DEFAULT_FLOOR);
  }

  /** The multiplier for an article published at {@code publishedMillis}. */
  public double factor(long publishedMillis) {
    double age = Math.max(0, now.toEpochMilli() - publishedMillis);
    return floor + (1 - floor) * Math.pow(0.5, age / halfLife.toMillis());
  }

  /**
   * The factor for an article published at {@code publishedMillis} (null: undated) as an
   * explanation node that says the age and half-life, so a reader sees why it is what it is. An
   * engine that computes the decay itself (Solr's function query) hands this to
   * {@link ScoreBreakdown} as the embedded index does.
   */
  public Explanation explain(Long publishedMillis) {
    if (publishedMillis == null) {
      return Explanation.match(floor, LABEL + ": undated, floor " + floor);
    }
    long age = Math.max(0, now.toEpochMilli() - publishedMillis);
    return Explanation.match(factor(publishedMillis), String.format(Locale.ROOT,
        "%s: age %.1f days, half-life %s, floor %s", LABEL, age / 86_400_000.0,
        Durations.format(halfLife), floor));
  }

  /** The explanation for an article published at {@code published} (null: undated). */
  public Explanation explain(Instant published) {
    return explain(published == null ? null : published.toEpochMilli());
  }
}
