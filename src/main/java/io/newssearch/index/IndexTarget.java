package io.newssearch.index;

import io.newssearch.article.Article;
import java.io.Closeable;
import java.io.IOException;

/**
 * Where the indexer puts articles. The embedded Lucene index is one implementation; a distributed
 * engine can be another, without the indexer, CLI or HTTP layers changing.
 *
 * <p>Nothing written is visible or durable until {@link #commit}; {@link #rollback} discards it.
 * Closing without commit is a rollback.
 */
public interface IndexTarget extends Closeable {

  /** Adds the article, replacing any with the same id; true if that id was already indexed. */
  default boolean upsert(Article article) throws IOException {
    return upsert(article, Origin.CORPUS);
  }

  /** As {@link #upsert(Article)}, remembering where the article came from. */
  boolean upsert(Article article, Origin origin) throws IOException;

  /** Removes the article with this id; true if it was indexed. */
  boolean delete(String id) throws IOException;

  void commit() throws IOException;

  void rollback() throws IOException;
}
