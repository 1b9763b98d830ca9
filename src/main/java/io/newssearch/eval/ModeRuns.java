package io.newssearch.eval;

import io.newssearch.semantic.ReciprocalRankFusion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One collection's queries, each with its judgments and its rankings (document ids, best first):
 * lexical (the shipped search), semantic (quantized HNSW kNN), exact (float kNN over every vector).
 * Hybrid runs are fused from the first two on demand, so trying a weight costs no search. Queries
 * are split in two halves by their position (1st, 3rd, 5th… and 2nd, 4th…) to tune on one and
 * check on the other.
 */
final class ModeRuns {

  /** One query. */
  record Query(String qid, Map<String, Integer> judged, List<String> lexical, List<String> semantic,
      List<String> exact) {}

  /** Which queries a figure is over. */
  enum Half {
    ALL, A, B;

    boolean holds(int position) {
      return this == ALL || (this == A) == (position % 2 == 0);
    }
  }

  private final List<Query> queries;

  ModeRuns(List<Query> queries) {
    this.queries = List.copyOf(queries);
  }

  /** Queries of the half that count in its means: those with a relevant document. */
  int size(Half half) {
    int n = 0;
    for (int i = 0; i < queries.size(); i++) {
      n += half.holds(i) && TrecMeasures.relevantCount(queries.get(i).judged()) > 0 ? 1 : 0;
    }
    return n;
  }

  TrecMeasures.Values lexical(Half half) {
    return mean(half, Query::lexical);
  }

  TrecMeasures.Values semantic(Half half) {
    return mean(half, Query::semantic);
  }

  TrecMeasures.Values exact(Half half) {
    return mean(half, Query::exact);
  }

  TrecMeasures.Values hybrid(ReciprocalRankFusion.Weights w, Half half) {
    return mean(half, q -> fused(q, w));
  }

  /** The runs of one mode as TREC runs (score = depth − rank, so trec_eval keeps our order). */
  Map<String, List<TrecMeasures.Scored>> trecRuns(Function<Query, List<String>> mode) {
    Map<String, List<TrecMeasures.Scored>> out = new LinkedHashMap<>();
    for (Query q : queries) {
      out.put(q.qid(), scored(mode.apply(q)));
    }
    return out;
  }

  static List<String> fused(Query q, ReciprocalRankFusion.Weights w) {
    return ReciprocalRankFusion.fuse(q.lexical(), q.semantic(), w).stream().map(ReciprocalRankFusion.Fused::doc).toList();
  }

  /** Mean of trec_eval's measures over the half's queries that have a relevant document. */
  private TrecMeasures.Values mean(Half half, Function<Query, List<String>> mode) {
    Map<String, List<TrecMeasures.Scored>> runs = new LinkedHashMap<>();
    Map<String, Map<String, Integer>> judged = new LinkedHashMap<>();
    for (int i = 0; i < queries.size(); i++) {
      Query q = queries.get(i);
      if (half.holds(i)) {
        runs.put(q.qid(), scored(mode.apply(q)));
        judged.put(q.qid(), q.judged());
      }
    }
    return TrecMeasures.mean(runs, new Qrels(judged));
  }

  private static List<TrecMeasures.Scored> scored(List<String> ranked) {
    List<TrecMeasures.Scored> out = new ArrayList<>(ranked.size());
    for (int i = 0; i < ranked.size(); i++) {
      out.add(new TrecMeasures.Scored(ranked.get(i), ranked.size() - i));
    }
    return out;
  }
}
