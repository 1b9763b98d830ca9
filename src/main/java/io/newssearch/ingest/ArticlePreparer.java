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

  /** The preparation every backend uses: OpenNLP language detection (model loaded on first use) and tag extraction. */
  public static ArticlePreparer standard() {
    return new ArticlePreparer(new ArticleEnricher(io.newssearch.analysis.LanguageDetectors.standard(), new TagExtractor()));
  }

  public Prepared prepare(Article raw) {
    Article article = enricher.enrich(raw);
    return new Prepared(article, ArticleValidator.problems(article));
  }
}
