package io.newssearch.http;

import io.javalin.http.Context;
import io.javalin.http.RequestLogger;
import io.javalin.router.Endpoint;
import java.time.Duration;

/**
 * Runs once per request after Javalin answered it: records the request in the metrics by route
 * template, and ends the request's logging context. The access-log line itself is written by
 * {@link AccessLog} at the Jetty level, where the bytes sent are known.
 */
final class RequestMetrics implements RequestLogger {

  private final Metrics metrics;

  RequestMetrics(Metrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void handle(Context ctx, Float ms) {
    metrics.recordRequest(ctx.method().name(), route(ctx), ctx.statusCode(), Duration.ofNanos((long) (ms * 1_000_000)));
    RequestId.clear();
  }

  /** The path template that matched ({@code /api/articles/{id}}), not the raw path. */
  static String route(Context ctx) {
    Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
    return matched == null ? Metrics.UNMATCHED : matched.path;
  }
}
