package io.newssearch.analysis;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.bg.BulgarianAnalyzer;
import org.apache.lucene.analysis.bn.BengaliAnalyzer;
import org.apache.lucene.analysis.ca.CatalanAnalyzer;
import org.apache.lucene.analysis.ckb.SoraniAnalyzer;
import org.apache.lucene.analysis.cz.CzechAnalyzer;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.el.GreekAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.et.EstonianAnalyzer;
import org.apache.lucene.analysis.eu.BasqueAnalyzer;
import org.apache.lucene.analysis.fa.PersianAnalyzer;
import org.apache.lucene.analysis.fi.FinnishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.ga.IrishAnalyzer;
import org.apache.lucene.analysis.gl.GalicianAnalyzer;
import org.apache.lucene.analysis.hi.HindiAnalyzer;
import org.apache.lucene.analysis.hu.HungarianAnalyzer;
import org.apache.lucene.analysis.hy.ArmenianAnalyzer;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.lt.LithuanianAnalyzer;
import org.apache.lucene.analysis.lv.LatvianAnalyzer;
import org.apache.lucene.analysis.ne.NepaliAnalyzer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.no.NorwegianAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.ro.RomanianAnalyzer;
import org.apache.lucene.analysis.sr.SerbianAnalyzer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.apache.lucene.analysis.ta.TamilAnalyzer;
import org.apache.lucene.analysis.te.TeluguAnalyzer;
import org.apache.lucene.analysis.th.ThaiAnalyzer;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;

/**
 * The languages that get a chain of their own, and what each chain does. Every chain ends in ICU
 * folding ({@link FoldingAnalyzer}, which says why it comes last); languages not listed here use
 * {@link FallbackAnalyzer}.
 *
 * <p>Not dedicated on purpose: Chinese, Japanese and Korean (the fallback's CJK bigrams match any
 * two-character query; Lucene's word segmenters are separate modules we do not ship), and
 * Ukrainian, Polish, Croatian (their stemmers live in lucene-analysis-morfologik/-stempel, not
 * shipped; the fallback still folds and tokenizes them well).
 */
final class DedicatedAnalyzers {

  private DedicatedAnalyzers() {}

  /** ISO 639-1 code → a factory for its chain, in a stable order. */
  static Map<String, Supplier<Analyzer>> byLanguage() {
    Map<String, Supplier<Analyzer>> m = new LinkedHashMap<>();
    // English: possessive 's dropped, English stopwords, Porter stemmer: drills/drilling → drill.
    m.put("en", EnglishAnalyzer::new);
    // Russian: see RussianChain (ё→е, stopwords, Snowball): учения/учений/учениях → учен.
    m.put("ru", RussianChain::new);
    // Persian: PersianCharFilter turns ZWNJ into a word break (so می‌شود, می شود meet and the
    // prefix می is a stopword), Arabic + Persian normalisation (ی→ي, ک→ك, alef forms, harakat,
    // tatweel), Persian digits → ASCII, stopwords, Persian stemmer (plural ها, so کتابها → کتاب).
    m.put("fa", PersianAnalyzer::new);
    // Arabic: digits → ASCII, stopwords, normalisation (أ/إ/آ → ا, ى → ي, ة → ه, harakat and
    // tatweel dropped), light stemmer (ال/وال prefixes, ات/ون/ين suffixes).
    m.put("ar", ArabicAnalyzer::new);
    // German: stopwords, GermanNormalizationFilter (ä→a, ö→o, ü→u, ß→ss, and ae/oe/ue as typed on
    // keyboards without umlauts), light stemmer: Straße = Strasse, Gebäude = Gebaeude = Gebaude.
    m.put("de", GermanAnalyzer::new);
    // French: elision (l', d', qu'...) so l'élection → élection, stopwords, light stemmer; then
    // folding, so a query typed without accents ("election") matches.
    m.put("fr", FrenchAnalyzer::new);
    // Spanish, Italian (with elision: dell'esercito → esercito), Portuguese: stopwords, light
    // stemmers written for accented input, then folding.
    m.put("es", SpanishAnalyzer::new);
    m.put("it", ItalianAnalyzer::new);
    m.put("pt", PortugueseAnalyzer::new);
    m.put("ca", CatalanAnalyzer::new);
    m.put("gl", GalicianAnalyzer::new);
    m.put("ro", RomanianAnalyzer::new);
    // Dutch and the Nordic languages: stopwords + Snowball stemmers.
    m.put("nl", DutchAnalyzer::new);
    m.put("sv", SwedishAnalyzer::new);
    m.put("da", DanishAnalyzer::new);
    m.put("nb", NorwegianAnalyzer::new);
    m.put("fi", FinnishAnalyzer::new);
    // Turkish: apostrophe suffixes cut (Ankara'da → Ankara), Turkish lowercasing (I→ı, İ→i),
    // Snowball; folding afterwards lets "istanbul" match "İstanbul" and "Istanbul".
    m.put("tr", TurkishAnalyzer::new);
    m.put("hu", HungarianAnalyzer::new);
    m.put("cs", CzechAnalyzer::new);
    m.put("et", EstonianAnalyzer::new);
    m.put("lv", LatvianAnalyzer::new);
    m.put("lt", LithuanianAnalyzer::new);
    m.put("eu", BasqueAnalyzer::new);
    m.put("ga", IrishAnalyzer::new);
    // Greek: Greek lowercasing drops tonos and final sigma, stopwords, Greek stemmer.
    m.put("el", GreekAnalyzer::new);
    m.put("bg", BulgarianAnalyzer::new);
    // Serbian: Cyrillic and Latin spellings normalised to one form before stemming.
    m.put("sr", SerbianAnalyzer::new);
    m.put("hy", ArmenianAnalyzer::new);
    m.put("id", IndonesianAnalyzer::new);
    m.put("hi", HindiAnalyzer::new);
    m.put("bn", BengaliAnalyzer::new);
    m.put("ne", NepaliAnalyzer::new);
    m.put("ta", TamilAnalyzer::new);
    m.put("te", TeluguAnalyzer::new);
    m.put("ckb", SoraniAnalyzer::new);
    // Thai: no spaces between words, so a dictionary word breaker, then Thai stopwords.
    m.put("th", ThaiAnalyzer::new);
    return m;
  }
}
