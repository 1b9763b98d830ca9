package io.newssearch.search;

/**
 * A search request that cannot be answered as asked: bad parameter value, malformed query in
 * strict mode, bad cursor. The message names the parameter and the problem and is safe to show.
 */
public final class InvalidRequestException extends RuntimeException {

  private final String code;

  public InvalidRequestException(String code, String message) {
    super(message);
    this.code = code;
  }

  /** Machine-readable kind, e.g. {@code invalid_parameter}, {@code query_syntax}, {@code bad_cursor}. */
  public String code() {
    return code;
  }

  public static InvalidRequestException parameter(String name, String problem) {
    return new InvalidRequestException("invalid_parameter", "parameter '" + name + "': " + problem);
  }
}
