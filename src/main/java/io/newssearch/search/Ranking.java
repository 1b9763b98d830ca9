package io.newssearch.search;

import java.util.HashMap;
import java.util.Map;

/**
 * The knobs of relevance ranking, in one value: how much each default text field weighs and how much
 * the proximity clause adds. The server uses {@link #DEFAULT}; evaluation ({@code newssearch eval})
 * builds variants to measure what each knob is worth.
 *
 * @param fieldBoosts weight of each field searched when a query names none (title, body)
 * @param proximityBoost weight of the sloppy-phrase clause; 0 turns it off
 * @param pairwiseProximity true: one sloppy phrase per pair of neighbouring query words, so a
 *     long query earns proximity for the words that do occur close together; false: one sloppy
 *     phrase of all the words, which a query of more than three or four words almost never matches
 */
public record Ranking(Map<String, Float> fieldBoosts, float proximityBoost, boolean pairwiseProximity) {

  /** Words of the query within this many positions of each other earn the proximity boost. */
  public static final int PROXIMITY_SLOP = 8;
  /** Weight of the proximity clause relative to the plain BM25 clauses. */
  public static final float PROXIMITY_BOOST = 1.0f;
  /** A title hit counts twice a body hit: a headline says what the story is about. */
  public static final float TITLE_BOOST = 2.0f;

  public static final Ranking DEFAULT = new Ranking(
      Map.of(QueryChecker.TITLE, TITLE_BOOST, QueryChecker.BODY, 1.0f), PROXIMITY_BOOST, false);

  public Ranking {
    fieldBoosts = Map.copyOf(fieldBoosts);
  }

  /** The same ranking with the title weighted {@code boost} (1 = as much as the body). */
  public Ranking withTitleBoost(float boost) {
    Map<String, Float> m = new HashMap<>(fieldBoosts);
    m.put(QueryChecker.TITLE, boost);
    return new Ranking(m, proximityBoost, pairwiseProximity);
  }

  public Ranking withProximityBoost(float boost) {
    return new Ranking(fieldBoosts, boost, pairwiseProximity);
  }

  public Ranking withPairwiseProximity(boolean pairwise) {
    return new Ranking(fieldBoosts, proximityBoost, pairwise);
  }
}
