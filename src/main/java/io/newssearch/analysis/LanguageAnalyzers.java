package io.newssearch.analysis;

import io.newssearch.article.LanguageCodes;
import java.io.Closeable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;

/**
 * The analyzer for each language's title and body text, built once and shared: Lucene analyzers
 * are thread-safe (each thread reuses its own token streams).
 *
 * <p>Languages listed in {@link #dedicatedLanguages()} get a stemming chain of their own (see
 * {@code DedicatedAnalyzers} for what each does); every other language, "und", and Chinese,
 * Japanese and Korean share {@link FallbackAnalyzer}. All chains fold case and accents last, so
 * character variants never stop a match.
 *
 * <p>The query side must analyse a query with the analyzer its documents were indexed with. To
 * search several languages at once, parse the query once per distinct {@link #analyzerKey}, not
 * once per language: "sw", "zh" and "und" share one key, hence one parse.
 */
public final class LanguageAnalyzers implements Closeable {

  /** Key of the shared fallback analyzer. */
  public static final String FALLBACK_KEY = "fallback";

  /** The languages of {@link DedicatedAnalyzers}, known without building their analyzers. */
  private static final Set<String> DEDICATED = Set.copyOf(DedicatedAnalyzers.byLanguage().keySet());

  private final Map<String, Analyzer> byKey;
  private final Set<String> dedicated;

  public LanguageAnalyzers() {
    Map<String, Analyzer> m = new LinkedHashMap<>();
    DedicatedAnalyzers.byLanguage().forEach((lang, factory) -> m.put(lang, new FoldingAnalyzer(factory.get())));
    this.dedicated = Collections.unmodifiableSet(new LinkedHashSet<>(m.keySet()));
    m.put(FALLBACK_KEY, new FallbackAnalyzer());
    this.byKey = Collections.unmodifiableMap(m);
  }

  /**
   * Analyzer for title and body text in {@code language}; never null. Accepts ISO 639-1 codes and
   * common variants ("pt-BR", "EN", "iw", "no"); null, "und" and unknown languages get the fallback.
   */
  public Analyzer forLanguage(String language) {
    return byKey.get(analyzerKey(language));
  }

  /**
   * The name of the analyzer {@link #forLanguage} returns: the normalised language code for a
   * dedicated language ("pt-BR" → "pt", "no" → "nb"), otherwise {@link #FALLBACK_KEY}. Equal keys
   * mean the same Analyzer instance, so a query parsed for one language of a key is valid for all.
   */
  public String analyzerKey(String language) {
    String lang = LanguageCodes.normalise(language);
    return lang != null && dedicated.contains(lang) ? lang : FALLBACK_KEY;
  }

  /**
   * Whether an article in this language also has its headline and opening cut into pieces of a few
   * letters ({@link SubwordAnalyzer}; the embedded {@code Schema.SUBWORDS}, Solr's {@code subwords}
   * field): a language without an analyzer of its own, hence without a stemmer. The one rule both
   * engines' documents follow.
   */
  public static boolean cutsIntoPieces(String language) {
    String lang = LanguageCodes.normalise(language);
    return lang == null || !DEDICATED.contains(lang);
  }

  /** Analyzer by key, as returned by {@link #analyzerKey}; the fallback for an unknown key. */
  public Analyzer forKey(String key) {
    return byKey.getOrDefault(key, byKey.get(FALLBACK_KEY));
  }

  /** Every analyzer key: the dedicated languages plus {@link #FALLBACK_KEY}. */
  public Set<String> analyzerKeys() {
    return byKey.keySet();
  }

  /** Languages (ISO 639-1) with an analyzer of their own; every other language shares the fallback. */
  public Set<String> dedicatedLanguages() {
    return dedicated;
  }

  @Override
  public void close() {
    byKey.values().forEach(Analyzer::close);
  }
}
