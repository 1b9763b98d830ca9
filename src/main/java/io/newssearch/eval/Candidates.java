package io.newssearch.eval;

import io.newssearch.search.Ranking;
import io.newssearch.search.Ranking.Bm25;
import io.newssearch.search.Ranking.Feedback;
import io.newssearch.search.Ranking.Fields;
import io.newssearch.search.Ranking.Lead;
import io.newssearch.search.Ranking.Proximity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rankings measured beside the shipped one ({@code newssearch eval --candidates}), by key: the
 * ranking before issue 15, the one shipped before this default ({@code prev}), the default with
 * one of its parts taken out or changed, and each knob changed alone from {@code prev}, so every
 * figure in EVALUATION.md's tables can be printed again. A variant equal to the default is left out.
 */
public final class Candidates {

  private Candidates() {}

  /** Every candidate, by key: {@code key: what it changes}. */
  public static Map<String, Ranking> all() {
    Ranking d = Ranking.DEFAULT;
    Ranking prev = d.withProximity(Proximity.ALL_WORDS, 1f, 8).withFeedback(Feedback.OFF).withSubwords(0f);
    Feedback fb8 = rescoring(new Feedback(10, 10, 0.8f));
    Map<String, Ranking> m = new LinkedHashMap<>();
    m.put("before: per-field sum title×2 + body, one all-words phrase", prev.withLanguageFit(0f));
    m.put("prev: shipped before: one all-words phrase ×1 slop 8, no feedback", prev);
    // The default with one part out or changed.
    m.put("no-sw: the default without sub-word pieces (the default before)", d.withSubwords(0f));
    m.put("sw.5: the default with sub-word pieces at ×0.5", d.withSubwords(0.5f));
    m.put("sw.35: the default with sub-word pieces at ×0.35", d.withSubwords(0.35f));
    m.put("sw1: the default with sub-word pieces at ×1", d.withSubwords(1f));
    m.put("sw2: the default with sub-word pieces at ×2", d.withSubwords(2f));
    // The pieces have no norms (b 0) since the eleventh session; b 0.75 would read every length as 1.
    m.put("sw-k1.2: the default with the pieces scored with Lucene's k1 1.2 (the default before)",
        d.withSubwordsBm25(new Bm25(Bm25.LUCENE.k1(), 0f)));
    m.put("sw-k.3: the default with the pieces scored with k1 0.3", d.withSubwordsBm25(new Bm25(0.3f, 0f)));
    m.put("sw-k0: the default with the pieces scored with k1 0 (each piece once, by its rarity)",
        d.withSubwordsBm25(new Bm25(0f, 0f)));
    m.put("no-lead: the default without the query's words in the lead (the default before)",
        d.withLead(Lead.OFF));
    // The lead's other sizes and weights, and BM25 of its occurrences, as measured.
    float[][] presence = {{15, .1f}, {15, .25f}, {25, .05f}, {25, .25f}, {25, .5f}, {50, .05f}, {50, .1f}, {50, .25f},
        {50, .5f}, {100, .05f}, {100, .1f}, {100, .25f}, {100, .5f}};
    for (float[] nw : presence) {
      m.put(leadKey(nw) + ": the default with the query's words in the first " + (int) nw[0]
          + " positions, once each by idf, ×" + nw[1], d.withLead(new Lead((int) nw[0], nw[1], Lead.Scoring.PRESENCE)));
    }
    for (float[] nw : new float[][] {{25, .1f}, {25, .25f}, {50, .1f}, {100, .1f}}) {
      m.put(leadKey(nw) + "bm: the default with the query's words in the first " + (int) nw[0]
          + " positions, BM25 of their occurrences there, ×" + nw[1],
          d.withLead(new Lead((int) nw[0], nw[1], Lead.Scoring.BM25)));
    }
    m.put("no-fb: the default without feedback",
        d.withFeedback(Feedback.OFF));
    m.put("fb100: the default with feedback rescoring the first search's top 100",
        d.withFeedback(Ranking.FEEDBACK.rescoring(100)));
    m.put("fb200: the default with feedback rescoring the first search's top 200",
        d.withFeedback(Ranking.FEEDBACK.rescoring(200)));
    m.put("fb-all: the default with feedback scoring every match (the option before it rescored)",
        d.withFeedback(Ranking.FEEDBACK.rescoring(0)));
    m.put("no-pairs: the default without proximity (feedback only)", d.withProximity(Proximity.OFF, 0, 0));
    m.put("bm25f: the default with BM25F over title and body instead of the per-field sum", d.withFields(Fields.BM25F));
    m.put("pairs.5: the default with pairs ×0.5", d.withProximity(Proximity.PAIRS, 0.5f, 4));
    m.put("fb.8x4: the default with feedback weighing articles by (score / best)^4",
        d.withFeedback(rescoring(new Feedback(10, 10, 0.8f, 4f))));
    m.put("fb.7x8: the default with feedback at 0.7 original", d.withFeedback(rescoring(new Feedback(10, 10, 0.7f, 8f))));
    m.put("fb.9x8: the default with feedback at 0.9 original", d.withFeedback(rescoring(new Feedback(10, 10, 0.9f, 8f))));
    // Feedback weighing the articles by their plain score (sharpness 1), as first measured.
    m.put("lin.8: the default with feedback weighing articles by score", d.withFeedback(fb8));
    m.put("lin.9: the default with feedback at 0.9 original weighing articles by score",
        d.withFeedback(rescoring(new Feedback(10, 10, 0.9f))));
    m.put("pairs.5-lin.8: pairs ×0.5 and feedback weighing articles by score",
        d.withProximity(Proximity.PAIRS, 0.5f, 4).withFeedback(fb8));
    m.put("pairs.15-lin.8: pairs ×0.15 and feedback weighing articles by score",
        d.withProximity(Proximity.PAIRS, 0.15f, 4).withFeedback(fb8));
    m.put("pairs.25s2-lin.8: pairs ×0.25, slop 2 and feedback weighing articles by score",
        d.withProximity(Proximity.PAIRS, 0.25f, 2).withFeedback(fb8));
    m.put("lin5.8: the default with feedback from 5 articles weighing them by score",
        d.withFeedback(rescoring(new Feedback(5, 10, 0.8f))));
    m.put("idf1.5: the default with idf exponent 1.5", d.withIdfExponent(1.5f));
    m.put("fit0: the default without language fit", d.withLanguageFit(0f));
    m.put("fit1: the default with language fit 1", d.withLanguageFit(1f));
    m.put("fit3: the default with language fit 3", d.withLanguageFit(3f));
    m.put("fit4: the default with language fit 4", d.withLanguageFit(4f));
    m.put("k.8: the default with story text BM25 k1 0.8", d.withBody(new Bm25(0.8f, 0.75f)));
    m.put("k1.6d: the default with story text BM25 k1 1.6", d.withBody(new Bm25(1.6f, 0.75f)));
    // Each knob alone from the previous ranking.
    m.put("prox-off: prev without proximity", prev.withProximity(Proximity.OFF, 0, 0));
    m.put("pairs: prev with neighbouring pairs ×0.5, slop 4", prev.withProximity(Proximity.PAIRS, 0.5f, 4));
    m.put("pairs1: prev with neighbouring pairs ×1, slop 8", prev.withProximity(Proximity.PAIRS, 1f, 8));
    m.put("pairs-b1: prev with neighbouring pairs ×1, slop 4", prev.withProximity(Proximity.PAIRS, 1f, 4));
    m.put("pairs-s2: prev with neighbouring pairs ×0.5, slop 2", prev.withProximity(Proximity.PAIRS, 0.5f, 2));
    m.put("pairs-b.25: prev with neighbouring pairs ×0.25, slop 4", prev.withProximity(Proximity.PAIRS, 0.25f, 4));
    m.put("feedback: prev with feedback, 10 articles, 10 words, 0.7 original", prev.withFeedback(rescoring(new Feedback(10, 10, 0.7f))));
    m.put("fb.8: prev with feedback, 10 articles, 10 words, 0.8 original", prev.withFeedback(fb8));
    m.put("k.9b.4: prev with story text BM25 k1 0.9, b 0.4", prev.withBody(new Bm25(0.9f, 0.4f)));
    m.put("b.3: prev with story text BM25 k1 1.2, b 0.3", prev.withBody(new Bm25(1.2f, 0.3f)));
    m.put("b.5: prev with story text BM25 k1 1.2, b 0.5", prev.withBody(new Bm25(1.2f, 0.5f)));
    m.put("b.9: prev with story text BM25 k1 1.2, b 0.9", prev.withBody(new Bm25(1.2f, 0.9f)));
    m.put("k1.6: prev with story text BM25 k1 1.6, b 0.75", prev.withBody(new Bm25(1.6f, 0.75f)));
    m.put("k2b.4: prev with story text BM25 k1 2, b 0.4", prev.withBody(new Bm25(2f, 0.4f)));
    m.put("k.9b.4-fb.8: prev with k1 0.9, b 0.4 and feedback 0.8 original",
        prev.withBody(new Bm25(0.9f, 0.4f)).withFeedback(fb8));
    m.put("k.9b.4-pairs.25: prev with k1 0.9, b 0.4 and pairs ×0.25, slop 4",
        prev.withBody(new Bm25(0.9f, 0.4f)).withProximity(Proximity.PAIRS, 0.25f, 4));
    m.values().removeIf(d::equals);
    return m;
  }

