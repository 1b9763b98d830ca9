package io.newssearch.search;

/**
 * A search request that cannot be answered as asked: bad parameter value, malformed query in
 * strict mode, bad cursor. The message names the parameter and the problem and is safe to show.
 */
public final class InvalidRequestException extends RuntimeException {

  private final String code;
  private final String parameter;
  private final String problem;

  public InvalidRequestException(String code, String message) {
    this(code, message, null, message);
  }

  /** A failure of one parameter with a code of its own (e.g. {@code vectors_unavailable}). */
  InvalidRequestException(String code, String message, String parameter) {
    this(code, message, parameter, message);
  }

  private InvalidRequestException(String code, String message, String parameter, String problem) {
    super(message);
    this.code = code;
    this.parameter = parameter;
    this.problem = problem;
  }

  /** Machine-readable kind, e.g. {@code invalid_parameter}, {@code query_syntax}, {@code bad_cursor}. */
  public String code() {
    return code;
  }

  /** The parameter at fault, or null when the problem is the request as a whole. */
  public String parameter() {
    return parameter;
  }

  /** What is wrong, without the parameter's name. */
  public String problem() {
    return problem;
  }

  public static InvalidRequestException parameter(String name, String problem) {
    return new InvalidRequestException("invalid_parameter", "parameter '" + name + "': " + problem, name, problem);
  }
}
