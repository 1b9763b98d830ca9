package io.newssearch.search;

import io.newssearch.index.Schema;
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
final class SpellingCorrector {

  /** Searches with fewer hits than this get a suggestion, if there is one. */
  static final int FEW_HITS = 3;
  /** Longer queries are not plain words a user typed; correcting them is not worth the lookups. */
  static final int MAX_WORDS = 10;

  /** Letters, digits and apostrophes between spaces: no Lucene syntax (a hyphen is NOT). */
  private static final Pattern PLAIN_WORDS = Pattern.compile("[\\p{L}\\p{N}\\p{M}'’]+(\\s+[\\p{L}\\p{N}\\p{M}'’]+)*");
  private static final Pattern OPERATORS = Pattern.compile("\\b(AND|OR|NOT)\\b");

  /** Thread-safe once configured; one for every search. */
  private final DirectSpellChecker checker = new DirectSpellChecker();

  /** The query with its unknown words respelled, or null when it is not plain words or nothing changes. */
  String correct(IndexReader reader, String query) throws IOException {
    String text = query == null ? "" : query.strip();
    if (text.isEmpty() || !PLAIN_WORDS.matcher(text).matches() || OPERATORS.matcher(text).find()) {
      return null;
    }
    String[] words = text.split("\\s+");
    if (words.length > MAX_WORDS) {
      return null;
    }
    List<String> out = new ArrayList<>(words.length);
    boolean changed = false;
    for (String w : words) {
      String word = w.toLowerCase(Locale.ROOT);
      SuggestWord[] best = checker.suggestSimilar(new Term(Schema.SPELL, word), 1, reader,
          SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
      if (best.length > 0) {
        out.add(best[0].string);
        changed = true;
      } else {
        out.add(word);
      }
    }
    return changed ? String.join(" ", out) : null;
  }
}
