package io.newssearch.analysis;

import io.newssearch.article.Article;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the language tags that inputs and detectors give into the plain ISO 639-1 codes we key on.
 * Public so that ingest can store the same code the analyzers are chosen by (a "pt-BR" feed and a
 * "pt" feed should facet as one language).
 */
public final class LanguageCodes {

  /**
   * Old or alternative codes still seen in feeds (Java's Locale itself answers "iw" for Hebrew), and
   * Norwegian's umbrella code: one Norwegian analyzer serves Bokmål and Nynorsk.
   */
  private static final Map<String, String> ALIASES =
      Map.of("iw", "he", "in", "id", "ji", "yi", "no", "nb", "nn", "nb", "mo", "ro");

  private LanguageCodes() {}

  /**
   * "pt-BR", "zh_Hant", " EN " become "pt", "zh", "en"; null or blank becomes {@code "und"}. Region
   * and script are dropped because no analyzer here differs by them.
   */
  public static String normalize(String tag) {
    if (tag == null || tag.isBlank()) {
      return Article.UNDETERMINED;
    }
    String lang = tag.strip().toLowerCase(Locale.ROOT);
    int cut = indexOfSeparator(lang);
    if (cut >= 0) {
      lang = lang.substring(0, cut);
    }
    return ALIASES.getOrDefault(lang, lang);
  }

  private static int indexOfSeparator(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '-' || c == '_') {
        return i;
      }
    }
    return -1;
  }
}
