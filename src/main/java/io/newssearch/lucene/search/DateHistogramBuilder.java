package io.newssearch.lucene.search;

import io.newssearch.lucene.Schema;
import io.newssearch.search.DateHistogramPlan;
import io.newssearch.search.SearchResult.DateHistogram;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollector.MatchingDocs;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;

/** Counts the matching articles' publication dates into the buckets {@link DateHistogramPlan} chooses. */
final class DateHistogramBuilder {

  private DateHistogramBuilder() {}

  static DateHistogram build(FacetsCollector hits) throws IOException {
    List<Long> dates = new ArrayList<>();
    for (MatchingDocs md : hits.getMatchingDocs()) {
      NumericDocValues published = DocValues.getNumeric(md.context().reader(), Schema.PUBLISHED);
      DocIdSetIterator it = md.bits().iterator();
      for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
        if (published.advanceExact(doc)) {
          dates.add(published.longValue());
        }
      }
    }
    if (dates.isEmpty()) {
      return DateHistogramPlan.EMPTY;
    }
    DateHistogramPlan plan = DateHistogramPlan.of(dates.stream().mapToLong(Long::longValue).min().getAsLong(),
        dates.stream().mapToLong(Long::longValue).max().getAsLong());
    long[] counts = new long[plan.starts().size()];
    for (long millis : dates) {
      counts[plan.bucketOf(millis)]++;
    }
    return plan.histogram(counts);
  }
}
