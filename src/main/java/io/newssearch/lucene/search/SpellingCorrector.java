package io.newssearch.lucene.search;

import io.newssearch.analysis.LanguageAnalyzers;
import io.newssearch.lucene.Schema;
import io.newssearch.search.Respelling;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * Did-you-mean on the embedded index ({@link Respelling} says when): each word the index does not
 * contain is respelled with the closest more frequent word of the {@link Schema#SPELL} field
 * (Lucene's DirectSpellChecker: no side index, the term dictionary is the dictionary). That field
 * holds headlines and openings only, so a word it lacks is first looked up as the searched
 * languages' analyzers index it in the story text and headline: found there, it is a real word.
 */
final class SpellingCorrector {

  /** Thread-safe once configured; one for every search. */
  private final DirectSpellChecker checker = new DirectSpellChecker();
  private final LanguageAnalyzers analyzers;

  SpellingCorrector(LanguageAnalyzers analyzers) {
    this.analyzers = analyzers;
  }

  /**
   * The query with its unknown words respelled, or null when it is not plain words or nothing changes.
   *
   * @param languages the languages searched, whose analyzers say whether a word is in the text
   */
  String correct(IndexReader reader, Set<String> languages, String query) throws IOException {
    List<String> words = Respelling.wordsToCorrect(query);
    if (words == null) {
      return null;
    }
    Map<String, String> best = new HashMap<>();
    for (String word : words) {
      if (reader.docFreq(new Term(Schema.SPELL, word)) > 0 || inText(reader, languages, word)) {
        continue;
      }
      SuggestWord[] found = checker.suggestSimilar(new Term(Schema.SPELL, word), 1, reader,
          SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
      if (found.length > 0) {
        best.put(word, found[0].string);
      }
    }
    return Respelling.respelled(words, best);
  }

  /**
   * Whether some searched language's analysis of the word (a stop word: none) is indexed in full in
   * an article of that language: one body field holds every language's stems, and another
   * language's stemmer may turn a misspelling into a real stem ("carmakr" is French "carmak").
   */
  private boolean inText(IndexReader reader, Set<String> languages, String word) throws IOException {
    Map<String, Set<String>> byKey = new LinkedHashMap<>();
    languages.forEach(lang -> byKey.computeIfAbsent(analyzers.analyzerKey(lang), k -> new HashSet<>()).add(lang));
    IndexSearcher searcher = new IndexSearcher(reader);
    searcher.setQueryCache(null); // a few lookups, once
    for (var key : byKey.entrySet()) {
      List<String> terms = terms(analyzers.forKey(key.getKey()), word);
      if (terms.isEmpty() || inArticles(searcher, Schema.BODY, terms, key.getValue())
          || inArticles(searcher, Schema.TITLE, terms, key.getValue())) {
        return true;
      }
    }
    return false;
  }

  private static boolean inArticles(IndexSearcher searcher, String field, List<String> terms, Set<String> languages)
      throws IOException {
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    for (String t : terms) {
      if (searcher.getIndexReader().docFreq(new Term(field, t)) == 0) {
        return false;
      }
      all.add(new TermQuery(new Term(field, t)), Occur.MUST);
    }
    all.add(QueryFactory.languageFilter(languages), Occur.FILTER);
    return searcher.count(all.build()) > 0;
  }

  private static List<String> terms(Analyzer analyzer, String word) throws IOException {
    List<String> out = new ArrayList<>(2);
    try (TokenStream ts = analyzer.tokenStream(Schema.BODY, word)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    }
    return out;
  }
}
