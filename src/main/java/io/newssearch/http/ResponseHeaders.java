package io.newssearch.http;

import io.javalin.http.Context;

/** Headers every answer carries, and those of the HTML pages. */
final class ResponseHeaders {

  /**
   * The page loads its script, stylesheet and icon from this server and talks only to its API;
   * nothing inline, nothing from elsewhere, never inside a frame. Style set from the script goes
   * through the CSSOM ({@code el.style.setProperty}), which this allows; a {@code style}
   * attribute would not be.
   */
  static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
      + "img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
  /** Article links lead to other sites: they learn that a visitor came from here, not what was searched. */
  static final String REFERRER_POLICY = "strict-origin-when-cross-origin";

  private ResponseHeaders() {}

  /**
   * A before-handler for every request. Any answer may be compressed when it is large enough and
   * the client accepts gzip, so every answer varies by {@code Accept-Encoding} (a cache must not
   * hand a gzip body to a client that did not ask for one); {@code nosniff} keeps browsers from
   * reading JSON or text as something else.
   */
  static void common(Context ctx) {
    addVary(ctx, "Accept-Encoding");
    ctx.header("X-Content-Type-Options", "nosniff");
  }

  /** The security headers of an HTML page. */
  static void htmlPage(Context ctx) {
    ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    ctx.header("Referrer-Policy", REFERRER_POLICY);
    ctx.header("X-Frame-Options", "DENY"); // frame-ancestors for browsers that predate CSP 2
  }

  /** Adds a token to the one {@code Vary} header. */
  static void addVary(Context ctx, String token) {
    String vary = ctx.res().getHeader("Vary");
    ctx.header("Vary", vary == null || vary.isBlank() ? token : vary + ", " + token);
  }
}
