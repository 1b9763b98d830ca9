package io.newssearch.http;

import io.newssearch.search.SearchParameters;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.newssearch.search.SearchRequest;
import io.newssearch.search.SearchResult;
import io.newssearch.search.SearchService;
import java.time.Duration;

/** {@code GET /api/search}: ranked, highlighted, faceted hits. */
final class SearchHandler implements Handler {

  private final SearchService search;
  private final Metrics metrics;

  SearchHandler(SearchService search, Metrics metrics) {
    this.search = search;
    this.metrics = metrics;
  }

  @Override
  public void handle(Context ctx) throws Exception {
    SearchRequest request = SearchParameters.parse(ctx.queryParamMap());
    long start = System.nanoTime();
    SearchResult result = search.search(request);
    metrics.recordSearch(result.timedOut(), Duration.ofNanos(System.nanoTime() - start));
    ctx.json(result);
  }
}
