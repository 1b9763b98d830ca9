package io.newssearch.article;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;

/**
 * Turns the ways inputs name a language ("EN", "eng", "ger", "English", "Deutsch", "fr-FR", "pt_BR")
 * into the ISO 639-1 code the index, the facets and the analyzers are keyed by. Built from the JDK's locale data, so every language
 * Java knows is covered without a hand-kept table.
 */
public final class LanguageCodes {

  private static final Map<String, String> CODES = build();
  /** A language code and subtags of letters and digits: "fr-FR", "pt_BR", "zh-Hant-TW". */
  private static final java.util.regex.Pattern LOCALE_TAG = java.util.regex.Pattern.compile("[a-z]{2,3}([-_][a-z0-9]{1,8})+");

  private LanguageCodes() {}

  /**
   * The two-letter code for {@code name} (a three-letter code when the language has no two-letter
   * one), or {@code null} when it names no language we know (callers
   * then detect the language from the text instead of indexing a wrong one). "und" stays "und".
   */
  public static String normalise(String name) {
    if (name == null || name.isBlank()) return null;
    String n = name.strip().toLowerCase(Locale.ROOT);
    if (n.equals("und")) return "und";
    String code = CODES.get(n);
    if (code == null && LOCALE_TAG.matcher(n).matches()) {
      // A locale tag: the language is the part before the region ("fr-FR", "pt_BR", "zh-Hant-TW").
      code = CODES.get(n.substring(0, indexOfAny(n, "-_")));
    }
    if (code == null && n.matches("[a-z]{3}")) {
      // An ISO 639-3 code with no two-letter form (ckb, pcm, yue): keep it as it is.
      code = n;
    }
    return code;
  }

  private static Map<String, String> build() {
    Map<String, String> map = new HashMap<>();
    for (String code : Locale.getISOLanguages()) {
      if (code.length() != 2) continue;
      Locale locale = Locale.of(code);
      map.put(code, code);
      try {
        map.put(locale.getISO3Language(), code);
      } catch (MissingResourceException e) {
        // The JDK knows no three-letter form for this code; its two-letter form and names still work.
      }
      putName(map, locale.getDisplayLanguage(Locale.ENGLISH), code);
      putName(map, locale.getDisplayLanguage(locale), code);
    }
    // ISO 639-2/B (bibliographic) codes, used by library and older news feeds, and common aliases.
    String[][] extra = {
      {"ger", "de"}, {"fre", "fr"}, {"per", "fa"}, {"farsi", "fa"}, {"chi", "zh"}, {"dut", "nl"},
      {"gre", "el"}, {"cze", "cs"}, {"arm", "hy"}, {"baq", "eu"}, {"bur", "my"}, {"geo", "ka"},
      {"ice", "is"}, {"mac", "mk"}, {"mao", "mi"}, {"may", "ms"}, {"rum", "ro"}, {"slo", "sk"},
      {"tib", "bo"}, {"wel", "cy"}, {"alb", "sq"}, {"iw", "he"}, {"in", "id"}, {"ji", "yi"},
      {"mo", "ro"},
      // One Norwegian analyzer serves Bokmål and Nynorsk, so they facet as one language too.
      {"no", "nb"}, {"nn", "nb"}, {"nor", "nb"}, {"nno", "nb"}, {"nob", "nb"}, {"norwegian", "nb"},
    };
    for (String[] e : extra) map.put(e[0], e[1]);
    return Map.copyOf(map);
  }

  private static void putName(Map<String, String> map, String name, String code) {
    if (name != null && !name.isBlank()) map.putIfAbsent(name.toLowerCase(Locale.ROOT), code);
  }

  private static int indexOfAny(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) return i;
    }
    return -1;
  }
}
