package io.newssearch.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.icu.segmentation.DefaultICUTokenizerConfig;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;

/**
 * The analyzer for every language without one of its own, "und" included, and for Chinese,
 * Japanese and Korean.
 *
 * <p>Chain: ICU tokenizer (Unicode word rules for every script, Thai/Lao/Khmer/Myanmar by
 * dictionary) → {@link InnerCapitalFilter} (a prefixed noun, kweMari, also as Mari) → lowercase →
 * {@link Folding} (no diacritics, full-width to half-width, NFKC) → CJK
 * bigrams. No stemming and no stopwords: without knowing the language, any guess would hurt
 * recall in some other language.
 *
 * <p>Why bigrams for CJK rather than ICU's dictionary segmentation: the tokenizer is set to emit
 * single Han/kana characters ({@code cjkAsWords=false}) and the bigram filter pairs neighbours, so
 * a two-character query such as 演习 always matches inside a longer sentence, whatever word
 * boundaries a dictionary would have drawn. Hangul words are bigrammed too, so a Korean noun
 * matches with its particle attached (해군 in 해군은). Unigrams are not emitted next to bigrams
 * (as in Lucene's CJKAnalyzer): they would bloat the index and let any shared character match; a
 * lone CJK character between non-CJK text is still kept as a unigram.
 */
final class FallbackAnalyzer extends Analyzer {

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer source = new ICUTokenizer(new DefaultICUTokenizerConfig(false, true));
    TokenStream result = Folding.fold(new LowerCaseFilter(new InnerCapitalFilter(source)));
    result = new CJKBigramFilter(result, CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA
        | CJKBigramFilter.KATAKANA | CJKBigramFilter.HANGUL, false);
    return new TokenStreamComponents(source, result);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return Folding.fold(new LowerCaseFilter(in));
  }
}
