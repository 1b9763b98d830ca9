package io.newssearch.lucene;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.EmptyTokenStream;
import org.apache.lucene.analysis.miscellaneous.LimitTokenCountFilter;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;

/**
 * A title or body field analysed with its own article's language analyzer instead of the
 * IndexWriter's. This keeps one {@code body} field for every language (one place to search,
 * highlight and store) while each article is stemmed and normalised for its language.
 */
final class LanguageTextField extends Field {

  private final Analyzer languageAnalyzer;
  private final int maxTokens;

  LanguageTextField(String name, String text, Analyzer languageAnalyzer) {
    this(name, text, languageAnalyzer, Schema.TEXT_WITH_OFFSETS, 0);
  }

  /**
   * A text field stored as given whose words are not indexed: a field keeps one type in every
   * document of an index, so a title that must not be searched is still an indexed title field,
   * only an empty one.
   */
  static LanguageTextField storedOnly(String name, String text) {
    return new LanguageTextField(name, text, null, Schema.TEXT_WITH_OFFSETS, -1);
  }

  /** @param maxTokens index only the first this many tokens of the text (0: all of them, -1: none) */
  LanguageTextField(String name, String text, Analyzer languageAnalyzer, FieldType type, int maxTokens) {
    super(name, text, type);
    this.languageAnalyzer = languageAnalyzer;
    this.maxTokens = maxTokens;
  }

  @Override
  public TokenStream tokenStream(Analyzer ignoredWriterAnalyzer, TokenStream reuse) {
    if (maxTokens < 0) {
      return new EmptyTokenStream();
    }
    TokenStream tokens = languageAnalyzer.tokenStream(name(), stringValue());
    return maxTokens > 0 ? new LimitTokenCountFilter(tokens, maxTokens) : tokens;
  }
}
