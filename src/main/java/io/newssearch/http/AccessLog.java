package io.newssearch.http;

import io.javalin.http.Context;
import io.javalin.http.RequestLogger;
import io.javalin.router.Endpoint;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs once per request after it is answered: one access-log line (method, path with query string,
 * status, milliseconds) and the request metrics by route template. Never the body or any header,
 * so an {@code Authorization} key cannot reach the log.
 */
final class AccessLog implements RequestLogger {

  /** A logger of its own, so deployments can route or silence the access log in logback.xml. */
  static final Logger log = LoggerFactory.getLogger("io.newssearch.http.access");

  private final Metrics metrics;

  AccessLog(Metrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void handle(Context ctx, Float ms) {
    String query = ctx.queryString();
    int status = ctx.statusCode();
    log.info("{} {}{} {} {}ms", ctx.method(), ctx.path(), query == null ? "" : "?" + query, status,
        String.format(Locale.ROOT, "%.1f", ms));
    metrics.recordRequest(ctx.method().name(), route(ctx), status, Duration.ofNanos((long) (ms * 1_000_000)));
  }

  /** The path template that matched ({@code /api/articles/{id}}), not the raw path. */
  static String route(Context ctx) {
    Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
    return matched == null ? Metrics.UNMATCHED : matched.path;
  }
}
