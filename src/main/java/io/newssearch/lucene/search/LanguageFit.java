package io.newssearch.lucene.search;

import io.newssearch.lucene.Schema;
import io.newssearch.search.Ranking;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;

/**
 * How well each language searched fits the query, read from the index ({@link Ranking#languageFit()}):
 * the share of the query's weight (its words' idf) whose words occur in that language's articles,
 * each word analysed as that language analyses it. A French headline's words are all in French
 * articles, while Swahili articles hold its "la" and "de" and a few names: without this, those
 * shared tokens, rare in the index as a whole, let other languages' articles outrank it. A query
 * whose words every language has (a name) fits them all alike and nothing changes.
 *
 * <p>The weight of a language is {@code (fit / best fit)^languageFit}; it multiplies the scores of
 * that language's articles ({@link LanguageWeights}).
 */
final class LanguageFit {

  private LanguageFit() {}

  /**
   * @param branches each analyzer's parse of the query and the languages it searches
   * @return the weight of each language (1 for the best fitting), or empty when nothing differs
   */
  static Map<String, Float> weights(Map<Query, Set<String>> branches, IndexSearcher searcher, float exponent)
      throws IOException {
    Map<String, Double> fit = new LinkedHashMap<>();
    IndexReader reader = searcher.getIndexReader();
    for (var branch : branches.entrySet()) {
      List<Term> words = new ArrayList<>();
      bodyWords(branch.getKey(), words);
      long[] df = docFreqs(words, reader); // the same for each language of the branch: read once
      for (String lang : branch.getValue()) {
        fit.put(lang, fit(words, df, lang, searcher));
      }
    }
    double best = fit.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    Map<String, Float> out = new LinkedHashMap<>();
    if (best <= 0 || fit.size() < 2) {
      return out;
    }
    fit.forEach((lang, f) -> out.put(lang, (float) Math.pow(f / best, exponent)));
    return out.values().stream().allMatch(w -> w == 1f) ? Map.of() : out;
  }

  private static long[] docFreqs(List<Term> words, IndexReader reader) throws IOException {
    long[] df = new long[words.size()];
    for (int i = 0; i < df.length; i++) {
      df[i] = reader.docFreq(words.get(i));
    }
    return df;
  }

  /** The idf-weighted share of the words that occur in at least one article of {@code lang}. */
  private static double fit(List<Term> words, long[] df, String lang, IndexSearcher searcher)
      throws IOException {
    double total = 0, present = 0;
    long n = Math.max(1, searcher.getIndexReader().maxDoc());
    for (int i = 0; i < df.length; i++) {
      double idf = Math.log(1 + (n - df[i] + 0.5) / (df[i] + 0.5));
      total += idf;
      if (df[i] > 0 && exists(searcher, words.get(i), lang)) {
        present += idf;
      }
    }
    return total == 0 ? 0 : present / total;
  }

  /**
   * Whether a word occurs in a language, per index reader: the same words come back query after
   * query (a news topic is searched many times a day), and finding out costs a search per
   * language and segment. Bounded; dropped with its reader.
   */
  private static final Map<IndexReader.CacheKey, Map<String, Boolean>> KNOWN = new ConcurrentHashMap<>();
  private static final int MAX_KNOWN = 100_000;

  private static boolean exists(IndexSearcher searcher, Term word, String lang) throws IOException {
    IndexReader.CacheHelper helper = searcher.getIndexReader().getReaderCacheHelper();
    if (helper == null) {
      return search(searcher, word, lang);
    }
    Map<String, Boolean> known = KNOWN.computeIfAbsent(helper.getKey(), key -> {
      helper.addClosedListener(KNOWN::remove);
      return new ConcurrentHashMap<>();
    });
    String key = lang + '\u0000' + word.text();
    Boolean found = known.get(key);
    if (found == null) {
      found = search(searcher, word, lang);
      if (known.size() >= MAX_KNOWN) {
        known.clear();
      }
      known.put(key, found);
    }
    return found;
  }

  /** Whether any live article of {@code lang} has the word: stops at the first one. */
  private static boolean search(IndexSearcher searcher, Term word, String lang) throws IOException {
    Query both = new BooleanQuery.Builder()
        .add(new TermQuery(word), Occur.FILTER)
        .add(new TermQuery(new Term(Schema.LANGUAGE, lang)), Occur.FILTER)
        .build();
    Weight w = searcher.createWeight(searcher.rewrite(both), ScoreMode.COMPLETE_NO_SCORES, 1f);
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      Scorer s = w.scorer(leaf);
      if (s == null) {
        continue;
      }
      Bits live = leaf.reader().getLiveDocs();
      DocIdSetIterator it = s.iterator();
      for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
        if (live == null || live.get(doc)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The body terms of the query's words that score (not excluded ones), each word once. */
  private static void bodyWords(Query q, List<Term> out) {
    switch (q) {
      case BooleanQuery b -> {
        for (BooleanClause c : b.clauses()) {
          if (c.occur() != Occur.MUST_NOT && c.occur() != Occur.FILTER) {
            bodyWords(c.query(), out);
          }
        }
      }
      case BoostQuery b -> bodyWords(b.getQuery(), out);
      case DisjunctionMaxQuery d -> QueryWords.written(d).filter(t -> !out.contains(t)).ifPresent(out::add);
      case SynonymQuery s -> QueryWords.written(s).filter(t -> !out.contains(t)).ifPresent(out::add);
      case Bm25fTerm c when !out.contains(c.bodyTerm()) -> out.add(c.bodyTerm());
      case TermQuery t when t.getTerm().field().equals(Schema.BODY) && !out.contains(t.getTerm()) -> out.add(t.getTerm());
      default -> { } // phrases, prefixes, other fields: not a word of one language
    }
  }
}
