package io.newssearch.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The did-you-mean rule of every engine: only a plain-words query with few hits is respelled, word
 * by word. Queries with syntax (fields, quotes, operators, wildcards) are left alone: respelling
 * them word by word could change their meaning. An engine looks up the better spelling of each word
 * its own way (the embedded index: Lucene's DirectSpellChecker; Solr: its spellcheck component).
 */
public final class Respelling {

  /** Searches with fewer hits than this get a suggestion, if there is one. */
  public static final int FEW_HITS = 3;
  /** Longer queries are not plain words a user typed; correcting them is not worth the lookups. */
  static final int MAX_WORDS = 10;

  /** Letters, digits and apostrophes between spaces: no Lucene syntax (a hyphen is NOT). */
  private static final Pattern PLAIN_WORDS = Pattern.compile("[\\p{L}\\p{N}\\p{M}'’]+(\\s+[\\p{L}\\p{N}\\p{M}'’]+)*");
  private static final Pattern OPERATORS = Pattern.compile("\\b(AND|OR|NOT)\\b");

  private Respelling() {}

  /** The lowercased words of a query that may be respelled, or null when it is not plain words (or too many). */
  public static List<String> wordsToCorrect(String query) {
    String text = query == null ? "" : query.strip();
    if (text.isEmpty() || !PLAIN_WORDS.matcher(text).matches() || OPERATORS.matcher(text).find()) {
      return null;
    }
    String[] words = text.split("\\s+");
    if (words.length > MAX_WORDS) {
      return null;
    }
    List<String> out = new ArrayList<>(words.length);
    for (String w : words) {
      out.add(w.toLowerCase(Locale.ROOT));
    }
    return out;
  }

  /** The words with each one that has a better spelling replaced; null when none has. */
  public static String respelled(List<String> words, Map<String, String> best) {
    List<String> out = new ArrayList<>(words.size());
    boolean changed = false;
    for (String w : words) {
      String b = best.get(w);
      changed |= b != null;
      out.add(b != null ? b : w);
    }
    return changed ? String.join(" ", out) : null;
  }
}
