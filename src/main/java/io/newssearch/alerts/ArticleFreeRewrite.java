package io.newssearch.alerts;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PointRangeQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefIterator;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * Rewrites an alert's query once, ahead of every article, when the rewrite cannot depend on the
 * article: the query is built only of kinds whose rewrite looks at their own structure, never at
 * the index (terms, phrases, synonyms, point ranges, and the boolean, boost, constant-score and
 * disjunction-max that combine them), once term-set filters are spelled out ({@link #unfold}).
 * Anything else — a wildcard, prefix or fuzzy query, which expands to the terms the article has,
 * or a kind not listed — is left to be rewritten per article.
 */
final class ArticleFreeRewrite {

  /** Kinds whose rewrite is a function of the query alone. */
  private static final List<Class<? extends Query>> KINDS = List.of(BooleanQuery.class, BoostQuery.class,
      ConstantScoreQuery.class, DisjunctionMaxQuery.class, TermQuery.class, PhraseQuery.class, MultiPhraseQuery.class,
      SynonymQuery.class, PointRangeQuery.class, FieldExistsQuery.class, MatchAllDocsQuery.class,
      MatchNoDocsQuery.class);
  /** Nothing in it: a rewrite that looked at it would show (the kinds above do not). */
  private static final IndexSearcher EMPTY = emptySearcher();

  private ArticleFreeRewrite() {}

  /** The query rewritten, or null when its rewrite may depend on the article. */
  static Query rewrite(Query q) throws IOException {
    Query unfolded = unfold(q);
    return articleFree(unfolded) ? EMPTY.rewrite(unfolded) : null;
  }

  /**
   * The same selection with its term sets (a language or source filter) spelled out as a
   * disjunction of terms, and an index-or-doc-values choice made for the index side: both select
   * the same articles, and only the scores, which alerts ignore, could differ.
   */
  static Query unfold(Query q) throws IOException {
    return switch (q) {
      case BooleanQuery b -> {
        BooleanQuery.Builder out = new BooleanQuery.Builder().setMinimumNumberShouldMatch(b.getMinimumNumberShouldMatch());
        for (BooleanClause c : b.clauses()) {
          out.add(unfold(c.query()), c.occur());
        }
        yield out.build();
      }
      case BoostQuery b -> new BoostQuery(unfold(b.getQuery()), b.getBoost());
      case ConstantScoreQuery c -> new ConstantScoreQuery(unfold(c.getQuery()));
      case IndexOrDocValuesQuery i -> unfold(i.getIndexQuery());
      case TermInSetQuery t when t.getTermsCount() <= IndexSearcher.getMaxClauseCount() -> {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        BytesRefIterator it = t.getBytesRefIterator();
        for (BytesRef term = it.next(); term != null; term = it.next()) {
          any.add(new TermQuery(new Term(t.getField(), BytesRef.deepCopyOf(term))), Occur.SHOULD);
        }
        yield new ConstantScoreQuery(any.build());
      }
      default -> q;
    };
  }

  static boolean articleFree(Query q) {
    boolean[] free = {true};
    q.visit(new QueryVisitor() {
      @Override
      public QueryVisitor getSubVisitor(Occur occur, Query parent) {
        check(parent);
        return this;
      }

      @Override
      public void visitLeaf(Query query) {
        check(query);
      }

      @Override
      public void consumeTerms(Query query, Term... terms) {
        check(query);
      }

      @Override
      public void consumeTermsMatching(Query query, String field, java.util.function.Supplier<ByteRunAutomaton> automaton) {
        free[0] = false; // expands to the terms an index has
      }

      private void check(Query query) {
        if (KINDS.stream().noneMatch(k -> k.isInstance(query))) {
          free[0] = false;
        }
      }
    });
    return free[0];
  }

  private static IndexSearcher emptySearcher() {
    MemoryIndex index = new MemoryIndex();
    index.freeze();
    return index.createSearcher();
  }
}
