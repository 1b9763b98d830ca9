package io.newssearch.lucene.search;

import io.newssearch.search.SearchResult;
import io.newssearch.lucene.IndexView;
import io.newssearch.lucene.Schema;
import io.newssearch.search.SearchResult.FacetValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.StringValueFacetCounts;

/** Counts a keyword field's values over a set of matching documents. */
final class FacetCounter {

  private FacetCounter() {}

  /** @param scale what one counted article stands for (above 1 when the matches were sampled) */
  static List<FacetValue> count(IndexView view, String field, FacetsCollector hits, List<String> selected,
      double scale) throws IOException {
    if (view.reader().maxDoc() == 0) {
      return List.of();
    }
    StringValueFacetCounts counts = new StringValueFacetCounts(view.facetState(field), hits);
    FacetResult top = counts.getTopChildren(SearchResult.Facets.TOP_VALUES, field);
    Set<String> wanted = new LinkedHashSet<>(selected);
    List<FacetValue> out = new ArrayList<>();
    if (top != null) {
      for (LabelAndValue lv : top.labelValues) {
        out.add(new FacetValue(lv.label, Math.round(lv.value.longValue() * scale), wanted.remove(lv.label)));
      }
    }
    for (String value : wanted) { // selected but not among the top values
      Number n = counts.getSpecificValue(field, value);
      out.add(new FacetValue(value, n.longValue() < 0 ? 0 : Math.round(n.longValue() * scale), true));
    }
    return out;
  }

  static boolean isKeywordFacet(String field) {
    return field.equals(Schema.LANGUAGE) || field.equals(Schema.TAGS_KEYWORD)
        || field.equals(Schema.SOURCE_KEYWORD);
  }
}
