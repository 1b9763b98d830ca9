package io.newssearch.analysis;

import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.tartarus.snowball.ext.RussianStemmer;

/**
 * Russian: RussianAnalyzer's chain (standard tokenizer → lowercase → Russian stopwords → Snowball
 * Russian stemmer, so учения/учений/учениях share one stem) with ё read as е before anything else.
 *
 * <p>Why the ё mapping: news sites mostly print е where ё is meant ("елка" for "ёлка"); mapping
 * before the stemmer makes both spellings go through the same suffix rules. The final ICU folding
 * (added by {@link FoldingAnalyzer}) would fold ё only after stemming, too late for that.
 */
final class RussianChain extends Analyzer {

  private static final NormalizeCharMap YO_TO_YE = yoToYe();

  @Override
  protected Reader initReader(String fieldName, Reader reader) {
    return new MappingCharFilter(YO_TO_YE, reader);
  }

  @Override
  protected Reader initReaderForNormalization(String fieldName, Reader reader) {
    return new MappingCharFilter(YO_TO_YE, reader);
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer source = new StandardTokenizer();
    TokenStream result = new LowerCaseFilter(source);
    result = new StopFilter(result, RussianAnalyzer.getDefaultStopSet());
    result = new SnowballFilter(result, new RussianStemmer());
    return new TokenStreamComponents(source, result);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new LowerCaseFilter(in);
  }

  private static NormalizeCharMap yoToYe() {
    NormalizeCharMap.Builder b = new NormalizeCharMap.Builder();
    b.add("ё", "е");
    b.add("Ё", "Е");
    return b.build();
  }
}
