package io.newssearch.search;

/**
 * The knobs of relevance ranking, in one value, the same for every collection and language. The
 * server uses {@link #DEFAULT}; {@code newssearch eval --candidates} measures variants, and
 * EVALUATION.md says on which queries each default was chosen.
 *
 * <p>The default keeps only what helped on the held-out half of both judged collections, TIME 1963
 * and MasakhaNEWS (EVALUATION.md): a BM25 score per field added up, the headline's weighted {@link
 * #TITLE_WEIGHT}, with one sloppy phrase of all the query's words; in an index of several
 * languages, each language's articles weighted by how much of the query's words it has ({@link
 * #LANGUAGE_FIT}). A title made from the body's first sentence is not a headline and is not in the
 * headline field ({@code Article.titleDerived}). BM25F and neighbouring-pair proximity are options:
 * neither collection can measure BM25F (no headline in either index), and pairs gain 10% MAP on
 * TIME's held-out half but lose on MasakhaNEWS's.
 *
 * @param fields how a word's fields are combined: BM25F, or the per-field sum it replaced
 * @param titleWeight BM25F weight of a headline (≥ 1; 1 counts it as body text); in the sum, the
 *     title clause's boost
 * @param proximity which sloppy phrases of the query's words add to the score
 * @param proximityBoost weight of each proximity phrase; 0 turns proximity off
 * @param proximitySlop how many positions apart the words of a proximity phrase may be
 * @param idfExponent 1: BM25's own term weights; above 1 each word's weight is raised further by
 *     its rarity, so the noise words of a long query ("background", "efforts") count less
 * @param languageFit 0: every language searched counts alike; above 0, a language's articles are
 *     weighted by how much of the query's words that language has, to this power
 * @param feedback pseudo-relevance feedback, or {@link Feedback#OFF}
 */
public record Ranking(Fields fields, float titleWeight, Proximity proximity, float proximityBoost,
    int proximitySlop, float idfExponent, float languageFit, Feedback feedback) {

  /** How the scores of a word in several fields are combined. */
  public enum Fields {
    /** One BM25F term over title and body: term frequencies are weighted and added, then saturated. */
    BM25F,
    /** A BM25 score per field (title boosted, body), added up: the ranking before BM25F, kept to measure against. */
    SUM
  }

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

  /**
   * A headline hit counts twice a body hit: a headline says what the story is about. Neither judged
   * collection can measure it (TIME's titles are derived, MasakhaNEWS's headlines are the queries).
   */
  public static final float TITLE_WEIGHT = 2.0f;
  /** Words of the query within this many positions of each other earn the proximity boost. */
  public static final int PROXIMITY_SLOP = 8;
  /** Weight of the proximity phrase relative to the words' BM25 clauses. */
  public static final float PROXIMITY_BOOST = 1.0f;

  /**
   * Articles of a language that has only some of the query's words count less ({@link #languageFit()}):
   * in an index of many languages a headline's shared tokens ("la", names) otherwise let other
   * languages' articles outrank its own. No effect when one language is searched.
   */
  public static final float LANGUAGE_FIT = 2f;

  public static final Ranking DEFAULT = new Ranking(Fields.SUM, TITLE_WEIGHT, Proximity.ALL_WORDS, PROXIMITY_BOOST,
      PROXIMITY_SLOP, 1f, LANGUAGE_FIT, Feedback.OFF);

  public Ranking {
    if (titleWeight < 1) {
      throw new IllegalArgumentException("the title weight is at least 1: " + titleWeight);
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

  public Ranking withFields(Fields f) {
    return new Ranking(f, titleWeight, proximity, proximityBoost, proximitySlop, idfExponent, languageFit,
        feedback);
  }

  public Ranking withTitleWeight(float w) {
    return new Ranking(fields, w, proximity, proximityBoost, proximitySlop, idfExponent, languageFit,
        feedback);
  }

  public Ranking withProximity(Proximity p, float boost, int slop) {
    return new Ranking(fields, titleWeight, p, boost, slop, idfExponent, languageFit, feedback);
  }

  public Ranking withIdfExponent(float e) {
    return new Ranking(fields, titleWeight, proximity, proximityBoost, proximitySlop, e, languageFit,
        feedback);
  }

  public Ranking withLanguageFit(float f) {
    return new Ranking(fields, titleWeight, proximity, proximityBoost, proximitySlop, idfExponent, f,
        feedback);
  }

  public Ranking withFeedback(Feedback f) {
    return new Ranking(fields, titleWeight, proximity, proximityBoost, proximitySlop, idfExponent,
        languageFit, f);
  }
}
