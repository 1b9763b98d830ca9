package io.newssearch.lucene.search;

import io.newssearch.lucene.Schema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * Did-you-mean: respells the words of a plain-words query that the index does not contain, with
 * the closest more frequent word of the {@link Schema#SPELL} field (Lucene's DirectSpellChecker:
 * no side index, the term dictionary is the dictionary). Queries with syntax (fields, quotes,
 * operators, wildcards) are left alone: respelling them word by word could change their meaning.
 */
public final class SpellingCorrector {

  /** Searches with fewer hits than this get a suggestion, if there is one. */
  public static final int FEW_HITS = 3;
  /** Longer queries are not plain words a user typed; correcting them is not worth the lookups. */
  static final int MAX_WORDS = 10;

  /** Letters, digits and apostrophes between spaces: no Lucene syntax (a hyphen is NOT). */
  private static final Pattern PLAIN_WORDS = Pattern.compile("[\\p{L}\\p{N}\\p{M}'’]+(\\s+[\\p{L}\\p{N}\\p{M}'’]+)*");
  private static final Pattern OPERATORS = Pattern.compile("\\b(AND|OR|NOT)\\b");

  /** Thread-safe once configured; one for every search. */
  private final DirectSpellChecker checker = new DirectSpellChecker();

  /** The query with its unknown words respelled, or null when it is not plain words or nothing changes. */
  String correct(IndexReader reader, String query) throws IOException {
    List<String> words = wordsToCorrect(query);
    if (words == null) {
      return null;
    }
    java.util.Map<String, String> best = new java.util.HashMap<>();
    for (String word : words) {
      SuggestWord[] found = checker.suggestSimilar(new Term(Schema.SPELL, word), 1, reader,
          SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
      if (found.length > 0) {
        best.put(word, found[0].string);
      }
    }
    return respelled(words, best);
  }

  /**
   * The lowercased words of a query that may be respelled, or null when it is not plain words (or
   * too many). Shared with the Solr backend, whose spell checker looks the words up.
   */
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
  public static String respelled(List<String> words, java.util.Map<String, String> best) {
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
