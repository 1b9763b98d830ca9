package io.newssearch.lucene.search;

import io.newssearch.analysis.LanguageAnalyzers;
import io.newssearch.lucene.Schema;
import io.newssearch.search.Ranking;
import io.newssearch.search.ScoreBreakdown;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.util.BytesRef;

/**
 * Pseudo-relevance feedback in the manner of RM3 ({@link Ranking#feedback()}): the query's top
 * articles are taken as relevant, their words weighed by how often each article uses them and how
 * well the article scored (the relevance model), and the most telling of them — weighed by their
 * rarity too, since languages without a stopword list would otherwise offer "na" and "ya" — are
 * added to the query with {@code 1 − originalWeight} of its weight. Each article's text is
 * analysed as it was indexed, with its language's analyzer, and its words search the articles of
 * that analyzer's languages only.
 *
 * <p>What keeps it cheap enough to be on by default: one first search, with the request's
 * filters, gives both the articles the words come from and the candidates the words may reorder
 * ({@link Ranking.Feedback#rescored()}); the words are scored on those candidates once, and the
 * search's passes read the scores ({@link FeedbackWords}); only the model's contenders are looked
 * up in the index ({@link #choose}).
 */
final class RelevanceFeedback {

  /** Words of an article read for its model: the opening of a long story says enough. */
  private static final int MAX_TOKENS = 2_000;
  /** How the first search's top articles are shown in a query's description. */
  private static final String CANDIDATES = "feedback candidates";

  private RelevanceFeedback() {}

  /**
   * The feedback words to add beside {@code q} (as an optional clause: they only reorder what it
   * matches), or null when the query matches nothing or its articles offer no word.
   *
   * @param filters the request's filters: the first search finds the articles the user can get
   * @param languagesByKey the languages searched, by analyzer key
   * @param queryWords how many words the query has: the original part's weight scales with them
   */
  static Query words(Query q, List<Query> filters, IndexSearcher searcher, LanguageAnalyzers analyzers,
      Ranking ranking, Map<String, Set<String>> languagesByKey, int queryWords) throws IOException {
    Ranking.Feedback fb = ranking.feedback();
    int n = Math.max(fb.docs(), fb.rescored());
    // Past n matches the search skips what cannot enter the top n: no count of every match is needed.
    ScoreDoc[] first = searcher.search(Filters.apply(q, filters), new TopScoreDocCollectorManager(n, n)).scoreDocs;
    ScoreDoc[] top = Arrays.copyOf(first, Math.min(fb.docs(), first.length));
    if (top.length == 0) {
      return null;
    }
    // Each article's weight in the model: (score / best score)^sharpness, normalised below.
    double[] weights = new double[top.length];
    double total = 0;
    for (int i = 0; i < top.length; i++) {
      weights[i] = top[0].score > 0 ? Math.pow(top[i].score / top[0].score, fb.sharpness()) : 1;
      total += weights[i];
    }
    IndexReader reader = searcher.getIndexReader();
    // analyzer key → term → P(term | relevant)
    Map<String, Map<String, Double>> model = new LinkedHashMap<>();
    var stored = searcher.storedFields();
    for (int i = 0; i < top.length; i++) {
      ScoreDoc sd = top[i];
      Document d = stored.document(sd.doc, Set.of(Schema.BODY, Schema.LANGUAGE));
      String key = analyzers.analyzerKey(d.get(Schema.LANGUAGE));
      Map<String, Integer> tf = termFrequencies(analyzers, d.get(Schema.LANGUAGE), d.get(Schema.BODY));
      int length = tf.values().stream().mapToInt(Integer::intValue).sum();
      Map<String, Double> m = model.computeIfAbsent(key, k -> new HashMap<>());
      double docWeight = total > 0 ? weights[i] / total : 1.0 / top.length;
      tf.forEach((term, f) -> m.merge(term, docWeight * f / length, Double::sum));
    }
    List<Weighted> chosen = choose(model, reader, fb.terms());
    double sum = chosen.stream().mapToDouble(Weighted::weight).sum();
    if (sum <= 0) {
      return null;
    }
    double scale = (1 - fb.originalWeight()) / fb.originalWeight() * Math.max(1, queryWords) / sum;
    BooleanQuery.Builder added = new BooleanQuery.Builder();
    Map<String, BooleanQuery.Builder> byKey = new LinkedHashMap<>();
    for (Weighted w : chosen) {
      byKey.computeIfAbsent(w.key(), k -> new BooleanQuery.Builder())
          .add(new BoostQuery(Bm25fParser.term(new BytesRef(w.term()), ranking), (float) (w.weight() * scale)), Occur.SHOULD);
    }
    for (var e : byKey.entrySet()) {
      Set<String> langs = languagesByKey.getOrDefault(e.getKey(), Set.of());
      if (!langs.isEmpty()) {
        added.add(new BooleanQuery.Builder().add(e.getValue().build(), Occur.MUST)
            .add(QueryFactory.languageFilter(langs), Occur.FILTER).build(), Occur.SHOULD);
      }
    }
    Query words = added.build();
    return new FeedbackWords(words, fb.rescored() == 0 ? null : scoresOnCandidates(searcher, words, first));
  }

