package io.newssearch.search;

import io.newssearch.index.Schema;
import java.util.HashMap;
import java.util.Map;

/**
 * The knobs of relevance ranking, in one value: how much each default text field weighs and how much
 * the proximity clause adds. The server uses {@link #DEFAULT}; evaluation ({@code newssearch eval})
 * builds variants to measure what each knob is worth.
 *
 * @param fieldBoosts weight of each field searched when a query names none (title, body)
 * @param proximityBoost weight of the sloppy-phrase clause; 0 turns it off
 */
public record Ranking(Map<String, Float> fieldBoosts, float proximityBoost) {

  public static final Ranking DEFAULT = new Ranking(Schema.DEFAULT_FIELD_BOOSTS, QueryFactory.PROXIMITY_BOOST);

  public Ranking {
    fieldBoosts = Map.copyOf(fieldBoosts);
  }

  /** The same ranking with the title weighted {@code boost} (1 = as much as the body). */
  public Ranking withTitleBoost(float boost) {
    Map<String, Float> m = new HashMap<>(fieldBoosts);
    m.put(Schema.TITLE, boost);
    return new Ranking(m, proximityBoost);
  }

  public Ranking withProximityBoost(float boost) {
    return new Ranking(fieldBoosts, boost);
  }
}
