package io.newssearch.lucene;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.document.Field;

/**
 * A title or body field analysed with its own article's language analyzer instead of the
 * IndexWriter's. This keeps one {@code body} field for every language (one place to search,
 * highlight and store) while each article is stemmed and normalised for its language.
 */
final class LanguageTextField extends Field {

  private final Analyzer languageAnalyzer;

  LanguageTextField(String name, String text, Analyzer languageAnalyzer) {
    super(name, text, Schema.TEXT_WITH_OFFSETS);
    this.languageAnalyzer = languageAnalyzer;
  }

  @Override
  public TokenStream tokenStream(Analyzer ignoredWriterAnalyzer, TokenStream reuse) {
    return languageAnalyzer.tokenStream(name(), stringValue());
  }
}
