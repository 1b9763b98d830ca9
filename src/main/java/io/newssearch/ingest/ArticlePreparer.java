package io.newssearch.ingest;

import io.newssearch.article.Article;
import io.newssearch.article.ArticleValidator;
import java.util.List;

/**
 * The last step before an article is indexed, the same for corpus files and for articles written
 * over the API: fill what is missing (language, tags, id), then validate.
 */
public final class ArticlePreparer {

  /** An article ready to index, or the reasons it cannot be. */
  public record Prepared(Article article, List<String> problems) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  private final ArticleEnricher enricher;

  public ArticlePreparer(ArticleEnricher enricher) {
    this.enricher = enricher;
  }

  public Prepared prepare(Article raw) {
    Article article = enricher.enrich(raw);
    return new Prepared(article, ArticleValidator.problems(article));
  }
}
