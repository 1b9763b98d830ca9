package io.newssearch.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The measures of {@code trec_eval} for one query, computed the way it computes them: the run is
 * re-sorted by score descending, ties by docno descending (trec_eval's {@code comp_sim_docno}); a
 * document is relevant when its judgment is 1 or more; nDCG gains are the judgment values, discount
 * log2(rank + 1).
 */
public final class TrecMeasures {

  private TrecMeasures() {}

  /** One retrieved document. */
  public record Scored(String docno, double score) {}

  /** The measures of one query. */
  public record Values(double ap, double ndcg10, double p10, double recall100, double rr10) {
    public static final Values ZERO = new Values(0, 0, 0, 0, 0);
  }

  /** trec_eval's order: score descending, then docno descending. */
  public static List<String> trecOrder(List<Scored> run) {
    List<Scored> sorted = new ArrayList<>(run);
    sorted.sort(Comparator.comparingDouble(Scored::score).reversed()
        .thenComparing(Scored::docno, Comparator.reverseOrder()));
    return sorted.stream().map(Scored::docno).toList();
  }

  /** @param judged docno → judgment (0 = judged not relevant) */
  public static Values of(List<Scored> run, Map<String, Integer> judged) {
    List<String> ranked = trecOrder(run);
    return new Values(averagePrecision(ranked, judged), ndcg(ranked, judged, 10),
        precision(ranked, judged, 10), recall(ranked, judged, 100), reciprocalRank(ranked, judged, 10));
  }

  static boolean relevant(Map<String, Integer> judged, String docno) {
    return judged.getOrDefault(docno, 0) >= 1;
  }

  static long relevantCount(Map<String, Integer> judged) {
    return judged.values().stream().filter(r -> r >= 1).count();
  }

  public static double averagePrecision(List<String> ranked, Map<String, Integer> judged) {
    long total = relevantCount(judged);
    if (total == 0) {
      return 0;
    }
    double sum = 0;
    int found = 0;
    for (int i = 0; i < ranked.size(); i++) {
      if (relevant(judged, ranked.get(i))) {
        found++;
        sum += (double) found / (i + 1);
      }
    }
    return sum / total;
  }

  public static double precision(List<String> ranked, Map<String, Integer> judged, int k) {
    return (double) relevantIn(ranked, judged, k) / k;
  }

  public static double recall(List<String> ranked, Map<String, Integer> judged, int k) {
    long total = relevantCount(judged);
    return total == 0 ? 0 : (double) relevantIn(ranked, judged, k) / total;
  }

  /** 1 / rank of the first relevant document within the first k, else 0. */
  public static double reciprocalRank(List<String> ranked, Map<String, Integer> judged, int k) {
    for (int i = 0; i < Math.min(k, ranked.size()); i++) {
      if (relevant(judged, ranked.get(i))) {
        return 1.0 / (i + 1);
      }
    }
    return 0;
  }

  public static double ndcg(List<String> ranked, Map<String, Integer> judged, int k) {
    double dcg = 0;
    for (int i = 0; i < Math.min(k, ranked.size()); i++) {
      dcg += Math.max(0, judged.getOrDefault(ranked.get(i), 0)) / log2(i + 2);
    }
    List<Integer> ideal = judged.values().stream().filter(r -> r > 0)
        .sorted(Comparator.reverseOrder()).toList();
    double idcg = 0;
    for (int i = 0; i < Math.min(k, ideal.size()); i++) {
      idcg += ideal.get(i) / log2(i + 2);
    }
    return idcg == 0 ? 0 : dcg / idcg;
  }

  private static int relevantIn(List<String> ranked, Map<String, Integer> judged, int k) {
    int n = 0;
    for (int i = 0; i < Math.min(k, ranked.size()); i++) {
      if (relevant(judged, ranked.get(i))) {
        n++;
      }
    }
    return n;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  /**
   * Means over every query that has a relevant document in the qrels; a query the run does not
   * answer counts as 0 (as {@code trec_eval -c}).
   */
  public static Values mean(Map<String, List<Scored>> runs, Qrels qrels) {
    double ap = 0, ndcg = 0, p = 0, r = 0, rr = 0;
    int n = 0;
    for (String qid : qrels.queryIds()) {
      Map<String, Integer> judged = qrels.judgments(qid);
      if (relevantCount(judged) == 0) {
        continue;
      }
      Values v = of(runs.getOrDefault(qid, List.of()), judged);
      ap += v.ap();
      ndcg += v.ndcg10();
      p += v.p10();
      r += v.recall100();
      rr += v.rr10();
      n++;
    }
    return n == 0 ? Values.ZERO : new Values(ap / n, ndcg / n, p / n, r / n, rr / n);
  }
}
