package io.newssearch.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.icu.segmentation.DefaultICUTokenizerConfig;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.apache.lucene.analysis.ngram.NGramTokenFilter;

/**
 * Words cut into overlapping pieces of {@value #PIECE} letters, the same for every language: the
 * words as {@link FallbackAnalyzer} finds and folds them, each followed by its pieces
 * ("vechidiki" → vechidiki, vech, echi, chid, …; a word shorter than a piece is kept whole).
 *
 * <p>Why: most languages of African and many other newsrooms have no stemmer in Lucene, and
 * their words carry prefixes and suffixes (Shona "kweMari", "mumabhangi"; Xhosa "kwabantu"), so a
 * headline and its article rarely share a whole word form. Shared pieces find them; a search
 * scores them on its top articles only ({@code Ranking#subwords}). Four letters beat three, five
 * and three-to-five on MasakhaNEWS half A (EVALUATION.md).
 */
public final class SubwordAnalyzer extends Analyzer {

  /** Letters per piece. */
  public static final int PIECE = 4;

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer source = new ICUTokenizer(new DefaultICUTokenizerConfig(false, true));
    TokenStream words = Folding.fold(new LowerCaseFilter(source));
    return new TokenStreamComponents(source, new NGramTokenFilter(words, PIECE, PIECE, true));
  }
}
