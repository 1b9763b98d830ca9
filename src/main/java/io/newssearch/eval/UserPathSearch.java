package io.newssearch.eval;

import io.newssearch.search.SearchMode;
import io.newssearch.search.SearchRequest;
import io.newssearch.search.SearchResult;
import io.newssearch.search.SearchService;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The lexical ranking as a user gets it: {@link SearchService#search} with the default request
 * (lenient syntax, OR, relevance, the shipped ranking) paged by cursor to the depth an evaluation
 * needs. Two settings differ from the defaults, on purpose: date phrases are not read out of the
 * query (a headline's "in 2019" is not a filter request, and the collections' articles are mostly
 * undated), and {@code collapse} is the caller's choice (a run of stories is not a run of articles).
 */
final class UserPathSearch {

  private final SearchService service;
  private final Instant now;

  UserPathSearch(SearchService service, Instant now) {
    this.service = service;
    this.now = now;
  }

  /** Article ids, best first, at most {@code depth}, in the index's default mode. */
  List<String> ids(String query, int depth, boolean collapse) throws IOException {
    return ids(query, depth, collapse, null);
  }

  /**
   * As above, in the given mode (null: the index's default). Semantic search is paged by page
   * number, as its kNN takes page × size articles (a cursor pages within the first 100).
   */
  List<String> ids(String query, int depth, boolean collapse, SearchMode mode) throws IOException {
    if (mode == SearchMode.SEMANTIC) {
      List<String> out = new ArrayList<>();
      for (int page = 1; out.size() < depth && (long) page * SearchRequest.MAX_SIZE <= SearchRequest.MAX_WINDOW; page++) {
        SearchResult result = service.search(SearchRequest.builder().query(query).size(SearchRequest.MAX_SIZE)
            .page(page).collapse(collapse).dates(false).now(now).mode(mode).build());
        result.hits().stream().limit(depth - out.size()).forEach(h -> out.add(h.id()));
        if (result.hits().size() < SearchRequest.MAX_SIZE) {
          break;
        }
      }
      return out;
    }
    List<String> out = new ArrayList<>();
    String cursor = null;
    while (out.size() < depth) {
      SearchRequest r = SearchRequest.builder().query(query).size(Math.min(SearchRequest.MAX_SIZE, depth - out.size()))
          .cursor(cursor).collapse(collapse).dates(false).now(now).mode(mode).build();
      SearchResult result = service.search(r);
      result.hits().forEach(h -> out.add(h.id()));
      cursor = result.nextCursor();
      if (cursor == null || result.hits().isEmpty()) {
        break;
      }
    }
    return out;
  }
}
