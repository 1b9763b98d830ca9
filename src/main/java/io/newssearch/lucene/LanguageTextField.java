package io.newssearch.lucene;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.EmptyTokenStream;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;

/**
 * A title or body field analysed with its own article's language analyzer instead of the
 * IndexWriter's. This keeps one {@code body} field for every language (one place to search,
 * highlight and store) while each article is stemmed and normalised for its language.
 */
final class LanguageTextField extends Field {

  private final Analyzer languageAnalyzer;

  LanguageTextField(String name, String text, Analyzer languageAnalyzer) {
    this(name, text, languageAnalyzer, Schema.TEXT_WITH_OFFSETS);
  }

  /** A field of another type analysed with its own analyzer (the sub-word pieces). */
  LanguageTextField(String name, String text, Analyzer analyzer, FieldType type) {
    super(name, text, type);
    this.languageAnalyzer = analyzer;
  }

  /**
   * A text field stored as given whose words are not indexed: a field keeps one type in every
   * document of an index, so a title that must not be searched is still an indexed title field,
   * only an empty one.
   */
  static LanguageTextField storedOnly(String name, String text) {
    return new LanguageTextField(name, text, null);
  }

  @Override
  public TokenStream tokenStream(Analyzer ignoredWriterAnalyzer, TokenStream reuse) {
    // No analyzer: a stored-only title, indexed as no tokens.
    return languageAnalyzer == null ? new EmptyTokenStream() : languageAnalyzer.tokenStream(name(), stringValue());
  }
}
