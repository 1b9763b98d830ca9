package io.newssearch.analysis;

import com.ibm.icu.text.FilteredNormalizer2;
import com.ibm.icu.text.Normalizer;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.UnicodeSet;
import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The one folding step every chain ends with: ICU folding (case, diacritics, width, NFKC, ß→ss)
 * except for й.
 *
 * <p>Why not й: in Russian, Ukrainian, Bulgarian and Serbian-adjacent Cyrillic it is a letter of
 * its own, not и with an accent, and nobody types и for it; folding it would only merge words such
 * as мой/мои. Diacritics that writers really do drop (é, ö, ё, ї) are folded. Because й is left
 * alone, the step does not lowercase Й either: chains lowercase before folding.
 */
final class Folding {

  /** ICU folding on every character but й and Й. */
  static final Normalizer2 FOLD_ALL_BUT_SHORT_I =
      new FilteredNormalizer2(ICUFoldingFilter.NORMALIZER, new UnicodeSet("[^йЙ]").freeze());

  private Folding() {}

  static TokenStream fold(TokenStream in) {
    return new FoldingFilter(in);
  }

  /**
   * ICU folding except for й, token for token as {@code ICUFoldingFilter} with
   * {@link #FOLD_ALL_BUT_SHORT_I} folds. The filtered normalizer checks a word span by span and
   * makes a string of each span, for every token of every field; a word without й is one span, so
   * it is folded by the plain normalizer, without those strings.
   */
  static final class FoldingFilter extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final StringBuilder folded = new StringBuilder();

    FoldingFilter(TokenStream in) {
      super(in);
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (!input.incrementToken()) {
        return false;
      }
      Normalizer2 normalizer = hasShortI(term) ? FOLD_ALL_BUT_SHORT_I : ICUFoldingFilter.NORMALIZER;
      if (normalizer.quickCheck(term) != Normalizer.YES) {
        folded.setLength(0);
        normalizer.normalize(term, folded);
        term.setEmpty().append(folded);
      }
      return true;
    }

    private static boolean hasShortI(CharTermAttribute t) {
      char[] chars = t.buffer();
      for (int i = 0; i < t.length(); i++) {
        if (chars[i] == 'й' || chars[i] == 'Й') {
          return true;
        }
      }
      return false;
    }
  }
}
