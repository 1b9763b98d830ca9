package io.newssearch.lucene.search;

import io.newssearch.search.SearchRequest;
import io.newssearch.lucene.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;

/**
 * The non-scoring filters of a request, by facet dimension. Facet counting asks for all filters but
 * one dimension's (drill-sideways), so each dimension's filter is built separately.
 */
final class Filters {

  /** Dimensions whose counts are drill-sideways; tags are an AND filter and are not. */
  enum Dim { LANGUAGE, SOURCE, DATE, TAGS }

  private Filters() {}

  /** Every filter of the request except {@code excluded} (null: all). */
  static List<Query> of(SearchRequest r, Dim excluded) {
    List<Query> out = new ArrayList<>();
    if (excluded != Dim.LANGUAGE && !r.languages().isEmpty()) {
      out.add(QueryFactory.languageFilter(new LinkedHashSet<>(r.languages())));
    }
    if (excluded != Dim.SOURCE && !r.sources().isEmpty()) {
      out.add(KeywordField.newSetQuery(Schema.SOURCE_KEYWORD,
          r.sources().stream().map(BytesRef::new).toList()));
    }
    if (excluded != Dim.DATE && (r.from() != null || r.to() != null)) {
      out.add(dateRange(r.from(), r.to()));
    }
    // A date said in the query is a date filter too, on top of from/to (both must hold).
    if (excluded != Dim.DATE && r.interpreted() != null) {
      out.add(dateRange(r.interpreted().from(), r.interpreted().to()));
    }
    if (excluded != Dim.TAGS) {
      for (String tag : r.tags()) {
        out.add(KeywordField.newExactQuery(Schema.TAGS_KEYWORD, tag));
      }
    }
    // Named entities narrow like tags: an article about both X and Y, not X or Y.
    for (String v : r.persons()) out.add(KeywordField.newExactQuery(Schema.PERSON, v));
    for (String v : r.orgs()) out.add(KeywordField.newExactQuery(Schema.ORG, v));
    for (String v : r.places()) out.add(KeywordField.newExactQuery(Schema.PLACE, v));
    return out;
  }

  /** The query with the filters added as non-scoring clauses. */
  static Query apply(Query q, List<Query> filters) {
    if (filters.isEmpty()) {
      return q;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(q, Occur.MUST);
    for (Query f : filters) {
      b.add(f, Occur.FILTER);
    }
    return b.build();
  }

  private static Query dateRange(Instant from, Instant to) {
    long lo = from == null ? Long.MIN_VALUE : from.toEpochMilli();
    long hi = to == null ? Long.MAX_VALUE : to.toEpochMilli();
    // Points answer a selective range fast; doc values are cheaper when other clauses lead.
    return new IndexOrDocValuesQuery(
        LongPoint.newRangeQuery(Schema.PUBLISHED, lo, hi),
        NumericDocValuesField.newSlowRangeQuery(Schema.PUBLISHED, lo, hi));
  }

  static boolean active(SearchRequest r, Dim dim) {
    return switch (dim) {
      case LANGUAGE -> !r.languages().isEmpty();
      case SOURCE -> !r.sources().isEmpty();
      case DATE -> r.from() != null || r.to() != null || r.interpreted() != null;
      case TAGS -> !r.tags().isEmpty();
    };
  }
}
