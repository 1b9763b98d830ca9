package io.newssearch.lucene.search;

import io.newssearch.search.Ranking;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;

/**
 * Proximity: sloppy phrases of the query's words in the body, added as optional clauses, so
 * articles where the words stand close together rank higher ({@link Ranking#proximity()}). They
 * only reorder what the words match; a query of one word gets none.
 */
final class ProximityClauses {

  /** Longer queries get no proximity: a phrase per pair of 16+ words costs more than it tells. */
  static final int MAX_WORDS = 16;

  private ProximityClauses() {}

  /** {@code q} with the ranking's proximity phrases added when it has two or more positive body words. */
  static Query add(Query q, Ranking ranking) {
    BooleanQuery phrases = phrases(q, ranking);
    if (phrases == null) {
      return q;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(q, Occur.MUST);
    phrases.clauses().forEach(b::add);
    return b.build();
  }

  /**
   * The ranking's proximity phrases of {@code q}'s positive body words, each optional; null when it
   * has fewer than two or proximity is off.
   */
  static BooleanQuery phrases(Query q, Ranking ranking) {
    List<Term> terms = positiveBodyTerms(q);
    if (terms.size() < 2 || !ranking.proximityOn()) {
      return null;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    if (ranking.proximity() == Ranking.Proximity.PAIRS) {
      for (int i = 0; i + 1 < terms.size(); i++) {
        b.add(new BoostQuery(sloppyPhrase(terms.subList(i, i + 2), ranking.proximitySlop()), ranking.proximityBoost()),
            Occur.SHOULD);
      }
    } else {
      b.add(new BoostQuery(sloppyPhrase(terms, ranking.proximitySlop()), ranking.proximityBoost()), Occur.SHOULD);
    }
    return b.build();
  }

  private static Query sloppyPhrase(List<Term> terms, int slop) {
    PhraseQuery.Builder phrase = new PhraseQuery.Builder().setSlop(slop);
    for (int i = 0; i < terms.size(); i++) {
      phrase.add(terms.get(i), i);
    }
    return phrase.build();
  }

  /** Body words of the query in the order they were typed (a phrase needs that order), each once. */
  static List<Term> positiveBodyTerms(Query q) {
    List<Term> terms = bodyTerms(q);
    return terms.size() > MAX_WORDS ? List.of() : terms;
  }

  /** Every body word of the query, however many, in the order typed, each once. */
  static List<Term> bodyTerms(Query q) {
    Set<Term> terms = new LinkedHashSet<>();
    collectBodyTerms(q, terms);
    return new ArrayList<>(terms);
  }

  /**
   * Walks Boolean clauses in their list order: a QueryVisitor visits them grouped by Occur in
   * hash order, which scrambled the words and made the proximity phrase cost extra slop.
   */
  private static void collectBodyTerms(Query q, Set<Term> out) {
    switch (q) {
      case BooleanQuery b -> {
        for (BooleanClause c : b.clauses()) {
          if (c.occur() != Occur.MUST_NOT) {
            collectBodyTerms(c.query(), out);
          }
        }
      }
      case BoostQuery b -> collectBodyTerms(b.getQuery(), out);
      // Variants of one word at one position: the first stands for the word.
      case DisjunctionMaxQuery d -> collectBodyTerms(d.getDisjuncts().iterator().next(), out);
      // A word's variants parsed as one SynonymQuery (kweMari: kwemari and mari) each count here and
      // in the lead: on MasakhaNEWS that beat the written word alone (EVALUATION.md, tenth session).
      default -> out.addAll(QueryWords.bodyTerms(q));
    }
  }
}
