package io.newssearch.lucene.search;

import io.newssearch.lucene.Schema;
import java.util.Optional;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * Which of an analyzer's variants of one word stands for it where the word counts once (the
 * language fit, proximity, the lead): the longest story-text term, the word as written. The
 * variants stand at one position, parsed as a {@code SynonymQuery} or, with BM25F, a dis-max of
 * one term each: {@code kweMari} as {@code kwemari} and {@code mari}.
 */
final class WrittenWord {

  private WrittenWord() {}

  static Optional<Term> of(Query variants) {
    Term[] longest = {null};
    variants.visit(new QueryVisitor() {
      @Override
      public QueryVisitor getSubVisitor(Occur occur, Query parent) {
        return occur == Occur.MUST_NOT ? QueryVisitor.EMPTY_VISITOR : this;
      }

      @Override
      public void consumeTerms(Query query, Term... terms) {
        for (Term t : terms) {
          if (t.field().equals(Schema.BODY) && (longest[0] == null || t.bytes().length > longest[0].bytes().length)) {
            longest[0] = t;
          }
        }
      }
    });
    return Optional.ofNullable(longest[0]);
  }
}
