package io.newssearch.ingest;

import io.newssearch.article.Article;
import java.util.List;

/** Picks a handful of tags for an article that has none. PLACEHOLDER until tag extraction lands. */
public final class TagExtractor {

  public static final int DEFAULT_MAX_TAGS = 8;

  public List<String> extract(Article article, int maxTags) {
    return List.of();
  }
}
