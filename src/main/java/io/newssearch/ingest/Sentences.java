package io.newssearch.ingest;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Titles for collections that have none: the first sentence of the text, cut to a few words. */
final class Sentences {

  /** A sentence ends at . ! or ? (with a closing quote or bracket) before a space. */
  private static final Pattern END = Pattern.compile("[.!?][\"'»”)]*\\s");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private Sentences() {}

  /** The first sentence of {@code text}, whitespace collapsed, at most {@code maxWords} words. */
  static String firstSentence(String text, int maxWords) {
    if (text == null) return null;
    String t = SPACES.matcher(text.strip()).replaceAll(" ");
    Matcher m = END.matcher(t + " ");
    String sentence = m.find() ? t.substring(0, Math.min(t.length(), m.end() - 1)).strip() : t;
    String[] words = sentence.split(" ");
    if (words.length <= maxWords) return sentence;
    return String.join(" ", Arrays.copyOf(words, maxWords));
  }
}
