package io.newssearch.search;

import java.io.IOException;

/**
 * A search whose date phrase, read as a filter, leaves nothing is searched again with the phrase
 * as words: "election results in 2023" about an article that mentions 2023 but came out later, or
 * a 1963 archive asked about "this year". Reading a date is our guess at what the words mean;
 * when the guess finds nothing, the words as written are the better answer. The answer is the
 * second search's, which read no date from the query ({@code interpreted} is null). A query that
 * is only a date phrase ("last week") is not searched again: nothing in that period is its answer.
 * Every engine answers through this, around {@link QuotedPhraseFallback} ({@link SearchFallbacks}).
 */
public final class DatePhraseFallback extends ForwardingSearch {

  public DatePhraseFallback(SearchService engine) {
    super(engine);
  }

  @Override
  public SearchResult search(SearchRequest r) throws IOException {
    SearchResult result = engine.search(r);
    if (result.total() > 0 || r.interpreted() == null || r.query().isBlank()) {
      return result;
    }
    return engine.search(r.withDatePhraseAsWords());
  }
}