  /** "lead25x.1" for 25 positions at ×0.1. */
  private static String leadKey(float[] positionsAndWeight) {
    return "lead" + (int) positionsAndWeight[0] + "x" + Float.toString(positionsAndWeight[1]).replaceFirst("^0", "");
  }

  /** Feedback as the default applies it: rescoring the first search's top articles. */
  private static Feedback rescoring(Feedback f) {
    return f.rescoring(Ranking.FEEDBACK.rescored());
  }

  /** Every candidate's key (the name before ':'). */
  public static List<String> keys() {
    return all().keySet().stream().map(Candidates::key).toList();
  }

  /** Those of {@code keys} that name no candidate ("all" names every one). */
  public static List<String> unknown(List<String> keys) {
    List<String> known = keys();
    return keys.stream().filter(k -> !k.equals("all") && !known.contains(k)).toList();
  }

  private static String key(String name) {
    return name.substring(0, name.indexOf(':'));
  }

  /** The candidates whose key (the name before ':') is one of {@code keys}; all of them for "all". */
  public static Map<String, Ranking> select(List<String> keys) {
    Map<String, Ranking> out = new LinkedHashMap<>();
    all().forEach((name, ranking) -> {
      if (keys.contains("all") || keys.contains(key(name))) {
        out.put(name, ranking);
      }
    });
    return out;
  }
}
