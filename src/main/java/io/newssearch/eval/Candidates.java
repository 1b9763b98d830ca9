package io.newssearch.eval;

import io.newssearch.search.Ranking;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rankings measured beside the shipped one ({@code newssearch eval --candidates}), by name:
 * each knob of {@link Ranking} changed alone from the default, so its worth shows on both
 * collections, plus the settings the default was chosen against (EVALUATION.md).
 */
public final class Candidates {

  private Candidates() {}

  public static Map<String, Ranking> all() {
    Map<String, Ranking> m = new LinkedHashMap<>();
    m.put("proximity: all words (before)", Ranking.DEFAULT.withProximity(Ranking.Proximity.ALL_WORDS, 1f, 8));
    m.put("proximity off", Ranking.DEFAULT.withProximity(Ranking.Proximity.OFF, 0f, 8));
    m.put("proximity: pairs ×1, slop 8", Ranking.DEFAULT.withProximity(Ranking.Proximity.PAIRS, 1f, 8));
    return m;
  }
}
