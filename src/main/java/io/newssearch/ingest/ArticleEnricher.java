package io.newssearch.ingest;

import io.newssearch.analysis.LanguageDetector;
import io.newssearch.article.Article;
import io.newssearch.article.ArticleIds;
import java.util.Locale;

/**
 * Fills what an article's input left out, the same way for every format and for articles written
 * over the API: language (detected), tags (extracted), id (derived, stable across reindexing).
 */
public final class ArticleEnricher {

  private final LanguageDetector detector;
  private final TagExtractor tagExtractor;

  public ArticleEnricher(LanguageDetector detector, TagExtractor tagExtractor) {
    this.detector = detector;
    this.tagExtractor = tagExtractor;
  }

  public Article enrich(Article a) {
    Article out = a;
    if (out.language() == null || out.language().isBlank()) {
      out = out.withLanguage(detector.detect(text(out)));
    } else {
      out = out.withLanguage(out.language().strip().toLowerCase(Locale.ROOT));
    }
    if (out.tags().isEmpty()) {
      out = out.withTags(tagExtractor.extract(out, TagExtractor.DEFAULT_MAX_TAGS));
    }
    if (out.id() == null || out.id().isBlank()) {
      out = out.withId(ArticleIds.derive(out));
    }
    return out;
  }

  private static String text(Article a) {
    return (a.title() == null ? "" : a.title()) + "\n" + (a.body() == null ? "" : a.body());
  }
}
