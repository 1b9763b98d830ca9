package io.newssearch.search;

/**
 * A request for the articles most like one article, validated once at the edge.
 *
 * @param id the article's id
 * @param size how many related articles to return
 */
public record RelatedRequest(String id, int size) {

  public static final int DEFAULT_SIZE = 5;
  public static final int MAX_SIZE = 50;

  public RelatedRequest {
    if (id == null || id.isBlank()) {
      throw InvalidRequestException.parameter("id", "must not be empty");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw InvalidRequestException.parameter("size", "must be between 1 and " + MAX_SIZE + ", got " + size);
    }
  }
}
