package io.newssearch.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Gives every request an id: the client's {@code X-Request-Id} when it is a plain token (so a
 * proxy's or caller's id follows the request through our logs), else a new UUID. The id is echoed
 * in the response header, written in the access log, put in the logging context (MDC) while the
 * request runs, and quoted by the 500 and 503 errors so a user's report can be found in the log.
 */
final class RequestId implements Handler {

  static final String HEADER = "X-Request-Id";
  /** The key under which the id is in the SLF4J MDC (a field of every JSON log line). */
  static final String MDC_KEY = "request_id";
  private static final String ATTRIBUTE = "newssearch.request-id";
  /** Anything else (spaces, quotes, control characters) could forge or break an access-log line. */
  private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:/+=-]{1,128}");

  @Override
  public void handle(Context ctx) {
    String given = ctx.header(HEADER);
    String id = given != null && ACCEPTED.matcher(given).matches() ? given : UUID.randomUUID().toString();
    ctx.attribute(ATTRIBUTE, id);
    ctx.header(HEADER, id);
    MDC.put(MDC_KEY, id);
  }

  /** This request's id; a new one if the request never passed the handler (an error before it). */
  static String of(Context ctx) {
    String id = ctx.attribute(ATTRIBUTE);
    return id != null ? id : UUID.randomUUID().toString();
  }

  /** Called when the request is answered: the handler thread serves other requests next. */
  static void clear() {
    MDC.remove(MDC_KEY);
  }
}
