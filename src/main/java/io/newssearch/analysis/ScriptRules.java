package io.newssearch.analysis;

import java.util.Optional;

/**
 * Languages that can be read off the script alone, checked before the statistical model.
 *
 * <p>Why: OpenNLP's model gives Chinese and Japanese text almost uniform probabilities (a Chinese
 * sentence scored 1.01x its runner-up, Latvian), so its answer there is a coin toss even when it
 * is right. Kana means Japanese, Hangul means Korean, Han without kana means Chinese; Greek, Thai,
 * Georgian and Armenian scripts are each used by one news language.
 */
final class ScriptRules {

  /** Share of the letters a script must have before it decides the language. */
  private static final double DOMINANT = 0.5;

  private ScriptRules() {}

  static Optional<String> languageOf(String text) {
    int letters = 0, han = 0, kana = 0, hangul = 0, greek = 0, thai = 0, georgian = 0, armenian = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (!Character.isLetter(cp)) {
        continue;
      }
      letters++;
      switch (Character.UnicodeScript.of(cp)) {
        case HAN -> han++;
        case HIRAGANA, KATAKANA -> kana++;
        case HANGUL -> hangul++;
        case GREEK -> greek++;
        case THAI -> thai++;
        case GEORGIAN -> georgian++;
        case ARMENIAN -> armenian++;
        default -> { }
      }
    }
    if (letters == 0) {
      return Optional.empty();
    }
    if (kana > 0 && dominant(han + kana, letters)) {
      return Optional.of("ja");
    }
    if (dominant(hangul, letters)) {
      return Optional.of("ko");
    }
    if (dominant(han, letters)) {
      return Optional.of("zh");
    }
    if (dominant(greek, letters)) {
      return Optional.of("el");
    }
    if (dominant(thai, letters)) {
      return Optional.of("th");
    }
    if (dominant(georgian, letters)) {
      return Optional.of("ka");
    }
    return dominant(armenian, letters) ? Optional.of("hy") : Optional.empty();
  }

  private static boolean dominant(int count, int letters) {
    return count > DOMINANT * letters;
  }
}
