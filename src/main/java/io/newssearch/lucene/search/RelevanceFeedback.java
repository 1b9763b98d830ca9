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
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;

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
 * search's passes read the scores ({@link RescoringWords}); only the model's contenders are looked
 * up in the index ({@link #choose}).
 */
final class RelevanceFeedback {

  /** Words of an article read for its model: the opening of a long story says enough. */
  private static final int MAX_TOKENS = 2_000;
  /**
   * A word estimated in fewer articles than this is looked up in every segment: an estimate from
   * half the index is off by about 1/√(its count there), 10% at 50, which moves an idf by 0.1.
   */
  private static final int EXACT_BELOW = 50;

  private RelevanceFeedback() {}

  /**
   * The feedback words to add beside the query (as an optional clause: they only reorder what it
   * matches), or null when the query matches nothing or its articles offer no word.
   *
   * @param first the query's top articles, with the request's filters ({@link #candidates}): the
   *     words come from the first {@code docs}, and score all of them
   * @param languagesByKey the languages searched, by analyzer key
   * @param queryWords how many words the query has: the original part's weight scales with them
   */
  static Query words(ScoreDoc[] first, IndexSearcher searcher, LanguageAnalyzers analyzers,
      Ranking ranking, Map<String, Set<String>> languagesByKey, int queryWords) throws IOException {
    Ranking.Feedback fb = ranking.feedback();
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
    List<Weighted> chosen = choose(model, searcher, fb.terms());
    double sum = chosen.stream().mapToDouble(Weighted::weight).sum();
    if (sum <= 0) {
      return null;
    }
    double scale = (1 - fb.originalWeight()) / fb.originalWeight() * Math.max(1, queryWords) / sum;
    BooleanQuery.Builder added = new BooleanQuery.Builder();
    Map<String, BooleanQuery.Builder> byKey = new LinkedHashMap<>();
    for (Weighted w : chosen) {
      byKey.computeIfAbsent(w.key(), k -> new BooleanQuery.Builder())
          .add(new BoostQuery(w.query(), (float) (w.weight() * scale)), Occur.SHOULD);
    }
    for (var e : byKey.entrySet()) {
      Set<String> langs = languagesByKey.getOrDefault(e.getKey(), Set.of());
      if (!langs.isEmpty()) {
        added.add(new BooleanQuery.Builder().add(e.getValue().build(), Occur.MUST)
            .add(QueryFactory.languageFilter(langs), Occur.FILTER).build(), Occur.SHOULD);
      }
    }
    Query words = added.build();
    String label = ScoreBreakdown.FEEDBACK_LABEL + ": words of the query's top articles";
    return fb.rescored() == 0 ? new RescoringWords(label, words, null)
        : RescoringWords.onCandidates(label, words, searcher, Arrays.copyOf(first, Math.min(first.length, fb.rescored())));
  }

  /** How many of the query's top articles feedback reads and rescores. */
  static int candidates(Ranking.Feedback fb) {
    return Math.max(fb.docs(), fb.rescored());
  }

  /** A word of an analyzer's model; once chosen, with its statistics in every segment ({@code states}). */
  private record Weighted(String key, String term, double weight, TermStates states) {
    Weighted(String key, String term, double weight) {
      this(key, term, weight, null);
    }

    /**
     * The word in the story text, where the model found it, scored with the statistics already
     * read, so scoring it does not look it up in every segment again.
     */
    Query query() {
      Term t = new Term(Schema.BODY, term);
      return states == null ? new TermQuery(t) : new TermQuery(t, states);
    }
  }

  private static final Comparator<Weighted> BEST_FIRST =
      Comparator.comparingDouble(Weighted::weight).reversed().thenComparing(Weighted::term);

  /**
   * The {@code n} words with the most relevance-model weight times idf, over every analyzer's
   * model. A model has thousands of words, of which a few dozen are ever contenders, and a word's
   * document frequency costs a lookup in every segment, so each word's frequency is estimated from
   * the largest segments, which hold at least half the index ({@link DfSample}), and looked up in
   * every segment only when the estimate is below {@value #EXACT_BELOW} (a rare word, whose idf a
   * sampling error would move most, or a word new in recent articles) or when the word is chosen
   * (its weight in the query is exact). Words are taken in order of model weight, and the walk
   * stops at the first one that could not make the list even as the rarest word of the index.
   */
  private static List<Weighted> choose(Map<String, Map<String, Double>> model, IndexSearcher searcher, int n)
      throws IOException {
    IndexReader reader = searcher.getIndexReader();
    List<Weighted> byModel = new ArrayList<>();
    model.forEach((key, words) -> words.forEach((term, p) -> byModel.add(new Weighted(key, term, p))));
    byModel.sort(BEST_FIRST);
    long docs = Math.max(1, reader.maxDoc());
    double maxIdf = idf(docs, 1);
    DfSample sample = DfSample.of(reader);
    // Best by estimated weight; the model weight kept to weigh the chosen exactly below.
    PriorityQueue<Weighted[]> best = new PriorityQueue<>((a, b) -> BEST_FIRST.compare(b[1], a[1]));
    for (Weighted w : byModel) {
      if (best.size() == n && w.weight() * maxIdf < best.peek()[1].weight()) {
        break;
      }
      Term term = new Term(Schema.BODY, w.term());
      long df = sample.estimate(term);
      if (df < EXACT_BELOW) {
        df = reader.docFreq(term);
      }
      if (df > 0) {
        best.add(new Weighted[] {w, new Weighted(w.key(), w.term(), w.weight() * idf(docs, df))});
        if (best.size() > n) {
          best.poll();
        }
      }
    }
    List<Weighted> chosen = new ArrayList<>();
    for (Weighted[] b : best) {
      TermStates states = TermStates.build(searcher, new Term(Schema.BODY, b[0].term()), true);
      chosen.add(new Weighted(b[0].key(), b[0].term(), b[0].weight() * idf(docs, Math.max(1, states.docFreq())), states));
    }
    chosen.sort(BEST_FIRST);
    return chosen;
  }

  /**
   * The largest segments of a reader, together at least half its documents: a word's document
   * frequency in them, scaled to the whole index, estimates its frequency with one or two lookups
   * instead of one per segment. Exact for an index of one segment.
   */
  private record DfSample(List<LeafReader> leaves, double scale) {
    static DfSample of(IndexReader reader) {
      List<LeafReader> bySize = new ArrayList<>();
      for (LeafReaderContext leaf : reader.leaves()) {
        bySize.add(leaf.reader());
      }
      bySize.sort(Comparator.comparingInt(LeafReader::maxDoc).reversed());
      List<LeafReader> taken = new ArrayList<>();
      long docs = 0;
      for (LeafReader leaf : bySize) {
        if (2 * docs >= reader.maxDoc()) {
          break;
        }
        taken.add(leaf);
        docs += leaf.maxDoc();
      }
      return new DfSample(taken, docs == 0 ? 1 : (double) reader.maxDoc() / docs);
    }

    /** 0 when the sampled segments do not have the word. */
    long estimate(Term term) throws IOException {
      long df = 0;
      for (LeafReader leaf : leaves) {
        df += leaf.docFreq(term);
      }
      return Math.round(df * scale);
    }
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
