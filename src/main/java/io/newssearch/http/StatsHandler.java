package io.newssearch.http;

import io.newssearch.search.Parameters;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.newssearch.search.SearchService;
import java.util.Set;

/** {@code GET /api/stats}: counts by language and source, date span, size and segments of the index. */
final class StatsHandler implements Handler {

  private final SearchService search;

  StatsHandler(SearchService search) {
    this.search = search;
  }

  @Override
  public void handle(Context ctx) throws Exception {
    Parameters.of(ctx.queryParamMap(), Set.of());
    ctx.json(search.stats());
  }
}
