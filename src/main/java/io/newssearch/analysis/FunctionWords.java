package io.newssearch.analysis;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.ca.CatalanAnalyzer;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fi.FinnishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.hu.HungarianAnalyzer;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.no.NorwegianAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.ro.RomanianAnalyzer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;

/**
 * A second opinion on a short text in the Latin script: the function words of each language Lucene
 * keeps a stopword list for ("the", "and", "le", "der", "og"...). A few words of n-gram evidence
 * let the detector's model take "Dam opens / The new dam opened on Monday." for Norwegian; the
 * text's "the" and "on" say English.
 */
final class FunctionWords {

  private static final Map<String, CharArraySet> BY_LANGUAGE = new LinkedHashMap<>();

  static {
    BY_LANGUAGE.put("en", EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
    BY_LANGUAGE.put("fr", FrenchAnalyzer.getDefaultStopSet());
    BY_LANGUAGE.put("de", GermanAnalyzer.getDefaultStopSet());
    BY_LANGUAGE.put("es", SpanishAnalyzer.getDefaultStopSet());
    BY_LANGUAGE.put("it", ItalianAnalyzer.getDefaultStopSet());
    BY_LANGUAGE.put("pt", PortugueseAnalyzer.getDefaultStopSet());
    BY_LANGUAGE.put("ca", CatalanAnalyzer.getDefaultStopSet());
    BY_LANGUAGE.put("ro", RomanianAnalyzer.getDefaultStopSet());
    BY_LANGUAGE.put("nl", DutchAnalyzer.getDefaultStopSet());
    BY_LANGUAGE.put("sv", SwedishAnalyzer.getDefaultStopSet());
    BY_LANGUAGE.put("nb", NorwegianAnalyzer.getDefaultStopSet());
    BY_LANGUAGE.put("da", DanishAnalyzer.getDefaultStopSet());
    BY_LANGUAGE.put("fi", FinnishAnalyzer.getDefaultStopSet());
    BY_LANGUAGE.put("hu", HungarianAnalyzer.getDefaultStopSet());
    BY_LANGUAGE.put("tr", TurkishAnalyzer.getDefaultStopSet());
    BY_LANGUAGE.put("id", IndonesianAnalyzer.getDefaultStopSet());
  }

  private FunctionWords() {}

  /**
   * The language whose function words the text holds clearly most of: at least twice, and at least
   * twice as often as any other language's; empty when none does (a headline fragment, or words
   * that several languages share, as the Scandinavian ones do).
   */
  static Optional<String> dominant(String text) {
    String[] words = words(text);
    String best = null;
    int first = 0;
    int second = 0;
    for (Map.Entry<String, CharArraySet> e : BY_LANGUAGE.entrySet()) {
      int n = count(words, e.getValue());
      if (n > first) {
        second = first;
        first = n;
        best = e.getKey();
      } else if (n > second) {
        second = n;
      }
    }
    return first >= 2 && first >= 2 * second ? Optional.of(best) : Optional.empty();
  }

  /** Whether this language's function words can be counted here. */
  static boolean knows(String language) {
    return BY_LANGUAGE.containsKey(language);
  }

  /** How many of the text's words are this language's function words. */
  static int count(String text, String language) {
    return count(words(text), BY_LANGUAGE.get(language));
  }

  private static String[] words(String text) {
    return text.toLowerCase(Locale.ROOT).split("[^\\p{L}']+");
  }

  private static int count(String[] words, CharArraySet functionWords) {
    int n = 0;
    for (String w : words) {
      if (!w.isEmpty() && functionWords.contains(w)) {
        n++;
      }
    }
    return n;
  }
}
