package io.newssearch.lucene.search;

import io.newssearch.lucene.Schema;
import io.newssearch.search.Respelling;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * Did-you-mean on the embedded index ({@link Respelling} says when): each word the index does not
 * contain is respelled with the closest more frequent word of the {@link Schema#SPELL} field
 * (Lucene's DirectSpellChecker: no side index, the term dictionary is the dictionary).
 */
final class SpellingCorrector {

  /** Thread-safe once configured; one for every search. */
  private final DirectSpellChecker checker = new DirectSpellChecker();

  /** The query with its unknown words respelled, or null when it is not plain words or nothing changes. */
  String correct(IndexReader reader, String query) throws IOException {
    List<String> words = Respelling.wordsToCorrect(query);
    if (words == null) {
      return null;
    }
    Map<String, String> best = new HashMap<>();
    for (String word : words) {
      SuggestWord[] found = checker.suggestSimilar(new Term(Schema.SPELL, word), 1, reader,
          SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
      if (found.length > 0) {
        best.put(word, found[0].string);
      }
    }
    return Respelling.respelled(words, best);
  }
}
