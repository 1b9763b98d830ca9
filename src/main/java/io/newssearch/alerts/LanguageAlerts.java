package io.newssearch.alerts;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * The presearcher for the articles of one language: every alert that may match them, compiled
 * with that language's analysis and indexed by the term sets a matching article has a term of, each
 * ({@link QueryTerms#allOf}). A new article's own terms pick the candidates, those that met every
 * set of theirs; only they are run.
 *
 * <p>Alerts are numbered in the order added, and candidates are those numbers: picking them is a
 * hash lookup per term of the article and a bit per alert, with no object hashed but the term.
 * Each alert's query is kept rewritten when its rewrite cannot depend on the article
 * ({@link ArticleFreeRewrite}); rewriting on every article was most of the verification's cost.
 */
final class LanguageAlerts {

  private static final int SETS = QueryTerms.MAX_SETS;

  /** One alert as it runs on this language's articles. */
  record Compiled(Alert alert, Query query) {}

  /**
   * An alert as numbered here.
   *
   * @param query its query, rewritten ahead when {@code ready}
   * @param needed a bit for each of its term sets ({@link QueryTerms#allOf}), all of which an
   *     article must meet to be a candidate
   */
  private record Entry(Alert alert, Query query, boolean ready, int needed) {}

  private final List<Entry> alerts = new ArrayList<>();
  /** Field → term → the term sets it is in, as {@code alert * SETS + set}. */
  private final Map<String, Map<BytesRef, int[]>> byTerm = new HashMap<>();
  /** Alerts whose terms cannot be known ahead (wildcards, no text): tried on every article. */
  private final List<Integer> always = new ArrayList<>();
  /** Every field an alert here reads: an article's other fields need not be analysed for them. */
  private final Set<String> fields = new HashSet<>();

  void add(Compiled c) throws IOException {
    int n = alerts.size();
    c.query().visit(new QueryVisitor() {
      @Override
      public boolean acceptField(String field) {
        fields.add(field);
        return true;
      }

      @Override
      public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
        return this; // an excluded word's field is read too ("-regatta" alone reads nothing else)
      }
    });
    Query ready = ArticleFreeRewrite.rewrite(c.query());
    List<Set<Term>> sets = QueryTerms.allOf(c.query());
    alerts.add(new Entry(c.alert(), ready == null ? c.query() : ready, ready != null,
        sets == null ? 0 : (1 << sets.size()) - 1));
    if (sets == null) {
      always.add(n);
      return;
    }
    for (int set = 0; set < sets.size(); set++) {
      for (Term t : sets.get(set)) {
        byTerm.computeIfAbsent(t.field(), f -> new HashMap<>()).merge(BytesRef.deepCopyOf(t.bytes()),
            new int[] {n * SETS + set}, LanguageAlerts::append);
      }
    }
  }

  private static int[] append(int[] a, int[] b) {
    int[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /**
   * The numbers of the alerts that may match the article: those whose every term set has a term of
   * the article, and the unbounded ones.
   *
   * @param article a one-document reader of the article
   */
  FixedBitSet candidates(LeafReader article) throws IOException {
    FixedBitSet out = new FixedBitSet(Math.max(1, alerts.size()));
    always.forEach(out::set);
    int[] met = new int[alerts.size()];
    for (var field : byTerm.entrySet()) {
      Terms terms = article.terms(field.getKey());
      if (terms == null) {
        continue;
      }
      Map<BytesRef, int[]> index = field.getValue();
      TermsEnum it = terms.iterator();
      for (BytesRef term = it.next(); term != null; term = it.next()) {
        int[] hit = index.get(term); // looked up by content: the enum's buffer is not kept
        if (hit != null) {
          for (int code : hit) {
            int n = code / SETS;
            met[n] |= 1 << (code % SETS);
            if (met[n] == alerts.get(n).needed()) {
              out.set(n);
            }
          }
        }
      }
    }
    return out;
  }

  Alert alert(int n) {
    return alerts.get(n).alert();
  }

  /**
   * Whether alert {@code n} matches the article.
   *
   * @param searcher a searcher over the one-document article index, without a query cache
   */
  boolean matches(int n, IndexSearcher searcher, LeafReaderContext article) throws IOException {
    Entry e = alerts.get(n);
    Query q = e.ready() ? e.query() : searcher.rewrite(e.query());
    Weight w = searcher.createWeight(q, ScoreMode.COMPLETE_NO_SCORES, 1f);
    ScorerSupplier s = w.scorerSupplier(article);
    if (s == null) {
      return false;
    }
    Scorer scorer = s.get(Long.MAX_VALUE);
    // The scorer's iterator confirms two-phase matches (phrases) itself.
    return scorer.iterator().nextDoc() != DocIdSetIterator.NO_MORE_DOCS;
  }

  /** Alerts whose query is kept rewritten (the rest are rewritten on each article they may match). */
  int rewrittenAhead() {
    return (int) alerts.stream().filter(Entry::ready).count();
  }

  /**
   * The fields the alerts here read (Lucene's queries name each field they read to a
   * {@link QueryVisitor}): an alert that filters on a source or a language only needs no word of
   * the article's text analysed.
   */
  Set<String> fields() {
    return fields;
  }

  /** Alerts compiled here (each once, however many terms it is indexed under). */
  int size() {
    return alerts.size();
  }
}
