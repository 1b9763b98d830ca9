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

  /** Distinctive words taken from the article (tf × idf); MoreLikeThis's default. */
  public static final int MAX_QUERY_TERMS = 25;
  /**
   * Share of those words a related article must contain, so one shared word does not make two
   * stories related. The language analyzers drop function words, so the chosen words are content
   * words; at half of them, stories on one event told in different words (frigates and an exercise
   * at sea vs. a naval drill) were never related, so this is lower, as in Elasticsearch's
   * more_like_this (30%), with at least two words in common.
   */
  public static final float MIN_SHOULD_MATCH = 0.2f;
  public static final int MIN_SHARED_WORDS = 2;
  /**
   * A word in no other article (df 1: only this one) cannot find a related article; left in, it
   * would take a query slot and count against MIN_SHOULD_MATCH.
   */
  public static final int MIN_DOC_FREQ = 2;

  /** Words a related article must share, of {@code terms} distinctive words. */
  public static int minShared(int terms) {
    return Math.min(terms, Math.max(MIN_SHARED_WORDS, Math.round(terms * MIN_SHOULD_MATCH)));
  }

  public RelatedRequest {
    if (id == null || id.isBlank()) {
      throw InvalidRequestException.parameter("id", "must not be empty");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw InvalidRequestException.parameter("size", "must be between 1 and " + MAX_SIZE + ", got " + size);
    }
  }
}
