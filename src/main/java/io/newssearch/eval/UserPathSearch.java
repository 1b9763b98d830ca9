package io.newssearch.eval;

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

  /** Article ids, best first, at most {@code depth}. */
  List<String> ids(String query, int depth, boolean collapse) throws IOException {
    List<String> out = new ArrayList<>();
    String cursor = null;
    while (out.size() < depth) {
      SearchRequest r = SearchRequest.builder().query(query).size(Math.min(SearchRequest.MAX_SIZE, depth - out.size()))
          .cursor(cursor).collapse(collapse).dates(false).now(now).build();
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
