package io.newssearch.lucene.search;

import io.newssearch.lucene.Schema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.Query;

/**
 * A weight per language, read from each article's language doc values, that multiplies its score
 * ({@link LanguageFit}). Its explanation is labelled {@value #LABEL}, so the score breakdown shows
 * what it took away.
 */
final class LanguageWeights extends ScoreFactor {

  /** How the factor's explanation starts; {@code ScoreBreakdown} reads it by this label. */
  static final String LABEL = io.newssearch.search.ScoreBreakdown.LANGUAGE_LABEL;

  private final Map<String, Float> weights;

  private LanguageWeights(Map<String, Float> weights) {
    this.weights = Map.copyOf(weights);
  }

  /** {@code q} with each article's score multiplied by its language's weight (1 for a language not listed). */
  static Query apply(Query q, Map<String, Float> weights) {
    return weights.isEmpty() ? q : new ScoreFactorQuery(q, new LanguageWeights(weights));
  }

  /**
   * Each branch (a parse and the languages it searches) restricted to its languages, when there
   * are several, and multiplied by their weights, as any of the branches: the same scores as
   * {@link #apply}. Each branch's maximum is its best language's weight, so a branch whose
   * languages all fit the query badly is skipped as soon as the page is better than its best
   * article could be.
   *
   * <p>One part per branch, not one per weight: a part reads its words' postings whatever its
   * languages, so parts with the same words read them again. At a million articles in 20
   * languages, splitting each branch by weight made a one-word query's top 50 cost 1.5 times as
   * much (docs/benchmark-history.md, thirteenth session).
   */
  static Query applyPerBranch(Map<Query, Set<String>> branches, Map<String, Float> weights) {
    List<Query> parts = new ArrayList<>();
    for (var branch : branches.entrySet()) {
      Map<String, Float> own = new TreeMap<>();
      branch.getValue().forEach(lang -> own.put(lang, weights.getOrDefault(lang, 1f)));
      Query part = branches.size() == 1 ? branch.getKey() : QueryFactory.restricted(branch.getKey(), branch.getValue());
      float max = own.values().stream().max(Comparator.naturalOrder()).orElse(1f);
      parts.add(new ScoreFactorQuery(part, new LanguageWeights(own), max));
    }
    return parts.size() == 1 ? parts.get(0) : new DisjunctionMaxQuery(parts, 0f);
  }

  private float weight(String lang) {
    return weights.getOrDefault(lang, 1f);
  }

  @Override
  public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
    if (weights.values().stream().distinct().count() == 1) {
      return DoubleValues.withDefault(DoubleValues.EMPTY, weights.values().iterator().next()); // one weight: no reading
    }
    SortedSetDocValues languages = DocValues.getSortedSet(ctx.reader(), Schema.LANGUAGE);
    double[] byOrd = new double[(int) languages.getValueCount()];
    for (int ord = 0; ord < byOrd.length; ord++) {
      byOrd[ord] = weight(languages.lookupOrd(ord).utf8ToString());
    }
    return new DoubleValues() {
      double value = 1;

      @Override
      public double doubleValue() {
        return value;
      }

      @Override
      public boolean advanceExact(int doc) throws IOException {
        value = languages.advanceExact(doc) ? byOrd[(int) languages.nextOrd()] : 1;
        return true;
      }
    };
  }

  @Override
  public Explanation explain(LeafReaderContext ctx, int docId, Explanation scoreExplanation) throws IOException {
    SortedSetDocValues languages = DocValues.getSortedSet(ctx.reader(), Schema.LANGUAGE);
    String lang = languages.advanceExact(docId) ? languages.lookupOrd(languages.nextOrd()).utf8ToString() : null;
    float w = lang == null ? 1f : weight(lang);
    return Explanation.match(w, String.format(Locale.ROOT, "%s: × %.3f for %s, how much of the query's words its "
        + "articles have against the best-fitting language", LABEL, w, lang));
  }

  @Override
  public boolean isCacheable(LeafReaderContext ctx) {
    return true;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LanguageWeights other && weights.equals(other.weights);
  }

  @Override
  public int hashCode() {
    return Objects.hash(LanguageWeights.class, weights);
  }

  @Override
  public String toString() {
    return "language" + weights;
  }
}
