package io.newssearch.eval;

import io.newssearch.search.Ranking;
import io.newssearch.search.Ranking.Feedback;
import io.newssearch.search.Ranking.Fields;
import io.newssearch.search.Ranking.Proximity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rankings measured beside the shipped one ({@code newssearch eval --candidates}), by key:
 * the ranking before issue 15, then each knob of {@link Ranking} changed alone from the default,
 * so its worth shows on both collections and on both halves of each (EVALUATION.md says which were
 * kept and on which half they were chosen). A variant equal to the default is left out.
 */
public final class Candidates {

  private Candidates() {}

  /** Every candidate, by key: {@code key: what it changes}. */
  public static Map<String, Ranking> all() {
    Ranking d = Ranking.DEFAULT;
    Map<String, Ranking> m = new LinkedHashMap<>();
    m.put("before: per-field sum title×2 + body, one all-words phrase",
        d.withFields(Fields.SUM).withProximity(Proximity.ALL_WORDS, 1f, 8).withIdfExponent(1f)
            .withLanguageFit(0f).withFeedback(Feedback.OFF));
    m.put("bm25f: BM25F over title and body instead of the per-field sum", d.withFields(Fields.BM25F));
    m.put("pairs-bm25f: BM25F and neighbouring pairs ×0.5, slop 4",
        d.withFields(Fields.BM25F).withProximity(Proximity.PAIRS, 0.5f, 4));
    m.put("prox-off: no proximity", d.withProximity(Proximity.OFF, 0, Ranking.PROXIMITY_SLOP));
    m.put("prox-all: one all-words phrase ×1, slop 8", d.withProximity(Proximity.ALL_WORDS, 1f, 8));
    m.put("pairs: neighbouring pairs ×0.5, slop 4", d.withProximity(Proximity.PAIRS, 0.5f, 4));
    m.put("pairs1: neighbouring pairs ×1, slop 8", d.withProximity(Proximity.PAIRS, 1f, 8));
    m.put("pairs-b1: neighbouring pairs ×1, slop 4", d.withProximity(Proximity.PAIRS, 1f, 4));
    m.put("pairs-s2: neighbouring pairs ×0.5, slop 2", d.withProximity(Proximity.PAIRS, 0.5f, 2));
    m.put("pairs-b.25: neighbouring pairs ×0.25, slop 4", d.withProximity(Proximity.PAIRS, 0.25f, 4));
    m.put("idf1.5: idf exponent 1.5", d.withIdfExponent(1.5f));
    m.put("idf2: idf exponent 2", d.withIdfExponent(2f));
    m.put("fit0: no language fit", d.withLanguageFit(0f));
    m.put("fit1: language fit 1", d.withLanguageFit(1f));
    m.put("fit2: language fit 2", d.withLanguageFit(2f));
    m.put("feedback: 10 articles, 10 words, 0.7 original", d.withFeedback(new Feedback(10, 10, 0.7f)));
    m.values().removeIf(d::equals);
    return m;
  }

  /** The candidates whose key (the name before ':') is one of {@code keys}; all of them for "all". */
  public static Map<String, Ranking> select(List<String> keys) {
    Map<String, Ranking> out = new LinkedHashMap<>();
    all().forEach((name, ranking) -> {
      if (keys.contains("all") || keys.contains(name.substring(0, name.indexOf(':')))) {
        out.put(name, ranking);
      }
    });
    return out;
  }
}
