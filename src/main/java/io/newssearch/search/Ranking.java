package io.newssearch.search;

import io.newssearch.lucene.search.QueryFactory;
import io.newssearch.lucene.Schema;
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

  public static final Ranking DEFAULT = new Ranking(Schema.DEFAULT_FIELD_BOOSTS, QueryFactory.PROXIMITY_BOOST, false);

  public Ranking {
    fieldBoosts = Map.copyOf(fieldBoosts);
  }

  /** The same ranking with the title weighted {@code boost} (1 = as much as the body). */
  public Ranking withTitleBoost(float boost) {
    Map<String, Float> m = new HashMap<>(fieldBoosts);
    m.put(Schema.TITLE, boost);
    return new Ranking(m, proximityBoost, pairwiseProximity);
  }

  public Ranking withProximityBoost(float boost) {
    return new Ranking(fieldBoosts, boost, pairwiseProximity);
  }

  public Ranking withPairwiseProximity(boolean pairwise) {
    return new Ranking(fieldBoosts, proximityBoost, pairwise);
  }
}
