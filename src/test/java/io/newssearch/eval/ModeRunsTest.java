package io.newssearch.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newssearch.semantic.ReciprocalRankFusion;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModeRunsTest {

  // Query 1 (half A): lexical has the answer 2nd, kNN 1st. Query 2 (half B): lexical 1st, kNN misses it.
  private final ModeRuns runs = new ModeRuns(List.of(
      new ModeRuns.Query("q1", Map.of("d1", 1), List.of("d9", "d1"), List.of("d1", "d8"), List.of("d1")),
      new ModeRuns.Query("q2", Map.of("d2", 1), List.of("d2", "d7"), List.of("d6", "d5"), List.of("d6")),
      new ModeRuns.Query("q3", Map.of("d3", 0), List.of("d3"), List.of("d3"), List.of("d3"))));

  @Test
  void halves_alternate_by_position_and_count_judged_queries() {
    assertEquals(2, runs.size(ModeRuns.Half.ALL));
    assertEquals(1, runs.size(ModeRuns.Half.A)); // q3, in half A, has no relevant document
    assertEquals(1, runs.size(ModeRuns.Half.B));
  }

  @Test
  void means_skip_queries_without_a_relevant_document() {
    // q3 has only a judged-not-relevant document: it counts in no mean
    assertEquals((0.5 + 1.0) / 2, runs.lexical(ModeRuns.Half.ALL).rr10(), 1e-12);
    assertEquals(0.5, runs.lexical(ModeRuns.Half.A).rr10(), 1e-12);
    assertEquals(1.0, runs.semantic(ModeRuns.Half.A).rr10(), 1e-12);
    assertEquals(0.0, runs.semantic(ModeRuns.Half.B).rr10(), 1e-12);
  }

  @Test
  void hybrid_fuses_both_rankings_with_the_weights_given() {
    // q1: d1 = 1/62 + 1/61 beats d9 = 1/61; q2: d2 = 1/61 ties d6 = 1/61, lexical first
    assertEquals(1.0, runs.hybrid(ReciprocalRankFusion.DEFAULT, ModeRuns.Half.ALL).rr10(), 1e-12);
    // the vector ranking weighted 3: q2's d6 (3/61) and d5 (3/62) now beat d2 (1/61)
    assertEquals(1.0 / 3, runs.hybrid(new ReciprocalRankFusion.Weights(60, 1, 3), ModeRuns.Half.B).rr10(), 1e-12);
  }
}
