package io.newssearch.search;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a search finds its articles: by words, by meaning, or both fused. Which one a request gets
 * when it names none depends on the index ({@link #defaultFor}): an index with vectors answers
 * {@link #HYBRID}, one without {@link #LEXICAL} (EVALUATION.md, "Lexical, semantic and hybrid").
 */
public enum SearchMode {
  /** The words of the query, ranked by BM25 (the title weighted, proximity boosted). */
  LEXICAL,
  /** The articles nearest the query's meaning (kNN over article vectors), the filters inside the kNN search. */
  SEMANTIC,
  /** Lexical and kNN candidates fused by reciprocal rank (k = 60, weights 1:1). */
  HYBRID;

  /**
   * Candidates taken from each ranking (the lexical hits and the nearest by meaning) when the page
   * asks for fewer: Elasticsearch's default rank window. Fixed for hybrid: fusing deeper lists would
   * reorder the first pages, and page 2 would repeat or skip what page 1 showed.
   */
  public static final int WINDOW = 100;

  /** What a request gets without {@code mode}: hybrid where the index has vectors, else lexical. */
  public static SearchMode defaultFor(boolean indexHasVectors) {
    return indexHasVectors ? HYBRID : LEXICAL;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** @throws InvalidRequestException naming {@code mode} for anything else */
  public static SearchMode parse(String value) {
    for (SearchMode m : values()) {
      if (m.label().equalsIgnoreCase(value.strip())) {
        return m;
      }
    }
    throw InvalidRequestException.parameter("mode", "unknown value '" + value + "', expected one of "
        + Arrays.stream(values()).map(SearchMode::label).collect(Collectors.joining(", ")));
  }

  /**
   * The mode a request runs in, on either engine: the one asked for, else the index's default.
   * Semantic or hybrid without vectors is a 400 naming {@code mode} ({@link #unavailable}); an empty
   * query browses (lexical) in hybrid, and is a 400 naming {@code q} in semantic, which has nothing
   * to embed.
   *
   * @param asked the request's mode, null when it names none
   * @param browsing the query has no words (it matches every article)
   * @param howToEnable how this engine gets vectors, for the 400
   */
  public static SearchMode resolve(SearchMode asked, boolean hasVectors, boolean browsing, String howToEnable) {
    SearchMode mode = asked == null ? defaultFor(hasVectors) : asked;
    if (mode != LEXICAL && !hasVectors) {
      throw unavailable(mode, howToEnable);
    }
    if (browsing) {
      if (mode == SEMANTIC) {
        throw InvalidRequestException.parameter("q", "mode=semantic searches by the meaning of words: give some");
      }
      return LEXICAL;
    }
    return mode;
  }

  /**
   * How many nearest articles a request in this mode needs: {@link #WINDOW} for hybrid; for
   * semantic, the window or the whole page range when deeper (the nearest 100 stay the nearest 100,
   * so pages agree).
   */
  public int nearestNeeded(SearchRequest r) {
    return this == SEMANTIC && r.cursor() == null ? Math.max(WINDOW, r.page() * r.size()) : WINDOW;
  }

  /**
   * The answer to semantic or hybrid on an index without vectors: a 400 naming {@code mode}, saying
   * how to get them.
   */
  public static InvalidRequestException unavailable(SearchMode asked, String howToEnable) {
    return new InvalidRequestException("vectors_unavailable", "parameter 'mode': " + asked.label()
        + " search needs article vectors, and this index has none; " + howToEnable
        + ", or search with mode=lexical", "mode");
  }
}
