package io.newssearch.alerts;

import io.newssearch.lucene.Schema;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;

/**
 * The presearcher's view of a query: a set of terms at least one of which every matching article
 * contains, so the query is indexed under them and tried only on articles that have one (the idea
 * of Lucene's monitor module). Conjunctions need only one of their required clauses' sets — the
 * most selective one is kept; disjunctions need the union of theirs; negations add nothing. A part
 * whose terms cannot be known ahead (a wildcard, a range, every article) makes its set unknown, and
 * a query with an unknown set is tried on every article.
 */
final class QueryTerms {

  private QueryTerms() {}

  /** At least one of these terms is in every article the query matches; null when unknown. */
  static Set<Term> anyOf(Query q) {
    return switch (q) {
      case BooleanQuery b -> ofBoolean(b);
      case BoostQuery b -> anyOf(b.getQuery());
      case ConstantScoreQuery c -> anyOf(c.getQuery());
      case IndexOrDocValuesQuery q2 -> anyOf(q2.getIndexQuery());
      case TermQuery t -> Set.of(t.getTerm());
      case PhraseQuery p -> p.getTerms().length == 0 ? Set.of() : Set.of(best(List.of(p.getTerms())));
      case MultiPhraseQuery m -> m.getTermArrays().length == 0 ? Set.of() : Set.of(m.getTermArrays()[0]);
      case SynonymQuery s -> new HashSet<>(s.getTerms());
      case TermInSetQuery t -> termsOf(t);
      case DisjunctionMaxQuery d -> anyOfEach(d.getDisjuncts());
      default -> null;
    };
  }

  /** One of the queries matches: the union of their terms, unknown when one's is. */
  private static Set<Term> anyOfEach(java.util.Collection<Query> queries) {
    Set<Term> union = new HashSet<>();
    for (Query q : queries) {
      Set<Term> s = anyOf(q);
      if (s == null) {
        return null;
      }
      union.addAll(s);
    }
    return union;
  }

  private static Set<Term> ofBoolean(BooleanQuery b) {
    Set<Term> bestRequired = null;
    boolean anyRequired = false;
    Set<Term> union = new HashSet<>();
    boolean unionKnown = true;
    int should = 0;
    for (BooleanClause c : b.clauses()) {
      if (c.occur() == Occur.MUST || c.occur() == Occur.FILTER) {
        anyRequired = true;
        Set<Term> s = anyOf(c.query());
        if (s != null && (bestRequired == null || weight(s) > weight(bestRequired))) {
          bestRequired = s;
        }
      } else if (c.occur() == Occur.SHOULD) {
        should++;
        Set<Term> s = anyOf(c.query());
        if (s == null) {
          unionKnown = false;
        } else {
          union.addAll(s);
        }
      }
    }
    if (anyRequired) {
      // Optional clauses beside required ones only score; one required set is enough.
      return bestRequired;
    }
    if (should == 0) {
      return Set.of(); // no positive clause: Lucene matches nothing
    }
    return unionKnown ? union : null;
  }

  private static Set<Term> termsOf(TermInSetQuery t) {
    Set<Term> out = new HashSet<>();
    try {
      var it = t.getBytesRefIterator();
      for (var term = it.next(); term != null; term = it.next()) {
        out.add(new Term(t.getField(), org.apache.lucene.util.BytesRef.deepCopyOf(term)));
      }
    } catch (java.io.IOException e) {
      return null;
    }
    return out;
  }

  /**
   * How selective requiring one of these terms is, higher is better, without index statistics:
   * longer words are rarer, a language code matches a large share of every index, and a set is
   * as weak as its weakest member.
   */
  static double weight(Set<Term> terms) {
    if (terms.isEmpty()) {
      return Double.MAX_VALUE; // matches nothing: the best filter there is
    }
    double min = Double.MAX_VALUE;
    for (Term t : terms) {
      min = Math.min(min, weight(t));
    }
    return min / (1 + 0.05 * terms.size());
  }

  private static double weight(Term t) {
    return switch (t.field()) {
      case Schema.LANGUAGE -> 0.1;
      case Schema.TITLE, Schema.BODY -> 1 + t.bytes().length;
      default -> 4; // a tag, source or name: usually narrower than a word
    };
  }

  private static Term best(List<Term> terms) {
    Term best = terms.get(0);
    for (Term t : terms) {
      if (weight(t) > weight(best)) {
        best = t;
      }
    }
    return best;
  }
}
