package io.newssearch.lucene.search;

import io.newssearch.lucene.Schema;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/** The story-text words of a parsed query, read where a word counts once. */
final class QueryWords {

  private QueryWords() {}

  /** The story-text terms the query searches, in the order its visitor meets them; excluded ones left out. */
  static List<Term> bodyTerms(Query q) {
    List<Term> out = new ArrayList<>();
    q.visit(new QueryVisitor() {
      @Override
      public QueryVisitor getSubVisitor(Occur occur, Query parent) {
        return occur == Occur.MUST_NOT ? QueryVisitor.EMPTY_VISITOR : this;
      }

      @Override
      public void consumeTerms(Query query, Term... terms) {
        for (Term t : terms) {
          if (t.field().equals(Schema.BODY)) {
            out.add(t);
          }
        }
      }
    });
    return out;
  }

  /**
   * Which of an analyzer's variants of one word stands for it (the language fit): the longest, the
   * word as written. The variants stand at one position, parsed as a {@code SynonymQuery} or, with
   * BM25F, a dis-max of one term each: {@code kweMari} as {@code kwemari} and {@code mari}.
   */
  static Optional<Term> written(Query variants) {
    return bodyTerms(variants).stream().max(Comparator.comparingInt(t -> t.bytes().length));
  }
}
