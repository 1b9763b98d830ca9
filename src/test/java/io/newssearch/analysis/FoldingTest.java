package io.newssearch.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

/** The folding step gives, token for token, what ICU folding filtered to spare й gives. */
class FoldingTest {

  @Test
  void words_fold_as_before_and_short_i_stays() throws IOException {
    assertEquals(List.of("мои", "мой", "ecole", "strasse", "a", "naive", "Й"),
        fold("мои мой École straße ａ naïve Й"));
  }

  @Test
  void random_words_fold_exactly_as_the_filtered_icu_normalizer_folds_them() throws IOException {
    String[] pieces = {"й", "Й", "и", "\u0306", "е", "ё", "é", "E\u0301", "ß", "ǅ", "ﬁ", "Ａ", "ｶ", "①", "ı", "İ",
        "ς", "Σ", "ö", "o", "a", "z", "ä", "ї", "中", "国", "ا", "ل", "ة", "ँ", "क", "\u200c", "\u0301", "𝐀", "😀",
        "½", "Å", "ǰ", "ᾳ", "ﬀ", "Ⅻ"};
    String s = RandomWords.of(pieces, 42, 20_000, 8);
    assertEquals(reference(s), fold(s));
  }

  private static List<String> fold(String text) throws IOException {
    return terms(Folding.fold(Terms.whitespace(text)));
  }

  private static List<String> reference(String text) throws IOException {
    return terms(new ICUFoldingFilter(Terms.whitespace(text), Folding.FOLD_ALL_BUT_SHORT_I));
  }

  private static List<String> terms(TokenStream ts) throws IOException {
    List<String> out = new ArrayList<>();
    CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
    ts.reset();
    while (ts.incrementToken()) {
      out.add(term.toString());
    }
    ts.end();
    ts.close();
    return out;
  }
}
