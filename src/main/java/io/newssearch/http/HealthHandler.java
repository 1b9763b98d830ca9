package io.newssearch.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.newssearch.search.SearchService;
import java.util.Map;

/**
 * {@code GET /health} (readiness): 200 with the number of articles served, or 503 with the
 * progress while the first index is built. {@code GET /health/live} (liveness): 200 while the
 * process answers at all, for a check that should restart it only when it is stuck.
 */
final class HealthHandler implements Handler {

  private final SearchService search;
  private final Readiness readiness;

  HealthHandler(SearchService search, Readiness readiness) {
    this.search = search;
    this.readiness = readiness;
  }

  @Override
  public void handle(Context ctx) throws Exception {
    if (!readiness.isReady()) {
      ctx.header("Retry-After", Integer.toString(Readiness.RETRY_AFTER_SECONDS));
      ctx.status(503).json(readiness.progress());
      return;
    }
    // Still 200 when degraded: the server answers; the warnings say what an operator must do.
    var warnings = search.warnings();
    ctx.json(Map.of("status", warnings.isEmpty() ? "ok" : "degraded", "articles", search.count(), "warnings", warnings));
  }

  static void live(Context ctx) {
    ctx.json(Map.of("status", "alive"));
  }
}
