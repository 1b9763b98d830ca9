package io.newssearch.http;

/** An error a handler answers with a given status, code and message that is safe to show. */
public final class HttpError extends RuntimeException {

  private final int status;
  private final String code;

  public HttpError(int status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public static HttpError notFound(String message) {
    return new HttpError(404, "not_found", message);
  }
}
