package io.newssearch.search;

/**
 * The second searches every engine answers through ({@link io.newssearch.EngineBase#search()}, and
 * the evaluation's index), in their order: {@link DatePhraseFallback} around
 * {@link QuotedPhraseFallback}.
 *
 * <p>A query with a date phrase and a quote that finds nothing is searched next with the date
 * still a filter and the phrase as words, then with the date as words and the phrase exact, then
 * with both as words: at most four searches, and only for a query with both that keeps finding
 * nothing (two at most with either). The date goes last because, once words, it is rarely a
 * useful one: with the default {@code op=or}, "in 2024" as words matches every article that says
 * 2024, so the search with the phrase exact would seldom find nothing and its words would never be
 * tried, and the answer would say neither. This way each answer keeps what it can of what was
 * asked, and says what it loosened ({@code interpreted}, {@code relaxed}); the user can undo each.
 */
public final class SearchFallbacks {

  private SearchFallbacks() {}

  public static SearchService around(SearchService engine) {
    return new DatePhraseFallback(new QuotedPhraseFallback(engine));
  }
}
