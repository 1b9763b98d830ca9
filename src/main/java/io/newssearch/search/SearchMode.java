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
   * The answer to semantic or hybrid on an index without vectors: a 400 naming {@code mode}, saying
   * how to get them.
   */
  public static InvalidRequestException unavailable(SearchMode asked, String howToEnable) {
    return new InvalidRequestException("vectors_unavailable", "parameter 'mode': " + asked.label()
        + " search needs article vectors, and this index has none; " + howToEnable
        + ", or search with mode=lexical", "mode");
  }
}
