package io.newssearch.analysis;

import java.io.Closeable;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;

/**
 * The analyzer for each language's title and body text. PLACEHOLDER: one StandardAnalyzer for all
 * languages until per-language analysis lands.
 */
public final class LanguageAnalyzers implements Closeable {

  private final Analyzer fallback = new StandardAnalyzer();

  /** Analyzer for title and body text in {@code language}; never null (unknown languages fall back). */
  public Analyzer forLanguage(String language) {
    return fallback;
  }

  /** Languages with an analyzer of their own; every other language shares the fallback. */
  public Set<String> dedicatedLanguages() {
    return Set.of();
  }

  @Override
  public void close() {
    fallback.close();
  }
}
