package io.newssearch.search;

import io.newssearch.article.Article;
import java.io.Closeable;
import java.io.IOException;
import java.util.Optional;

/**
 * Searching, in our own records. The HTTP server and the CLI call only this; the embedded Lucene
 * index is one implementation, a distributed engine can be another.
 */
public interface SearchService extends Closeable {

  /** @throws InvalidRequestException when the request cannot be answered as asked */
  SearchResult search(SearchRequest request) throws IOException;

  Optional<Article> article(String id) throws IOException;

  /** Articles in the index now. */
  long count() throws IOException;

  /** Articles like the given one, in its language; empty when there is no article with that id. */
  Optional<RelatedResult> related(RelatedRequest request) throws IOException;

  /** Every version of a story, oldest first; empty when no article has that story id. */
  Optional<StoryResult> story(String id) throws IOException;

  /** Completions of a partly typed query from the titles and tags in the index. */
  SuggestResult suggest(SuggestRequest request) throws IOException;

  /** Counts, date span and size of the live index. */
  IndexStats stats() throws IOException;

  /** What an operator must know about the index being served (a corrupt generation); empty when all is well. */
  default java.util.List<String> warnings() throws IOException {
    return java.util.List.of();
  }
}
