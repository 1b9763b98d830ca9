package io.newssearch.http;

import io.javalin.http.Context;
import io.newssearch.search.InvalidRequestException;
import io.newssearch.search.SearchParameters;
import io.newssearch.search.SearchRequest;
import io.newssearch.search.SearchResult;
import io.newssearch.search.SearchService;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/search} and {@code POST /api/search}: ranked, highlighted, faceted hits. Both read
 * their parameters through {@link SearchParameters}, the query string or the JSON body
 * ({@link SearchBody}), and answer alike.
 */
final class SearchHandler {

  private final SearchService search;
  private final Metrics metrics;
  private final RequestBody body;

  SearchHandler(SearchService search, Metrics metrics, RequestBody body) {
    this.search = search;
    this.metrics = metrics;
    this.body = body;
  }

  void get(Context ctx) throws IOException {
    answer(ctx, ctx.queryParamMap());
  }

  void post(Context ctx) throws IOException {
    // One source of parameters per request: a q in the URL and another in the body would leave
    // the reader guessing which one was searched.
    if (!ctx.queryParamMap().isEmpty()) {
      String name = ctx.queryParamMap().keySet().iterator().next();
      throw InvalidRequestException.parameter(name, "POST /api/search reads its parameters from the JSON body; "
          + "move it there or use GET");
    }
    RequestBody.mediaType(ctx, RequestBody.JSON_ONLY);
    answer(ctx, SearchBody.parameters(body.text(ctx)));
  }

  private void answer(Context ctx, Map<String, List<String>> params) throws IOException {
    SearchRequest request = SearchParameters.parse(params);
    long start = System.nanoTime();
    SearchResult result = search.search(request);
    metrics.recordSearch(result.timedOut(), Duration.ofNanos(System.nanoTime() - start));
    ctx.json(result);
  }
}
