package io.newssearch.index;

import io.newssearch.article.Article;
import io.newssearch.entities.Entities;
import io.newssearch.entities.EntityExtractor;
import io.newssearch.story.Bands;
import io.newssearch.story.Signature;
import java.util.List;

/**
 * An article as every engine indexes it: the article and what the pipeline derives from it once,
 * before an engine maps it to its own documents — where it came from, the MinHash signature of its
 * body (null when too short to compare) and the names it mentions. The story id is not here: it
 * depends on what is indexed already, so the engine's target assigns it ({@code story.StoryClusters}).
 */
public record IndexedArticle(Article article, Origin origin, Signature signature, Entities entities) {

  /** Rule-based and stateless: one for every indexing thread. */
  private static final EntityExtractor ENTITIES = new EntityExtractor();

  /** Derives signature and entities: the costly part, run on an indexing worker. */
  public static IndexedArticle of(Article a, Origin origin) {
    return new IndexedArticle(a, origin, Signature.of(a.body()), ENTITIES.extract(a.title(), a.body(), a.language()));
  }

  public String id() {
    return article.id();
  }

  /** The LSH band keys of the signature: the terms near-duplicates are found by. */
  public List<String> bands() {
    return signature == null ? List.of() : Bands.keys(signature);
  }

  /** Publication time in epoch milliseconds, or null when undated. */
  public Long publishedMillis() {
    return article.published() == null ? null : article.published().toEpochMilli();
  }
}
