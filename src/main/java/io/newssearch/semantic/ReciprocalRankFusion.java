package io.newssearch.semantic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal-rank fusion (Cormack, Clarke and Büttcher, SIGIR 2009): a document's score is
 * {@code Σ weight / (k + rank)} over the rankings it appears in (rank from 1). It uses ranks only, so
 * BM25 scores and cosine similarities need no common scale, and {@code k} (60 in the paper) damps
 * the difference between the first few places. The weights let one ranking count more.
 */
public final class ReciprocalRankFusion {

  /** k = 60 and equal weights: the paper's choice. */
  public static final Weights DEFAULT = new Weights(60, 1, 1);

  /** @param k rank offset; @param lexical weight of the lexical ranking; @param vector weight of the kNN ranking */
  public record Weights(double k, double lexical, double vector) {
    public Weights {
      if (k < 0 || lexical < 0 || vector < 0) {
        throw new IllegalArgumentException("k and weights must not be negative");
      }
    }
  }

  /** A fused result: the document and its fused score. */
  public record Fused<T>(T doc, double score) {}

  private ReciprocalRankFusion() {}

  /**
   * Both rankings fused, best first; equal scores keep the order of the better rank in either list
   * (then the lexical list first), so the result does not depend on hash order.
   */
  public static <T> List<Fused<T>> fuse(List<T> lexical, List<T> vector, Weights w) {
    Map<T, double[]> scores = new HashMap<>(); // {score, best rank}
    add(scores, lexical, w.k(), w.lexical(), 0);
    add(scores, vector, w.k(), w.vector(), 0.5);
    List<Map.Entry<T, double[]>> entries = new ArrayList<>(scores.entrySet());
    entries.sort(Comparator.<Map.Entry<T, double[]>>comparingDouble(e -> -e.getValue()[0])
        .thenComparingDouble(e -> e.getValue()[1]));
    List<Fused<T>> out = new ArrayList<>(entries.size());
    for (var e : entries) {
      out.add(new Fused<>(e.getKey(), e.getValue()[0]));
    }
    return out;
  }

  /** @param tieOffset added to the rank for tie-breaking, so the lexical list wins a tie of ranks */
  private static <T> void add(Map<T, double[]> scores, List<T> ranking, double k, double weight, double tieOffset) {
    for (int i = 0; i < ranking.size(); i++) {
      double[] s = scores.computeIfAbsent(ranking.get(i), d -> new double[] {0, Double.MAX_VALUE});
      s[0] += weight / (k + i + 1);
      s[1] = Math.min(s[1], i + 1 + tieOffset);
    }
  }
}
