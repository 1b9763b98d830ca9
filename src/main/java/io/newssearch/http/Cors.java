package io.newssearch.http;

import io.javalin.http.Context;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Cross-origin requests from browsers: off unless origins are configured ({@code serve
 * --cors-origin ORIGIN}, repeatable, {@code *} for any). An allowed origin gets
 * {@code Access-Control-Allow-Origin} on every answer (errors too, so a page can show them) and a
 * preflight ({@code OPTIONS} with {@code Access-Control-Request-Method}) is answered with the
 * path's methods and the request headers the API reads. Another origin gets no CORS headers and
 * its browser refuses the answer; the request itself is served as any other.
 *
 * <p>Written here rather than taken from Javalin's CorsPlugin, which echoes any requested method
 * and header back without checking them and answers a refused origin with a bare 400.
 * Credentials (cookies) are never allowed: the API has none, and the admin key is a header.
 */
public final class Cors {

  /** Request headers a cross-origin page may send beyond the CORS-safelisted ones. */
  static final String ALLOWED_HEADERS = "Authorization, Content-Type, Content-Encoding, If-None-Match, X-Request-Id";
  /** Response headers a cross-origin page may read beyond the safelisted ones. */
  static final String EXPOSED_HEADERS = "ETag, Retry-After, X-Request-Id";
  /** How long a browser may cache a preflight answer, in seconds. */
  static final int MAX_AGE_SECONDS = 600;

  private static final Cors OFF = new Cors(Set.of());

  private final Set<String> origins;

  private Cors(Set<String> origins) {
    this.origins = origins;
  }

  public static Cors off() {
    return OFF;
  }

  /**
   * @param origins {@code *}, or origins as a browser sends them ({@code https://news.example.org},
   *     {@code http://localhost:3000}); a trailing slash is ignored
   * @throws IllegalArgumentException naming an origin that is not scheme://host[:port]
   */
  public static Cors allowing(List<String> origins) {
    return new Cors(origins.stream().map(Cors::normalise).collect(Collectors.toUnmodifiableSet()));
  }

  boolean enabled() {
    return !origins.isEmpty();
  }

  /** A before-handler for every request: the CORS headers of an allowed origin. */
  void handle(Context ctx) {
    String origin = ctx.header("Origin");
    if (!enabled() || origin == null) {
      return;
    }
    ResponseHeaders.addVary(ctx, "Origin");
    if (allows(origin)) {
      ctx.header("Access-Control-Allow-Origin", origins.contains("*") ? "*" : origin);
      ctx.header("Access-Control-Expose-Headers", EXPOSED_HEADERS);
    }
  }

  /**
   * {@code OPTIONS} on a known path: 204 with {@code Allow}, and for a preflight from an allowed
   * origin the methods and headers it may use. Without CORS it is only the {@code Allow} answer.
   */
  void options(Context ctx, String allow) {
    ctx.header("Allow", allow);
    String origin = ctx.header("Origin");
    if (enabled() && origin != null && allows(origin) && ctx.header("Access-Control-Request-Method") != null) {
      ctx.header("Access-Control-Allow-Methods", allow);
      ctx.header("Access-Control-Allow-Headers", ALLOWED_HEADERS);
      ctx.header("Access-Control-Max-Age", Integer.toString(MAX_AGE_SECONDS));
    }
    ctx.status(204);
    ctx.res().setContentType(null); // Javalin's default text/plain; a 204 has no content to type
  }

  private boolean allows(String origin) {
    if (origins.contains("*")) {
      return true;
    }
    try {
      return origins.contains(normalise(origin));
    } catch (IllegalArgumentException e) {
      return false; // "null" (a sandboxed page, a file) or garbage: never allowed by name
    }
  }

  /** scheme://host[:port] in lower case, the form browsers send; {@code *} as is. */
  static String normalise(String origin) {
    String o = origin.strip();
    if (o.equals("*")) {
      return o;
    }
    if (o.endsWith("/")) {
      o = o.substring(0, o.length() - 1);
    }
    URI uri;
    try {
      uri = URI.create(o);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + origin + "' is not an origin such as https://news.example.org");
    }
    if (uri.getScheme() == null || uri.getHost() == null || (uri.getRawPath() != null && !uri.getRawPath().isEmpty())
        || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException("'" + origin + "' is not an origin such as https://news.example.org "
          + "(scheme://host[:port], no path) or *");
    }
    return (uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort()))
        .toLowerCase(Locale.ROOT);
  }
}
