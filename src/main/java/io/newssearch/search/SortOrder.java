package io.newssearch.search;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How hits are ordered. */
public enum SortOrder {
  /** BM25 relevance (title weighted, proximity boosted). */
  RELEVANCE,
  /** Newest first; articles without a date last. */
  DATE,
  /** Relevance multiplied by a decay on age, so fresh news wins among equally relevant stories. */
  RECENCY;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static SortOrder parse(String value) {
    for (SortOrder s : values()) {
      if (s.label().equals(value)) {
        return s;
      }
    }
    throw InvalidRequestException.parameter("sort", "unknown value '" + value + "', expected one of "
        + Arrays.stream(values()).map(SortOrder::label).collect(Collectors.joining(", ")));
  }
}
