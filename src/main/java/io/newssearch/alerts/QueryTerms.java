package io.newssearch.alerts;

import io.newssearch.lucene.Schema;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;

/**
 * The presearcher's view of a query: sets of terms such that every matching article contains a
 * term of each set, so the query is indexed under them and tried only on articles that meet them
 * all (the idea of Lucene's monitor module). {@link #anyOf} is one such set: conjunctions need only
 * one of their required clauses' sets (the most selective is kept), disjunctions the union of
 * theirs, negations add nothing. {@link #allOf} keeps the sets of every required part (each word of
 * {@code a AND b}, each word of a phrase), which an article of a broad word alone does not meet. A
 * part whose terms cannot be known ahead (a wildcard, a range, every article) makes its set
 * unknown, and a query with no known set is tried on every article.
 */
final class QueryTerms {

  /** At most this many required sets are kept per query: the most selective ones. */
  static final int MAX_SETS = 4;

  private QueryTerms() {}

  /**
   * Term sets that every article the query matches has a term of, each of them: the sets of the
   * required parts of a conjunction (each word of {@code a AND b}, each word of a phrase) rather
   * than only the best one, so that an article must have all the words before the query is run on
   * it. At most {@link #MAX_SETS}, the most selective, with a language set kept only when alone
   * (every article of the language has it). Null when no set is known.
   */
  static List<Set<Term>> allOf(Query q) {
    List<Set<Term>> sets = required(q);
    if (sets == null) {
      return null;
    }
    List<Set<Term>> distinct = new ArrayList<>(new LinkedHashSet<>(sets));
    distinct.sort(Comparator.comparingDouble((Set<Term> set) -> weight(set)).reversed());
    List<Set<Term>> out = new ArrayList<>();
    for (Set<Term> set : distinct) {
      if (out.size() < MAX_SETS && (out.isEmpty() || weight(set) >= 1)) {
        out.add(set);
      }
    }
    return out;
  }

  private static List<Set<Term>> required(Query q) {
    return switch (q) {
      case BooleanQuery b -> requiredOfBoolean(b);
      case BoostQuery b -> required(b.getQuery());
      case ConstantScoreQuery c -> required(c.getQuery());
      case IndexOrDocValuesQuery q2 -> required(q2.getIndexQuery());
      case DisjunctionMaxQuery d -> requiredOfAny(d.getDisjuncts());
      case PhraseQuery p -> p.getTerms().length == 0 ? List.of(Set.of())
          : java.util.Arrays.stream(p.getTerms()).map(Set::of).toList();
      case MultiPhraseQuery m -> m.getTermArrays().length == 0 ? List.of(Set.of())
          : java.util.Arrays.stream(m.getTermArrays()).map(a -> Set.copyOf(List.of(a))).toList();
      default -> {
        Set<Term> s = anyOf(q);
        yield s == null ? null : List.of(s);
      }
    };
  }

  private static List<Set<Term>> requiredOfBoolean(BooleanQuery b) {
    List<Set<Term>> out = new ArrayList<>();
    boolean anyRequired = false;
    for (BooleanClause c : b.clauses()) {
      if (c.occur() == Occur.MUST || c.occur() == Occur.FILTER) {
        anyRequired = true;
        List<Set<Term>> sets = required(c.query());
        if (sets != null) {
          out.addAll(sets);
        }
      }
    }
    if (anyRequired) {
      return out.isEmpty() ? null : out;
    }
    List<Query> optional = b.clauses().stream().filter(c -> c.occur() == Occur.SHOULD).map(BooleanClause::query).toList();
    return requiredOfAny(optional);
  }

  /**
   * One of {@code queries} matches: the j-th set of every one, joined, is met by whichever matched
   * (the same words in title and body give a set per word).
   */
  private static List<Set<Term>> requiredOfAny(Collection<Query> queries) {
    List<List<Set<Term>>> each = new ArrayList<>();
    for (Query q : queries) {
      List<Set<Term>> sets = required(q);
      if (sets == null) {
        return null;
      }
      each.add(sets);
    }
    if (each.isEmpty()) {
      return List.of(Set.of()); // no positive clause: Lucene matches nothing
    }
    List<Set<Term>> out = new ArrayList<>();
    int k = each.stream().mapToInt(List::size).min().orElseThrow();
    for (int j = 0; j < k; j++) {
      Set<Term> union = new HashSet<>();
      for (List<Set<Term>> sets : each) {
        union.addAll(sets.get(j));
      }
      out.add(union);
    }
    return out;
  }

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
  private static Set<Term> anyOfEach(Collection<Query> queries) {
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
