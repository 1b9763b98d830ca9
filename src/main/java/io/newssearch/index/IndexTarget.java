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
  boolean upsert(IndexedArticle article) throws IOException;

  /** A corpus article, its derived fields computed on the calling thread. */
  default boolean upsert(Article article) throws IOException {
    return upsert(article, Origin.CORPUS);
  }

  /** As {@link #upsert(Article)}, remembering where the article came from. */
  default boolean upsert(Article article, Origin origin) throws IOException {
    return upsert(IndexedArticle.of(article, origin));
  }

  /**
   * Says which ids are about to be upserted, so a backend that looks each one up remotely (to
   * tell new articles from updates) can look them all up in one request. Only a hint.
   */
  default void expect(java.util.Collection<String> ids) throws IOException {}

  /** Removes the article with this id; true if it was indexed. */
  boolean delete(String id) throws IOException;

  void commit() throws IOException;

  void rollback() throws IOException;
}
