package io.newssearch.semantic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.newssearch.semantic.ReciprocalRankFusion.Fused;
import io.newssearch.semantic.ReciprocalRankFusion.Weights;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReciprocalRankFusionTest {

  @Test
  void a_document_in_both_rankings_beats_one_ranked_first_in_only_one() {
    // a: 1/61 (lexical only) = 0.016393; b: 1/62 + 1/62 = 0.032258; c: 1/61 (vector only)
    List<Fused<String>> fused = ReciprocalRankFusion.fuse(List.of("a", "b"), List.of("c", "b"), ReciprocalRankFusion.DEFAULT);
    assertEquals(List.of("b", "a", "c"), fused.stream().map(Fused::doc).toList());
    assertEquals(2.0 / 62, fused.get(0).score(), 1e-12);
    assertEquals(1.0 / 61, fused.get(1).score(), 1e-12);
  }

  @Test
  void weights_scale_each_ranking_and_k_damps_the_top_places() {
    Weights vectorTwice = new Weights(60, 1, 2);
    var fused = ReciprocalRankFusion.fuse(List.of("a"), List.of("c"), vectorTwice);
    assertEquals(List.of("c", "a"), fused.stream().map(Fused::doc).toList());
    assertEquals(2.0 / 61, fused.get(0).score(), 1e-12);
    // k = 0: the first place counts twice the second
    var sharp = ReciprocalRankFusion.fuse(List.of("a", "b"), List.of(), new Weights(0, 1, 1));
    assertEquals(1.0, sharp.get(0).score(), 1e-12);
    assertEquals(0.5, sharp.get(1).score(), 1e-12);
  }

  @Test
  void ties_go_to_the_better_rank_and_then_to_the_lexical_ranking() {
    // a and c are each first in one ranking (equal scores): the lexical one first; likewise d and e
    var fused = ReciprocalRankFusion.fuse(List.of("a", "d"), List.of("c", "e"), ReciprocalRankFusion.DEFAULT);
    assertEquals(List.of("a", "c", "d", "e"), fused.stream().map(Fused::doc).toList());
  }

  @Test
  void negative_settings_are_refused() {
    assertThrows(IllegalArgumentException.class, () -> new Weights(60, -1, 1));
    assertThrows(IllegalArgumentException.class, () -> new Weights(-1, 1, 1));
  }
}
