package io.newssearch.search;

import java.time.Duration;

/**
 * What one search may cost. Each limit turns an expensive request into a 400 that names the limit,
 * except the time budget, which cuts collection short and answers with what was found
 * ({@code "timed_out": true}) so a slow query never holds a thread for long.
 *
 * @param maxQueryChars longest {@code q} accepted, in characters
 * @param maxClauses most query clauses one parse may produce; every word counts once per field it
 *     searches (a plain word searches title and body: 2 clauses)
 * @param maxExpansions most index terms a wildcard, prefix, fuzzy or regular-expression part may
 *     match, summed over the segments of the index
 * @param timeBudget how long collecting hits may take before the search returns what it has
 * @param exactCounts how many matching articles a search counts exactly: past it, the embedded
 *     engine finds the page without walking every match and estimates facets and the story count
 *     from a sample (Elasticsearch's {@code track_total_hits})
 */
public record SearchLimits(int maxQueryChars, int maxClauses, int maxExpansions, Duration timeBudget,
    int exactCounts) {

  public static final int DEFAULT_MAX_QUERY_CHARS = 1_000;
  public static final int DEFAULT_MAX_CLAUSES = 64;
  public static final int DEFAULT_MAX_EXPANSIONS = 1_000;
  public static final Duration DEFAULT_TIME_BUDGET = Duration.ofSeconds(2);
  public static final int DEFAULT_EXACT_COUNTS = 10_000;

  public static final SearchLimits DEFAULTS = new SearchLimits(
      DEFAULT_MAX_QUERY_CHARS, DEFAULT_MAX_CLAUSES, DEFAULT_MAX_EXPANSIONS, DEFAULT_TIME_BUDGET);

  public SearchLimits {
    if (maxQueryChars < 1 || maxClauses < 1 || maxExpansions < 1 || exactCounts < 1) {
      throw new IllegalArgumentException("search limits must be 1 or more: " + maxQueryChars + ", "
          + maxClauses + ", " + maxExpansions + ", " + exactCounts);
    }
    if (timeBudget == null || timeBudget.isNegative() || timeBudget.isZero()) {
      throw new IllegalArgumentException("the time budget must be positive, got " + timeBudget);
    }
  }

  public SearchLimits(int maxQueryChars, int maxClauses, int maxExpansions, Duration timeBudget) {
    this(maxQueryChars, maxClauses, maxExpansions, timeBudget, DEFAULT_EXACT_COUNTS);
  }

  public SearchLimits withTimeBudget(Duration budget) {
    return new SearchLimits(maxQueryChars, maxClauses, maxExpansions, budget, exactCounts);
  }

  public SearchLimits withExactCounts(int count) {
    return new SearchLimits(maxQueryChars, maxClauses, maxExpansions, timeBudget, count);
  }
}
