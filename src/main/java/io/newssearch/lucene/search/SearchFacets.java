package io.newssearch.lucene.search;

import io.newssearch.lucene.IndexView;
import io.newssearch.lucene.Schema;
import io.newssearch.search.Facet;
import io.newssearch.search.SearchRequest;
import io.newssearch.search.SearchResult.Facets;
import java.io.IOException;
import java.util.Set;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * The facet counts of a search, from the matching articles a pass recorded (a
 * {@link FacetsCollector} beside the top hits, so the match set is walked once) and Lucene's facet
 * module over doc values. A dimension with an active filter is counted drill-sideways — with every
 * filter but its own, in a pass of its own — so its other values stay visible; only those cost an
 * extra pass.
 *
 * <p>A search matching many articles is counted over a {@link MatchSample} of them instead, each
 * count scaled by what a sampled article stands for: the work is the sample's, not the match
 * set's (at a million articles, counting every match was most of a broad search's CPU). The
 * response says so ({@code facets_count}). Only the facets the request asks for are counted.
 */
final class SearchFacets {

  private SearchFacets() {}

  /** Every count exact, over the matches recorded. */
  static Facets count(IndexView view, IndexSearcher searcher, SearchRequest r, Query scored,
      FacetsCollector matching) throws IOException {
    return count(view, searcher, r, scored, matching, null);
  }

  /**
   * Estimates: each dimension counted over the sample of its matches and scaled.
   *
   * @param matching the sampled matches of the search
   */
  static Facets estimate(IndexView view, IndexSearcher searcher, SearchRequest r, Query scored,
      FacetsCollector matching, MatchSample sample) throws IOException {
    return count(view, searcher, r, scored, matching, sample);
  }

  private static Facets count(IndexView view, IndexSearcher searcher, SearchRequest r, Query scored,
      FacetsCollector matching, MatchSample sample) throws IOException {
    double scale = sample == null ? 1 : sample.scale();
    Set<Facet> wanted = r.facets();
    return new Facets(
        wanted.contains(Facet.LANGUAGE) ? FacetCounter.count(view, Schema.LANGUAGE,
            sideways(searcher, r, scored, matching, Filters.Dim.LANGUAGE, sample), r.languages(), scale) : null,
        wanted.contains(Facet.TAGS) ? FacetCounter.count(view, Schema.TAGS_KEYWORD, matching, r.tags(), scale) : null,
        wanted.contains(Facet.SOURCE) ? FacetCounter.count(view, Schema.SOURCE_KEYWORD,
            sideways(searcher, r, scored, matching, Filters.Dim.SOURCE, sample), r.sources(), scale) : null,
        wanted.contains(Facet.DATE) ? DateHistogramBuilder.build(view.reader(),
            sideways(searcher, r, scored, matching, Filters.Dim.DATE, sample), scale) : null,
        wanted.contains(Facet.PERSON) ? FacetCounter.count(view, Schema.PERSON, matching, r.persons(), scale) : null,
        wanted.contains(Facet.ORG) ? FacetCounter.count(view, Schema.ORG, matching, r.orgs(), scale) : null,
        wanted.contains(Facet.PLACE) ? FacetCounter.count(view, Schema.PLACE, matching, r.places(), scale) : null);
  }

  private static FacetsCollector sideways(IndexSearcher searcher, SearchRequest r, Query scored,
      FacetsCollector matching, Filters.Dim dim, MatchSample sample) throws IOException {
    if (!Filters.active(r, dim)) {
      return matching;
    }
    Query others = Filters.apply(scored, Filters.of(r, dim));
    return searcher.search(sample == null ? others : sample.within(others), new FacetsCollectorManager());
  }
}
