package io.newssearch.search;

/**
 * The knobs of relevance ranking, in one value, the same for every collection and language. The
 * server uses {@link #DEFAULT}; {@code newssearch eval --candidates} measures variants, and
 * EVALUATION.md says on which queries each default was chosen.
 *
 * <p>The default keeps only what helped on TIME 1963 (MAP) and did not hurt MasakhaNEWS known-item
 * search (MRR@10) beyond its noise, chosen on half A of each and checked on half B (EVALUATION.md):
 * a BM25 score per field added up, the headline weighted {@link #TITLE_WEIGHT}; a sloppy phrase per
 * pair of neighbouring query words, each ×{@link #PROXIMITY_BOOST} within {@link #PROXIMITY_SLOP}
 * positions (scored on the first search's top {@link #RESCORED_CANDIDATES} articles, as the parts
 * below are, when a search ranks by relevance); pseudo-relevance feedback ({@link #FEEDBACK}); the query's words in the story's lead
 * ({@link #LEAD}); in an index of several languages, each
 * language's articles weighted by how much of the query's words it has ({@link #LANGUAGE_FIT}). A
 * title made from the body's first sentence is not a headline and is not in the headline field
 * ({@code Article.titleDerived}). BM25F, idf weighting and other BM25 parameters for the story text
 * are options: neither collection can measure BM25F (no headline in either index), and the others
 * lost on TIME.
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
 * @param body BM25's k1 and b for the story text (the headline keeps Lucene's defaults)
 * @param subwords weight of the query's words' pieces of a few letters, matched in each of the
 *     first search's top {@link #RESCORED_CANDIDATES} articles' headline and opening, relative to
 *     the query's own score; 0 turns them off
 * @param subwordsBm25 BM25's k1 and b for those pieces
 * @param lead the query's words in the opening of the story text, or {@link Lead#OFF}
 */
