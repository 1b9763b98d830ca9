package io.newssearch.search;

import io.newssearch.article.Article;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * A {@link SearchService} that hands every call to another: what a wrapper that changes only how
 * a search is answered ({@link DatePhraseFallback}, {@link QuotedPhraseFallback}) extends.
 */
public abstract class ForwardingSearch implements SearchService {

  protected final SearchService engine;

  protected ForwardingSearch(SearchService engine) {
    this.engine = engine;
  }

  @Override
  public SearchResult search(SearchRequest r) throws IOException {
    return engine.search(r);
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
