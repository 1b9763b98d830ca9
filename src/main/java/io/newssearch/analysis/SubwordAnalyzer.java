package io.newssearch.analysis;

import io.newssearch.article.Article;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.icu.segmentation.DefaultICUTokenizerConfig;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.apache.lucene.analysis.ngram.NGramTokenFilter;

/**
 * Words cut into overlapping pieces of {@value #PIECE} letters, the same for every language: the
 * words as {@link FallbackAnalyzer} finds and folds them, each replaced by its pieces ("kweMari" →
 * kwem, wema, emar, mari). A word shorter than a piece gives none: whole words are the text
 * fields' job, and keeping them here cost a fifth more tokens for no gain on MasakhaNEWS.
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

  /**
   * At most this many distinct pieces of a query: a boolean query takes 1,024 clauses, and a long
   * query's pieces past this add little.
   */
  public static final int MAX_PIECES = 512;

  /** How much of the story's text is cut into pieces, in characters (cut at a space). */
  public static final int LEDE_CHARS = 500;

  private static final Analyzer CUTTER = new SubwordAnalyzer();

  /**
   * What an article's pieces are cut from, on either engine: its headline (unless derived from the
   * body) and the story's opening. The opening says what the story is about; on MasakhaNEWS half A
   * the first 500 characters beat the first 300 or 1,000 and the whole text (EVALUATION.md).
   */
  public static String text(Article a) {
    return a.opening(LEDE_CHARS);
  }

  /**
   * A query's words cut as documents are: each distinct piece with how often it
   * occurs, in order of first occurrence, at most {@link #MAX_PIECES}. Both engines score these,
   * counts as boosts, so the pieces of a query are computed here only.
   */
  public static Map<String, Integer> pieces(List<String> words) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    if (words.isEmpty()) {
      return counts;
    }
    try (TokenStream ts = CUTTER.tokenStream("subwords", String.join(" ", words))) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken() && counts.size() < MAX_PIECES) {
        counts.merge(term.toString(), 1, Integer::sum);
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException("cutting a query's words into pieces", e); // a string never fails to read
    }
    return counts;
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer source = new ICUTokenizer(new DefaultICUTokenizerConfig(false, true));
    TokenStream words = Folding.fold(new LowerCaseFilter(source));
    return new TokenStreamComponents(source, new NGramTokenFilter(words, PIECE, PIECE, false));
  }
}
