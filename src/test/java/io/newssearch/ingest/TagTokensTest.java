package io.newssearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The tag extractor's hand-written sentence cut, word scan and stripping give what the regular
 * expressions they replace gave, on random text of many scripts, marks, digits, apostrophes and supplementary
 * characters.
 */
class TagTokensTest {

  private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+(?:['’][\\p{L}\\p{M}]+)*");
  private static final Pattern POSSESSIVE = Pattern.compile("(?i)['’]s$");
  private static final Pattern ELIDED = Pattern.compile("^\\p{Ll}{1,2}['’](.+)$");
  private static final Pattern SENTENCE_BREAK = Pattern.compile("(?<=[.!?…])\\s+|\\n+");

  /** Letters of several scripts and cases, marks, digits of several kinds, joiners and separators. */
  private static final String[] PIECES = {
      "a", "b", "l", "d", "s", "S", "qu", "I", "Z", "é", "ß", "ǅ", "ʰ", "я", "Д", "ω", "Ω", "ب", "中", "ー",
      "\u0301", "\u20DD", "\u0903", "1", "7", "٣", "Ⅻ", "½", "'", "’", "'s", "’S", "-", " ", "  ", ",", ".",
      "\n", "\u00a0", "\uD835\uDC00", "\uD835\uDC1A", "\uD83D\uDE00", "\uD801\uDC28", "_", "\"", "l'", "d’"};

  @Test
  void words_and_their_stripped_forms_are_those_of_the_regular_expressions() {
    Random random = new Random(7);
    for (int i = 0; i < 50_000; i++) {
      StringBuilder text = new StringBuilder();
      for (int k = random.nextInt(12); k >= 0; k--) {
        text.append(PIECES[random.nextInt(PIECES.length)]);
      }
      String s = text.toString();
      assertEquals(reference(s), TagExtractor.tokens(s), () -> "text " + codePoints(s));
    }
  }

  @Test
  void sentences_are_cut_as_the_regular_expression_cut_them() {
    String[] pieces = {"a", "B", " ", "  ", "\t", "\n", "\n\n", "\r", "\u000B", "\f", ".", "!", "?", "…", ",",
        "\u00a0", "x.", ". ", "\n.", "é"};
    Random random = new Random(11);
    for (int i = 0; i < 50_000; i++) {
      StringBuilder text = new StringBuilder();
      for (int k = random.nextInt(10); k > 0; k--) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      String s = text.toString();
      assertEquals(List.of(SENTENCE_BREAK.split(s)), TagExtractor.sentences(s), () -> "text " + codePoints(s));
    }
  }

  @Test
  void possessives_and_elided_articles_are_stripped() {
    assertEquals(List.of("Iran", "Iran", "Iran", "il", "O'Neill", "L'Oreal", "abc'd"),
        TagExtractor.tokens("Iran’s l'Iran l'Iran's qu’il O'Neill L'Oreal abc'd"));
  }

  private static List<String> reference(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = TOKEN.matcher(text);
    while (m.find()) {
      String t = POSSESSIVE.matcher(m.group()).replaceFirst("");
      Matcher elided = ELIDED.matcher(t);
      out.add(elided.matches() ? elided.group(1) : t);
    }
    return out;
  }

  private static String codePoints(String s) {
    StringBuilder b = new StringBuilder();
    s.codePoints().forEach(cp -> b.append(String.format("U+%04X ", cp)));
    return b.toString();
  }
}
