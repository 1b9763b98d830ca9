package io.newssearch.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.newssearch.search.SearchService;
import java.util.Map;

/** {@code GET /health}: up, and how many articles it serves. */
final class HealthHandler implements Handler {

  private final SearchService search;

  HealthHandler(SearchService search) {
    this.search = search;
  }

  @Override
  public void handle(Context ctx) throws Exception {
    // Still 200 when degraded: the server answers; the warnings say what an operator must do.
    var warnings = search.warnings();
    ctx.json(Map.of("status", warnings.isEmpty() ? "ok" : "degraded", "articles", search.count(), "warnings", warnings));
  }
}
