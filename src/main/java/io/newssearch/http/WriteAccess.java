package io.newssearch.http;

import io.newssearch.index.ArticleStore;
import io.newssearch.ingest.ArticlePreparer;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the write endpoints need: where writes go, how articles are prepared, the corpus a reindex
 * reads, and the admin key. Without a key the write endpoints answer 403.
 */
public record WriteAccess(
    ArticleStore store, ArticlePreparer preparer, List<Path> corpus, Optional<String> adminKey) {

  /** The environment variable that holds the admin key. */
  public static final String KEY_ENV = "NEWSSEARCH_ADMIN_KEY";

  public static WriteAccess disabled() {
    return new WriteAccess(null, null, List.of(), Optional.empty());
  }
}
