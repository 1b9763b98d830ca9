package io.newssearch.search;

/**
 * The knobs of relevance ranking, in one value, the same for every collection and language. The
 * server uses {@link #DEFAULT}; {@code newssearch eval --candidates} measures variants, and
 * EVALUATION.md says on which queries each default was chosen.
 *
 * <p>Text is scored with BM25F: a word is one term over the headline, the lead and the body taken
 * as one field, each field's occurrences counted {@code weight} times, so a word in the headline
 * and the body is not paid twice as a sum of two BM25 scores would. A title made from the body's
 * first sentence is not a headline and is not in the headline field ({@code Article.titleDerived}).
 *
 * @param titleWeight BM25F weight of a headline (≥ 1; 1 counts it as body text)
 * @param leadWeight BM25F weight of the lead, the body's first words (0: no lead field; else ≥ 1)
 * @param proximity which sloppy phrases of the query's words add to the score
 * @param proximityBoost weight of each proximity phrase; 0 turns proximity off
 * @param proximitySlop how many positions apart the words of a proximity phrase may be
 * @param idfExponent 1: BM25's own term weights; above 1 each word's weight is raised further by
 *     its rarity, so the noise words of a long query ("background", "efforts") count less
 * @param languageFit 0: every language searched counts alike; above 1... see {@link #languageFit()}
 * @param feedback pseudo-relevance feedback, or {@link Feedback#OFF}
 */
public record Ranking(float titleWeight, float leadWeight, Proximity proximity, float proximityBoost,
    int proximitySlop, float idfExponent, float languageFit, Feedback feedback) {

  /** Which sloppy phrases of the query's words are added for proximity. */
  public enum Proximity {
    /** None. */
    OFF,
    /** One phrase of all the words: a long query almost never matches it. */
    ALL_WORDS,
    /** One phrase per pair of neighbouring words: a long query earns it for the words that are near. */
    PAIRS
  }

  /**
   * RM3-style expansion: the first search's top {@code docs} articles give the {@code terms} words
   * most typical of them, added to the query with {@code 1 - originalWeight} of the weight.
   */
  public record Feedback(int docs, int terms, float originalWeight) {
    public static final Feedback OFF = new Feedback(0, 0, 1f);

    public boolean on() {
      return docs > 0 && terms > 0 && originalWeight < 1f;
    }
  }

  /** A title hit counts twice a body hit: a headline says what the story is about. */
  public static final float TITLE_WEIGHT = 2.0f;
  public static final float LEAD_WEIGHT = 1.0f;
  /** Words of the query within this many positions of each other earn the proximity boost. */
  public static final int PROXIMITY_SLOP = 8;
  /** Weight of the proximity clause relative to the plain BM25 clauses. */
  public static final float PROXIMITY_BOOST = 1.0f;

  public static final Ranking DEFAULT = new Ranking(TITLE_WEIGHT, LEAD_WEIGHT, Proximity.ALL_WORDS, PROXIMITY_BOOST,
      PROXIMITY_SLOP, 1f, 0f, Feedback.OFF);

  public Ranking {
    if (titleWeight < 1 || (leadWeight != 0 && leadWeight < 1)) {
      throw new IllegalArgumentException("BM25F weights are at least 1 (lead: 0 for none): title " + titleWeight
          + ", lead " + leadWeight);
    }
    if (proximityBoost < 0 || proximitySlop < 0 || idfExponent <= 0 || languageFit < 0) {
      throw new IllegalArgumentException("negative ranking setting: " + proximityBoost + ", " + proximitySlop + ", "
          + idfExponent + ", " + languageFit);
    }
  }

  /** True when a proximity phrase is added. */
  public boolean proximityOn() {
    return proximity != Proximity.OFF && proximityBoost > 0;
  }

  public Ranking withTitleWeight(float w) {
    return new Ranking(w, leadWeight, proximity, proximityBoost, proximitySlop, idfExponent, languageFit, feedback);
  }

  public Ranking withLeadWeight(float w) {
    return new Ranking(titleWeight, w, proximity, proximityBoost, proximitySlop, idfExponent, languageFit, feedback);
  }

  public Ranking withProximity(Proximity p, float boost, int slop) {
    return new Ranking(titleWeight, leadWeight, p, boost, slop, idfExponent, languageFit, feedback);
  }

  public Ranking withIdfExponent(float e) {
    return new Ranking(titleWeight, leadWeight, proximity, proximityBoost, proximitySlop, e, languageFit, feedback);
  }

  public Ranking withLanguageFit(float f) {
    return new Ranking(titleWeight, leadWeight, proximity, proximityBoost, proximitySlop, idfExponent, f, feedback);
  }

  public Ranking withFeedback(Feedback f) {
    return new Ranking(titleWeight, leadWeight, proximity, proximityBoost, proximitySlop, idfExponent, languageFit, f);
  }
}
