package io.newssearch.lucene.search;

import io.newssearch.search.Ranking;
import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * Term weighting for verbose queries ({@link Ranking#idfExponent()}): each word of the query is
 * boosted by {@code (idf / mean idf)^(exponent − 1)}, so of "provisions of the test ban treaty" the
 * rare "treaty" and "ban" lead and "provisions", which many articles have, counts less than BM25
 * alone would make it. The mean is the geometric mean over the query's words, so the words'
 * weights stay about 1 on average and proximity keeps its share. One word alone is unchanged.
 */
final class IdfWeighting {

  private IdfWeighting() {}

  static Query apply(Query q, IndexReader reader, Ranking ranking) throws IOException {
    if (ranking.idfExponent() == 1f) {
      return q;
    }
    Map<Query, Double> idf = new IdentityHashMap<>();
    collect(q, reader, idf);
    if (idf.size() < 2) {
      return q;
    }
    double logMean = idf.values().stream().mapToDouble(Math::log).average().orElse(0);
    Map<Query, Float> boosts = new IdentityHashMap<>();
    idf.forEach((leaf, v) -> boosts.put(leaf,
        (float) Math.exp((ranking.idfExponent() - 1) * (Math.log(v) - logMean))));
    return rewrite(q, boosts);
  }

  /** BM25's idf of each word of the query, its largest document frequency over the fields it searches. */
  private static void collect(Query q, IndexReader reader, Map<Query, Double> out) throws IOException {
    switch (q) {
      case BooleanQuery b -> {
        for (BooleanClause c : b.clauses()) {
          if (c.occur() != BooleanClause.Occur.MUST_NOT) {
            collect(c.query(), reader, out);
          }
        }
      }
      case BoostQuery b -> collect(b.getQuery(), reader, out);
      case DisjunctionMaxQuery d -> {
        for (Query disjunct : d.getDisjuncts()) {
          collect(disjunct, reader, out);
        }
      }
      case Bm25fTerm c -> {
        long df = 0;
        for (Term t : terms(c)) {
          df = Math.max(df, reader.docFreq(t));
        }
        long n = Math.max(1, reader.maxDoc());
        out.put(c, Math.log(1 + (n - df + 0.5) / (df + 0.5)));
      }
      default -> { } // phrases, prefixes...: as typed
    }
  }

  private static Query rewrite(Query q, Map<Query, Float> boosts) {
    return switch (q) {
      case BooleanQuery b -> {
        BooleanQuery.Builder out = new BooleanQuery.Builder().setMinimumNumberShouldMatch(b.getMinimumNumberShouldMatch());
        for (BooleanClause c : b.clauses()) {
          out.add(rewrite(c.query(), boosts), c.occur());
        }
        yield out.build();
      }
      case BoostQuery b -> new BoostQuery(rewrite(b.getQuery(), boosts), b.getBoost());
      case DisjunctionMaxQuery d -> {
        List<Query> out = new ArrayList<>();
        for (Query disjunct : d.getDisjuncts()) {
          out.add(rewrite(disjunct, boosts));
        }
        yield new DisjunctionMaxQuery(out, d.getTieBreakerMultiplier());
      }
      default -> boosts.containsKey(q) ? new BoostQuery(q, boosts.get(q)) : q;
    };
  }

  /** The per-field terms a BM25F query searches (it has no getter for them). */
  static List<Term> terms(Query c) {
    List<Term> out = new ArrayList<>();
    c.visit(new QueryVisitor() {
      @Override
      public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
        return this;
      }

      @Override
      public void consumeTerms(Query query, Term... ts) {
        out.addAll(List.of(ts));
      }
    });
    return out;
  }
}
