package io.newssearch.analysis;

import io.newssearch.article.Article;

/** Builds the language detector newssearch uses. PLACEHOLDER until detection lands. */
public final class LanguageDetectors {

  private LanguageDetectors() {}

  /** The detector for ingest: thread-safe, built once per process (models are large). */
  public static LanguageDetector standard() {
    return text -> Article.UNDETERMINED;
  }
}