  /** The words' score on each of the first search's articles that has any of them, valid on this reader only. */
  private static RankedDocsQuery scoresOnCandidates(IndexSearcher searcher, Query words, ScoreDoc[] first)
      throws IOException {
    IndexReader reader = searcher.getIndexReader();
    Map<Integer, Float> candidates = new HashMap<>();
    for (ScoreDoc sd : first) {
      candidates.put(sd.doc, 0f);
    }
    Query onCandidates = new BooleanQuery.Builder().add(words, Occur.MUST)
        .add(new RankedDocsQuery(reader, candidates, CANDIDATES), Occur.FILTER).build();
    Map<Integer, Float> scores = new HashMap<>();
    for (ScoreDoc sd : searcher.search(onCandidates, first.length).scoreDocs) {
      scores.put(sd.doc, sd.score);
    }
    return new RankedDocsQuery(reader, scores, ScoreBreakdown.FEEDBACK_LABEL);
  }

  private record Weighted(String key, String term, double weight) {}

  private static final Comparator<Weighted> BEST_FIRST =
      Comparator.comparingDouble(Weighted::weight).reversed().thenComparing(Weighted::term);

  /**
   * The {@code n} words with the most relevance-model weight times idf, over every analyzer's
   * model. A model has thousands of words, of which a few dozen are ever contenders, and a word's
   * document frequency costs a lookup in every segment, so words are taken in order of model weight
   * and each is first bounded: its frequency in the largest segment is at most its frequency in
   * the index, so its idf is at most the one that gives. A word whose bound cannot beat the
   * {@code n}th best is skipped after that one lookup; the walk stops at the first word that could
   * not beat it even as the rarest word of the index.
   */
  private static List<Weighted> choose(Map<String, Map<String, Double>> model, IndexReader reader, int n)
      throws IOException {
    List<Weighted> byModel = new ArrayList<>();
    model.forEach((key, words) -> words.forEach((term, p) -> byModel.add(new Weighted(key, term, p))));
    byModel.sort(BEST_FIRST);
    long docs = Math.max(1, reader.maxDoc());
    double maxIdf = idf(docs, 1);
    LeafReader largest = null;
    for (LeafReaderContext leaf : reader.leaves()) {
      if (largest == null || leaf.reader().maxDoc() > largest.maxDoc()) {
        largest = leaf.reader();
      }
    }
    PriorityQueue<Weighted> best = new PriorityQueue<>(BEST_FIRST.reversed());
    for (Weighted w : byModel) {
      boolean full = best.size() == n;
      if (full && w.weight() * maxIdf < best.peek().weight()) {
        break;
      }
      if (full && largest != null && reader.leaves().size() > 1) {
        long atLeast = Math.max(1, largest.docFreq(new Term(Schema.BODY, w.term())));
        if (w.weight() * idf(docs, atLeast) < best.peek().weight()) {
          continue;
        }
      }
      long df = reader.docFreq(new Term(Schema.BODY, w.term()));
      if (df > 0) {
        best.add(new Weighted(w.key(), w.term(), w.weight() * idf(docs, df)));
        if (best.size() > n) {
          best.poll();
        }
      }
    }
    List<Weighted> chosen = new ArrayList<>(best);
    chosen.sort(BEST_FIRST);
    return chosen;
  }

  private static double idf(long docs, long df) {
    return Math.log(1 + (docs - df + 0.5) / (df + 0.5));
  }

  /** The article's body as its language's analyzer indexed it, word by word counted. */
  private static Map<String, Integer> termFrequencies(LanguageAnalyzers analyzers, String lang, String body)
      throws IOException {
    Map<String, Integer> tf = new HashMap<>();
    if (body == null) {
      return tf;
    }
    try (TokenStream ts = analyzers.forLanguage(lang).tokenStream(Schema.BODY, body)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      for (int i = 0; i < MAX_TOKENS && ts.incrementToken(); i++) {
        String t = term.toString();
        if (t.length() > 2 && !t.chars().allMatch(Character::isDigit)) {
          tf.merge(t, 1, Integer::sum);
        }
      }
      ts.end();
    }
    return tf;
  }
}
