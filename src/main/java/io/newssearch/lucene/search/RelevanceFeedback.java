package io.newssearch.lucene.search;

import io.newssearch.analysis.LanguageAnalyzers;
import io.newssearch.lucene.Schema;
import io.newssearch.search.Ranking;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.BytesRef;

/**
 * Pseudo-relevance feedback in the manner of RM3 ({@link Ranking#feedback()}): the query's top
 * articles are taken as relevant, their words weighed by how often each article uses them and how
 * well the article scored (the relevance model), and the most telling of them — weighed by their
 * rarity too, since languages without a stopword list would otherwise offer "na" and "ya" — are
 * added to the query with {@code 1 − originalWeight} of its weight. Each article's text is
 * analysed as it was indexed, with its language's analyzer, and its words search the articles of
 * that analyzer's languages only.
 */
final class RelevanceFeedback {

  /** Words of an article read for its model: the opening of a long story says enough. */
  private static final int MAX_TOKENS = 2_000;

  private RelevanceFeedback() {}

  /**
   * @param languagesByKey the languages searched, by analyzer key
   * @param queryWords how many words the query has: the original part's weight scales with them
   */
  static Query expand(Query q, IndexSearcher searcher, LanguageAnalyzers analyzers, Ranking ranking,
      Map<String, Set<String>> languagesByKey, int queryWords) throws IOException {
    Ranking.Feedback fb = ranking.feedback();
    ScoreDoc[] top = searcher.search(q, fb.docs()).scoreDocs;
    if (top.length == 0) {
      return q;
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
      return q;
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
    // The added words only reorder what the query matches.
    return new BooleanQuery.Builder().add(q, Occur.MUST).add(new FeedbackWords(added.build()), Occur.SHOULD).build();
  }

  private record Weighted(String key, String term, double weight) {}

  /** The {@code n} words with the most relevance-model weight times idf, over every analyzer's model. */
  private static List<Weighted> choose(Map<String, Map<String, Double>> model, IndexReader reader, int n)
      throws IOException {
    List<Weighted> all = new ArrayList<>();
    long docs = Math.max(1, reader.maxDoc());
    for (var byKey : model.entrySet()) {
      for (var e : byKey.getValue().entrySet()) {
        long df = reader.docFreq(new Term(Schema.BODY, e.getKey()));
        if (df > 0) {
          double idf = Math.log(1 + (docs - df + 0.5) / (df + 0.5));
          all.add(new Weighted(byKey.getKey(), e.getKey(), e.getValue() * idf));
        }
      }
    }
    all.sort(Comparator.comparingDouble(Weighted::weight).reversed().thenComparing(Weighted::term));
    return all.subList(0, Math.min(n, all.size()));
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
