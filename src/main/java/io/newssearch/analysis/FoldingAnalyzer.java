package io.newssearch.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.TokenStream;

/**
 * Appends {@link Folding} (case, accents and other diacritics, width, NFKC) to the end of a language's
 * chain, so that "election" finds "élection", "Malmo" finds "Malmö" and "istanbul" finds "İstanbul".
 *
 * <p>Why last: Lucene's stemmers and stopword lists are written for the accented spelling.
 * Measured: folding before PortugueseLightStemFilter stems "eleições" to "eleico" but "eleição"
 * to "eleica", so plural and singular no longer meet; folding after it gives "eleica" for both.
 * (French, Spanish, German light stemmers and Snowball Russian gave the same stems either way.)
 * Index and query run the same chain, so both sides always agree. The price: an unaccented query
 * reaches the stemmer unaccented, so "eleicoes" finds "eleicoes"-spelled text but not "eleições"
 * (the singular "eleicao" does find both).
 */
final class FoldingAnalyzer extends AnalyzerWrapper {

  private final Analyzer delegate;

  FoldingAnalyzer(Analyzer delegate) {
    super(delegate.getReuseStrategy());
    this.delegate = delegate;
  }

  @Override
  protected Analyzer getWrappedAnalyzer(String fieldName) {
    return delegate;
  }

  @Override
  protected TokenStreamComponents wrapComponents(String fieldName, TokenStreamComponents components) {
    return new TokenStreamComponents(components.getSource(), Folding.fold(components.getTokenStream()));
  }

  @Override
  protected TokenStream wrapTokenStreamForNormalization(String fieldName, TokenStream in) {
    // Wildcard and prefix queries are normalised, not analysed: fold them the same way.
    return Folding.fold(in);
  }

  @Override
  public void close() {
    super.close();
    delegate.close();
  }
}