public record Ranking(Fields fields, float titleWeight, Proximity proximity, float proximityBoost,
    int proximitySlop, float idfExponent, float languageFit, Feedback feedback, Bm25 body, float subwords,
    Bm25 subwordsBm25, Lead lead) {

  /**
   * The query's words found in an article's lead (its first {@code positions} word positions of
   * the story text), rescoring the first search's top {@link #RESCORED_CANDIDATES} articles with
   * this weight: news is written as an inverted pyramid, so of several reports of one event the one
   * whose opening says what the query says is the better answer.
   *
   * @param scoring how a word in the lead counts
   */
  public record Lead(int positions, float weight, Scoring scoring) {
    public static final Lead OFF = new Lead(0, 0f, Scoring.PRESENCE);

    /** How a word in the lead counts. */
    public enum Scoring {
      /** Once, by its rarity (BM25's idf), however often the lead repeats it. */
      PRESENCE,
      /** BM25 of its occurrences within the lead, with the story text's k1 and b. */
      BM25
    }

    public Lead {
      if (positions < 0 || !(weight >= 0) || scoring == null) {
        throw new IllegalArgumentException("a lead of ≥ 0 positions with a weight ≥ 0: " + positions + ", " + weight);
      }
    }

    public boolean on() {
      return positions > 0 && weight > 0;
    }
  }

  /**
   * BM25's two parameters for one field: {@code k1} how soon repeating a word stops adding, {@code
   * b} how much a long text is discounted (0 none, 1 fully by its length over the average).
   */
  public record Bm25(float k1, float b) {
    /** Lucene's own defaults. */
    public static final Bm25 LUCENE = new Bm25(1.2f, 0.75f);

    public Bm25 {
      if (!(k1 >= 0) || !(b >= 0 && b <= 1)) {
        throw new IllegalArgumentException("BM25 needs k1 ≥ 0 and 0 ≤ b ≤ 1: " + k1 + ", " + b);
      }
    }
  }

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
   * most typical of them, added to the query with {@code 1 - originalWeight} of the weight. Each
   * article counts in proportion to (its score / the best score)^{@code sharpness}: 1 weighs them
   * by score; higher lets an article that stands out above the others speak for them all. The
   * added words score only the first search's top {@code rescored} articles (0: every match), so
   * they reorder the head of the ranking and cost a search no more than that many articles' worth.
   */
  public record Feedback(int docs, int terms, float originalWeight, float sharpness, int rescored) {
    public static final Feedback OFF = new Feedback(0, 0, 1f);

    public Feedback {
      if (rescored < 0) {
        throw new IllegalArgumentException("feedback rescores a positive number of articles, or 0 for all: " + rescored);
      }
    }

    /** Feedback over every match (the words are scored wherever the query matches). */
    public Feedback(int docs, int terms, float originalWeight, float sharpness) {
      this(docs, terms, originalWeight, sharpness, 0);
    }

    public Feedback(int docs, int terms, float originalWeight) {
      this(docs, terms, originalWeight, 1f);
    }

    public boolean on() {
      return docs > 0 && terms > 0 && originalWeight < 1f;
    }

    /** The same feedback rescoring the first search's top {@code n} articles (0: every match). */
    public Feedback rescoring(int n) {
      return new Feedback(docs, terms, originalWeight, sharpness, n);
    }
  }

  /**
   * A headline hit counts twice a body hit: a headline says what the story is about. Neither judged
   * collection can measure it (TIME's titles are derived, MasakhaNEWS's headlines are the queries).
   */
  public static final float TITLE_WEIGHT = 2.0f;
  /**
   * Neighbouring query words within this many positions of each other earn the proximity boost
   * (slop 4 beat 2 and 8 on TIME half A, with and without feedback).
   */
  public static final int PROXIMITY_SLOP = 4;
  /**
   * Weight of each pair's phrase relative to the words' BM25 clauses: with feedback on, ×0.25 beat
   * ×0.15 and ×0.5 on TIME half A, and alone it left MasakhaNEWS unchanged (×0.5 cost it 0.009).
   */
  public static final float PROXIMITY_BOOST = 0.25f;
  /**
   * The query's 10 best articles give 10 words typical of them, which get a fifth of the query's
   * weight (0.8 original); each article speaks in proportion to (its score / the best)^8, so an
   * article that stands out above the rest, as a known item does, shapes the words more than a crowd
   * of near misses. On TIME it adds 7–15% MAP; on MasakhaNEWS's known-item headlines it changes
   * MRR@10 by less than the sample's noise, where weighing articles by their plain score cost 0.013
   * on the held-out half (EVALUATION.md). The words rescore the first search's top 50 only: 50,
   * 100, 200 and every match gave the same MAP on TIME half A, and at a million articles a search
   * with it costs 1.3–1.5 times the CPU of one without (scoring the words over every match had cost
   * 4–8 times; BENCHMARKS.md).
   */
  public static final Feedback FEEDBACK = new Feedback(10, 10, 0.8f, 8f, 50);

  /**
   * Articles of a language that has only some of the query's words count less ({@link #languageFit()}):
   * in an index of many languages a headline's shared tokens ("la", names) otherwise let other
   * languages' articles outrank its own. No effect when one language is searched.
   */
  public static final float LANGUAGE_FIT = 2f;

  /**
   * Pieces of the query's words found in an article's headline and opening reorder the first
   * search's top {@link #RESCORED_CANDIDATES} articles with this weight: they find an article whose
   * words carry other prefixes and suffixes than the query's, in languages Lucene has no stemmer
   * for (only their articles have pieces). ×0.25 beat ×0.5, ×1 and ×2 on MasakhaNEWS half A: the
   * heavier weights lift articles of those languages over English ones that share words, as Pidgin
   * shares English's (EVALUATION.md).
   */
  public static final float SUBWORDS = 0.25f;

  /**
   * The pieces scored with BM25's k1 at 0.1: a piece the opening repeats counts hardly more than
   * once, so an article scores by how many of the query's pieces it holds, each weighed by its
   * rarity. The article a headline was written for holds most of them; one on the same subject
   * repeats a few. On MasakhaNEWS half A k1 0.1 beat 0.3, 0.6, Lucene's 1.2 and 2 (EVALUATION.md).
   * b 0: no length normalisation, so the field needs no norms (an opening is about 500 characters
   * long, so length changed little: Lucene's b 0.75 ranked the same on both halves).
   */
  public static final Bm25 SUBWORDS_BM25 = new Bm25(0.1f, 0f);

  /** How many of the first search's top articles the proximity phrases, the sub-word pieces and the lead rescore. */
  public static final int RESCORED_CANDIDATES = 50;

  /**
   * The query's words in the first 25 positions of the story text, each once by its rarity, ×0.1,
   * rescoring the first search's top {@link #RESCORED_CANDIDATES}: on half A it beat 15, 50 and 100
   * positions, weights 0.05 to 0.5 and BM25 of the lead's occurrences on MasakhaNEWS (+0.005 MRR@10,
   * mostly English and French, whose stemmers make whole words meet) and lifted TIME (1.073 →
   * 1.090× bare); heavier weights cost other languages more than they gain (EVALUATION.md).
   */
  public static final Lead LEAD = new Lead(25, 0.1f, Lead.Scoring.PRESENCE);

  public static final Ranking DEFAULT = new Ranking(Fields.SUM, TITLE_WEIGHT, Proximity.PAIRS, PROXIMITY_BOOST,
      PROXIMITY_SLOP, 1f, LANGUAGE_FIT, FEEDBACK, Bm25.LUCENE, SUBWORDS, SUBWORDS_BM25, LEAD);

  public Ranking {
    if (titleWeight < 1) {
      throw new IllegalArgumentException("the title weight is at least 1: " + titleWeight);
    }
    if (body == null || subwordsBm25 == null || lead == null) {
      throw new IllegalArgumentException("no BM25 parameters for the body or the pieces, or no lead setting");
    }
    if (proximityBoost < 0 || proximitySlop < 0 || idfExponent <= 0 || languageFit < 0 || subwords < 0) {
      throw new IllegalArgumentException("negative ranking setting: " + proximityBoost + ", " + proximitySlop + ", "
          + idfExponent + ", " + languageFit + ", " + subwords);
    }
  }

  /** True when a proximity phrase is added. */
  public boolean proximityOn() {
    return proximity != Proximity.OFF && proximityBoost > 0;
  }

  public Ranking withFields(Fields f) {
    return new Ranking(f, titleWeight, proximity, proximityBoost, proximitySlop, idfExponent, languageFit,
        feedback, body, subwords, subwordsBm25, lead);
  }

  public Ranking withTitleWeight(float w) {
    return new Ranking(fields, w, proximity, proximityBoost, proximitySlop, idfExponent, languageFit,
        feedback, body, subwords, subwordsBm25, lead);
  }

  public Ranking withProximity(Proximity p, float boost, int slop) {
    return new Ranking(fields, titleWeight, p, boost, slop, idfExponent, languageFit, feedback, body, subwords,
        subwordsBm25, lead);
  }

  public Ranking withIdfExponent(float e) {
    return new Ranking(fields, titleWeight, proximity, proximityBoost, proximitySlop, e, languageFit,
        feedback, body, subwords, subwordsBm25, lead);
  }

  public Ranking withLanguageFit(float f) {
    return new Ranking(fields, titleWeight, proximity, proximityBoost, proximitySlop, idfExponent, f,
        feedback, body, subwords, subwordsBm25, lead);
  }

  public Ranking withFeedback(Feedback f) {
    return new Ranking(fields, titleWeight, proximity, proximityBoost, proximitySlop, idfExponent,
        languageFit, f, body, subwords, subwordsBm25, lead);
  }

  public Ranking withSubwords(float w) {
    return new Ranking(fields, titleWeight, proximity, proximityBoost, proximitySlop, idfExponent,
        languageFit, feedback, body, w, subwordsBm25, lead);
  }

  public Ranking withSubwordsBm25(Bm25 b) {
    return new Ranking(fields, titleWeight, proximity, proximityBoost, proximitySlop, idfExponent,
        languageFit, feedback, body, subwords, b, lead);
  }

  public Ranking withLead(Lead l) {
    return new Ranking(fields, titleWeight, proximity, proximityBoost, proximitySlop, idfExponent,
        languageFit, feedback, body, subwords, subwordsBm25, l);
  }

  public Ranking withBody(Bm25 b) {
    return new Ranking(fields, titleWeight, proximity, proximityBoost, proximitySlop, idfExponent,
        languageFit, feedback, b, subwords, subwordsBm25, lead);
  }
}
