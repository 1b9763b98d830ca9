package io.newssearch.lucene.search;

import io.newssearch.lucene.IndexView;
import io.newssearch.lucene.Schema;
import io.newssearch.search.SearchRequest;
import io.newssearch.search.SearchResult.Facets;
import java.io.IOException;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * The facet counts of a search, from the matching articles the main pass recorded (a
 * {@link FacetsCollector} beside the top hits, so the match set is walked once) and Lucene's facet
 * module over doc values. A dimension with an active filter is counted drill-sideways — with every
 * filter but its own, in a pass of its own — so its other values stay visible; only those cost an
 * extra pass.
 */
final class SearchFacets {

  private SearchFacets() {}

  static Facets count(IndexView view, IndexSearcher searcher, SearchRequest r, Query scored,
      FacetsCollector matching) throws IOException {
    return new Facets(
        FacetCounter.count(view, Schema.LANGUAGE, sideways(searcher, r, scored, matching, Filters.Dim.LANGUAGE),
            r.languages()),
        FacetCounter.count(view, Schema.TAGS_KEYWORD, matching, r.tags()),
        FacetCounter.count(view, Schema.SOURCE_KEYWORD, sideways(searcher, r, scored, matching, Filters.Dim.SOURCE),
            r.sources()),
        DateHistogramBuilder.build(view.reader(), sideways(searcher, r, scored, matching, Filters.Dim.DATE)),
        FacetCounter.count(view, Schema.PERSON, matching, r.persons()),
        FacetCounter.count(view, Schema.ORG, matching, r.orgs()),
        FacetCounter.count(view, Schema.PLACE, matching, r.places()));
  }

  private static FacetsCollector sideways(IndexSearcher searcher, SearchRequest r, Query scored,
      FacetsCollector matching, Filters.Dim dim) throws IOException {
    if (!Filters.active(r, dim)) {
      return matching;
    }
    return searcher.search(Filters.apply(scored, Filters.of(r, dim)), new FacetsCollectorManager());
  }
}
