package io.newssearch.lucene.search;

import io.newssearch.lucene.IndexView;
import io.newssearch.search.SearchRequest;
import io.newssearch.search.SearchResult.Facets;
import io.newssearch.search.SortOrder;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;

/**
 * The counts of a search that matches every article — the empty query without filters, i.e.
 * browsing the archive — which depend on the index view alone: articles, stories and facets are
 * counted once per view, on the first such search, and every later browse only ranks its page.
 * The same numbers a full pass would give, since the match set is the same.
 *
 * @param stories distinct stories among the live articles
 */
record WholeIndex(long articles, long stories, Facets facets) {

  /** Whether a search's match set is every article of the view. */
  static boolean matches(Query text, List<Query> filters) {
    return text instanceof MatchAllDocsQuery && filters.isEmpty();
  }

  static WholeIndex of(IndexView view) {
    return view.derived(WholeIndex.class, WholeIndex::count);
  }

  private static WholeIndex count(IndexView view) throws IOException {
    Query all = new MatchAllDocsQuery();
    FacetsCollector matching = view.searcher().search(all, new FacetsCollectorManager());
    // A request without filters: no dimension is counted sideways, nothing is selected.
    Facets facets = SearchFacets.count(view, view.searcher(), SearchRequest.builder().build(), all, matching);
    long stories = view.searcher().search(all,
        TopStories.manager(SortOrder.DATE, 1, true, null)).stories();
    return new WholeIndex(view.reader().numDocs(), stories, facets);
  }
}
