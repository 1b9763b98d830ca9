package io.newssearch.search;

import io.newssearch.article.Article;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * A search whose date phrase, read as a filter, leaves nothing is searched again with the phrase
 * as words: "election results in 2023" about an article that mentions 2023 but came out later, or
 * a 1963 archive asked about "this year". Reading a date is our guess at what the words mean;
 * when the guess finds nothing, the words as written are the better answer. The answer is the
 * second search's, which read no date from the query ({@code interpreted} is null). A query that
 * is only a date phrase ("last week") is not searched again: nothing in that period is its answer.
 * Every engine answers through this ({@link io.newssearch.EngineBase#search()}).
 */
public final class DatePhraseFallback implements SearchService {

  private final SearchService engine;

  public DatePhraseFallback(SearchService engine) {
    this.engine = engine;
  }

  @Override
  public SearchResult search(SearchRequest r) throws IOException {
    SearchResult result = engine.search(r);
    if (result.total() > 0 || r.interpreted() == null || r.query().isBlank()) {
      return result;
    }
    return engine.search(r.withDatePhraseAsWords());
  }

  @Override
  public Optional<Article> article(String id) throws IOException {
    return engine.article(id);
  }

  @Override
  public long count() throws IOException {
    return engine.count();
  }

  @Override
  public Optional<RelatedResult> related(RelatedRequest request) throws IOException {
    return engine.related(request);
  }

  @Override
  public Optional<StoryResult> story(String id) throws IOException {
    return engine.story(id);
  }

  @Override
  public SuggestResult suggest(SuggestRequest request) throws IOException {
    return engine.suggest(request);
  }

  @Override
  public IndexStats stats() throws IOException {
    return engine.stats();
  }

  @Override
  public List<String> warnings() throws IOException {
    return engine.warnings();
  }

  @Override
  public void close() throws IOException {
    engine.close();
  }
}
