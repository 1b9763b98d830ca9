package io.newssearch.analysis;

import com.ibm.icu.text.FilteredNormalizer2;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.UnicodeSet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;

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

  private static final Normalizer2 FOLD_ALL_BUT_SHORT_I =
      new FilteredNormalizer2(ICUFoldingFilter.NORMALIZER, new UnicodeSet("[^йЙ]").freeze());

  private Folding() {}

  static TokenStream fold(TokenStream in) {
    return new ICUFoldingFilter(in, FOLD_ALL_BUT_SHORT_I);
  }
}
