package io.newssearch.http;

import io.newssearch.search.Parameters;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Set;

/** {@code GET /metrics}: every meter in the Prometheus text format. */
final class MetricsHandler implements Handler {

  /** Prometheus text exposition format 0.0.4, what every scraper accepts. */
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final Metrics metrics;

  MetricsHandler(Metrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void handle(Context ctx) {
    Parameters.of(ctx.queryParamMap(), Set.of());
    ctx.contentType(CONTENT_TYPE).result(metrics.scrape());
  }
}
