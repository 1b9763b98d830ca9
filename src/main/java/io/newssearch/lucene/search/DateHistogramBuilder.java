package io.newssearch.lucene.search;

import io.newssearch.lucene.Schema;
import io.newssearch.search.DateHistogramPlan;
import io.newssearch.search.SearchResult.DateHistogram;
import java.io.IOException;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollector.MatchingDocs;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.search.DocIdSetIterator;

/**
 * Counts the matching articles' publication dates into the buckets {@link DateHistogramPlan}
 * chooses. Every bucket is whole UTC days, so matches are counted per day in one pass over the doc
 * values — an int per day between the index's oldest and newest article, no object per match —
 * and the days are then added into the plan's buckets.
 */
final class DateHistogramBuilder {

  private static final long DAY = 86_400_000L;

  /** An index spanning more days (some 2,800 years) is counted bucket by bucket in two passes. */
  private static final long MAX_DAYS = 1 << 20;

  private DateHistogramBuilder() {}

  /** @param scale what one counted article stands for (above 1 when the matches were sampled) */
  static DateHistogram build(IndexReader reader, FacetsCollector hits, double scale) throws IOException {
    byte[] lo = PointValues.getMinPackedValue(reader, Schema.PUBLISHED);
    if (lo == null) {
      return DateHistogramPlan.EMPTY;
    }
    long first = Math.floorDiv(LongPoint.decodeDimension(lo, 0), DAY);
    long last = Math.floorDiv(LongPoint.decodeDimension(PointValues.getMaxPackedValue(reader, Schema.PUBLISHED), 0), DAY);
    if (last - first >= MAX_DAYS) {
      return byBucket(hits, scale);
    }
    int[] perDay = new int[(int) (last - first + 1)];
    int[] span = {Integer.MAX_VALUE, -1}; // the first and last day with a match
    forEachDate(hits, millis -> {
      int d = (int) (Math.floorDiv(millis, DAY) - first);
      perDay[d]++;
      span[0] = Math.min(span[0], d);
      span[1] = Math.max(span[1], d);
    });
    int min = span[0], max = span[1];
    if (max < 0) {
      return DateHistogramPlan.EMPTY;
    }
    DateHistogramPlan plan = DateHistogramPlan.of((first + min) * DAY, (first + max) * DAY);
    long[] counts = new long[plan.starts().size()];
    for (int d = min; d <= max; d++) {
      if (perDay[d] > 0) {
        counts[plan.bucketOf((first + d) * DAY)] += perDay[d];
      }
    }
    return plan.histogram(scaled(counts, scale));
  }

  /** The span of the matches, then each match into its bucket. */
  private static DateHistogram byBucket(FacetsCollector hits, double scale) throws IOException {
    long[] span = {Long.MAX_VALUE, Long.MIN_VALUE};
    forEachDate(hits, millis -> {
      span[0] = Math.min(span[0], millis);
      span[1] = Math.max(span[1], millis);
    });
    if (span[0] > span[1]) {
      return DateHistogramPlan.EMPTY;
    }
    DateHistogramPlan plan = DateHistogramPlan.of(span[0], span[1]);
    long[] counts = new long[plan.starts().size()];
    forEachDate(hits, millis -> counts[plan.bucketOf(millis)]++);
    return plan.histogram(scaled(counts, scale));
  }

  private static long[] scaled(long[] counts, double scale) {
    if (scale != 1) {
      for (int i = 0; i < counts.length; i++) {
        counts[i] = Math.round(counts[i] * scale);
      }
    }
    return counts;
  }

  private static void forEachDate(FacetsCollector hits, java.util.function.LongConsumer action) throws IOException {
    for (MatchingDocs md : hits.getMatchingDocs()) {
      NumericDocValues published = DocValues.getNumeric(md.context().reader(), Schema.PUBLISHED);
      DocIdSetIterator it = md.bits().iterator();
      for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
        if (published.advanceExact(doc)) {
          action.accept(published.longValue());
        }
      }
    }
  }
}
