package io.newssearch.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newssearch.eval.TrecMeasures.Scored;
import io.newssearch.eval.TrecMeasures.Values;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A small case worked out by hand, the way trec_eval 9.x computes map, ndcg_cut_10, P_10,
 * recall_100 and recip_rank (cut at 10), so our numbers can be trusted against published ones.
 */
class TrecMeasuresTest {

  private static final double EPS = 1e-6;

  private static final Qrels QRELS = Qrels.parse(List.of(
      "q1 0 d1 1", "q1 0 d3 2", "q1 0 d5 1", "q1 0 d2 0",
      "q2 0 d7 1", "q2 0 d8 1",
      "q3 0 a 1"));

  private static final Map<String, List<Scored>> RUN = Map.of(
      "q1", List.of(new Scored("d1", 0.9), new Scored("d2", 0.8), new Scored("d3", 0.7),
          new Scored("d4", 0.6), new Scored("d5", 0.5)),
      "q2", List.of(new Scored("d6", 2.0), new Scored("d7", 1.0)),
      // a tie: trec_eval orders equal scores by docno descending, so "b" comes before "a"
      "q3", List.of(new Scored("a", 1.0), new Scored("b", 1.0)));

  @Test
  void query_with_three_graded_relevant_documents_at_ranks_1_3_5() {
    Values v = TrecMeasures.of(RUN.get("q1"), QRELS.judgments("q1"));
    // AP = (1/1 + 2/3 + 3/5) / 3 = 2.266667 / 3
    assertEquals(0.755556, v.ap(), EPS);
    // P@10 = 3 relevant / 10
    assertEquals(0.3, v.p10(), EPS);
    // recall@100 = 3 / 3
    assertEquals(1.0, v.recall100(), EPS);
    // first relevant at rank 1
    assertEquals(1.0, v.rr10(), EPS);
    // DCG = 1/log2(2) + 2/log2(4) + 1/log2(6) = 1 + 1 + 0.386853 = 2.386853
    // IDCG (gains 2,1,1) = 2/log2(2) + 1/log2(3) + 1/log2(4) = 2 + 0.630930 + 0.5 = 3.130930
    assertEquals(2.386853 / 3.130930, v.ndcg10(), EPS);
  }

  @Test
  void query_with_a_relevant_document_never_retrieved() {
    Values v = TrecMeasures.of(RUN.get("q2"), QRELS.judgments("q2"));
    // AP = (1/2) / 2 relevant
    assertEquals(0.25, v.ap(), EPS);
    assertEquals(0.1, v.p10(), EPS);
    assertEquals(0.5, v.recall100(), EPS);
    assertEquals(0.5, v.rr10(), EPS);
    // DCG = 1/log2(3) = 0.630930; IDCG = 1 + 1/log2(3) = 1.630930
    assertEquals(0.630930 / 1.630930, v.ndcg10(), EPS);
  }

  @Test
  void ties_are_broken_by_docno_descending_like_trec_eval() {
    Values v = TrecMeasures.of(RUN.get("q3"), QRELS.judgments("q3"));
    // order b, a: the relevant "a" is at rank 2
    assertEquals(0.5, v.rr10(), EPS);
    assertEquals(0.5, v.ap(), EPS);
    // DCG = 1/log2(3) = 0.630930, IDCG = 1
    assertEquals(0.630930, v.ndcg10(), EPS);
  }

  @Test
  void means_are_over_every_judged_query() {
    Values mean = TrecMeasures.mean(RUN, QRELS);
    // MAP = (0.755556 + 0.25 + 0.5) / 3
    assertEquals(0.501852, mean.ap(), EPS);
    // P@10 = (0.3 + 0.1 + 0.1) / 3
    assertEquals(0.166667, mean.p10(), EPS);
    // MRR@10 = (1 + 0.5 + 0.5) / 3
    assertEquals(0.666667, mean.rr10(), EPS);
    // a judged query missing from the run counts as 0 (trec_eval -c)
    Values withMissing = TrecMeasures.mean(Map.of("q1", RUN.get("q1")), QRELS);
    assertEquals(0.755556 / 3, withMissing.ap(), EPS);
  }
}
