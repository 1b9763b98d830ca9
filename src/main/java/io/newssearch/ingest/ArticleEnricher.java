package io.newssearch.ingest;

import io.newssearch.article.LanguageCodes;
import io.newssearch.analysis.LanguageDetector;
import io.newssearch.article.Article;
import io.newssearch.article.ArticleValidator;
import io.newssearch.article.ArticleIds;
import java.util.regex.Pattern;

/**
 * Fills what an article's input left out, the same way for every format and for articles written
 * over the API: tidy text (title and body trimmed, whitespace in the title collapsed), a language as
 * an ISO 639-1 code (normalised from "EN", "eng", "English", "fr-FR"; detected when missing or not a
 * language we know), tags (deduplicated, or extracted when there are none), id (derived, stable
 * across reindexing, computed last so it sees the cleaned fields).
 */
public final class ArticleEnricher {

  /** Compiled once: every article passes here. */
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private final LanguageDetector detector;
  private final TagExtractor tagExtractor;

  public ArticleEnricher(LanguageDetector detector, TagExtractor tagExtractor) {
    this.detector = detector;
    this.tagExtractor = tagExtractor;
  }

  public Article enrich(Article a) {
    String title = a.title() == null ? null : SPACES.matcher(a.title().strip()).replaceAll(" ");
    String body = a.body() == null ? null : a.body().strip();
    Article out = new Article(a.id(), a.url(), title, body, a.published(), a.language(),
        Tags.dedupe(a.tags()), a.source(), a.author(), a.titleDerived());
    String language = LanguageCodes.normalise(out.language());
    if (language == null || language.equals(Article.UNDETERMINED)) {
      language = detector.detect(text(out));
    }
    out = out.withLanguage(language);
    if (out.tags().isEmpty()) {
      // A "word" of thousands of letters is no tag: left out, not a reason to reject the article.
      out = out.withTags(tagExtractor.extract(out, TagExtractor.DEFAULT_MAX_TAGS).stream()
          .filter(t -> t.length() <= ArticleValidator.MAX_TAG_CHARS).toList());
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
