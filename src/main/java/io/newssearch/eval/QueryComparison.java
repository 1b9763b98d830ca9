package io.newssearch.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Two runs compared query by query on one measure (average precision, reciprocal rank): how many
 * queries the candidate wins, loses and ties against the baseline, and the queries that moved, so a
 * change is judged by what it does to each query and not only by the mean.
 *
 * @param moves the queries that won or lost, largest change first
 */
public record QueryComparison(int wins, int losses, int ties, List<Move> moves) {

  /** One query's value in both runs. */
  public record Move(String qid, double baseline, double candidate) {
    public double delta() {
      return candidate - baseline;
    }
  }

  /**
   * @param tie differences up to this size count as ties (0 for reciprocal rank, whose values are
   *     1, 1/2, 1/3...; a small margin for average precision, which a swap far down moves a little)
   * @param candidate the value of each query; a query missing from {@code baseline} counts 0 there
   */
  public static QueryComparison of(Map<String, Double> candidate, Map<String, Double> baseline, double tie) {
    int wins = 0, losses = 0, ties = 0;
    List<Move> moves = new ArrayList<>();
    for (var e : candidate.entrySet()) {
      Move m = new Move(e.getKey(), baseline.getOrDefault(e.getKey(), 0.0), e.getValue());
      if (Math.abs(m.delta()) <= tie) {
        ties++;
      } else {
        moves.add(m);
        if (m.delta() > 0) {
          wins++;
        } else {
          losses++;
        }
      }
    }
    moves.sort(Comparator.comparingDouble((Move m) -> -Math.abs(m.delta())).thenComparing(Move::qid));
    return new QueryComparison(wins, losses, ties, moves);
  }

  /** Counts of several comparisons added up (the languages of one collection). */
  public static QueryComparison sum(List<QueryComparison> parts) {
    int w = 0, l = 0, t = 0;
    for (QueryComparison p : parts) {
      w += p.wins();
      l += p.losses();
      t += p.ties();
    }
    return new QueryComparison(w, l, t, List.of());
  }
}
