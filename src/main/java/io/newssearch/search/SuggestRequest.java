package io.newssearch.search;

/**
 * A request for completions of what a user is typing, validated once at the edge.
 *
 * @param query the text typed so far (its last word may be incomplete)
 * @param size how many completions to return
 */
public record SuggestRequest(String query, int size) {

  public static final int DEFAULT_SIZE = 8;
  public static final int MAX_SIZE = 20;
  /** Completions are for a search box; longer text is not being typed, it is being pasted or abused. */
  public static final int MAX_QUERY_CHARS = 100;

  public SuggestRequest {
    if (query == null || query.isBlank()) {
      throw InvalidRequestException.parameter("q", "is required and must not be blank");
    }
    query = query.strip();
    if (query.length() > MAX_QUERY_CHARS) {
      throw InvalidRequestException.parameter("q", "at most " + MAX_QUERY_CHARS + " characters, got "
          + query.length());
    }
    if (size < 1 || size > MAX_SIZE) {
      throw InvalidRequestException.parameter("size", "must be between 1 and " + MAX_SIZE + ", got " + size);
    }
  }
}
