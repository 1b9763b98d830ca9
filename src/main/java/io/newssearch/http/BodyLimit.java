package io.newssearch.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;

/**
 * Refuses a request whose declared body is over the cap before anything reads it, on every route.
 * A body without a declared length (chunked) is cut off by Javalin while it is read
 * ({@code config.http.maxRequestSize}), which {@link ErrorMapper} answers the same way.
 */
final class BodyLimit implements Handler {

  private final long maxBytes;

  BodyLimit(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  public void handle(Context ctx) {
    long declared = ctx.req().getContentLengthLong();
    if (declared > maxBytes) {
      // The unread body is still on its way: close the connection after answering rather than
      // keep it open (a graceful stop would wait for it).
      ctx.header("Connection", "close");
      throw tooLarge(declared + " bytes", maxBytes);
    }
  }

  static HttpError tooLarge(String size, long maxBytes) {
    return new HttpError(413, "body_too_large", "the request body (" + size + ") is larger than the limit of "
        + maxBytes + " bytes");
  }
}
