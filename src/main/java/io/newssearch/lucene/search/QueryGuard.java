package io.newssearch.lucene.search;

import io.newssearch.search.InvalidRequestException;
import io.newssearch.search.SearchLimits;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * The limit only an index can check ({@code QueryChecker} checks the text before): how many index
 * terms a query's wildcard, prefix, fuzzy and regex parts match. Counting stops one past the limit,
 * so a check costs at most that many terms per part.
 */
final class QueryGuard {

  private final SearchLimits limits;

  QueryGuard(SearchLimits limits) {
    this.limits = limits;
  }

  SearchLimits limits() {
    return limits;
  }


  /** Terms matched by each wildcard, prefix, fuzzy and regex part, against the limit. */
  void checkExpansions(Query query, IndexReader reader) throws IOException {
    List<MultiTermQuery> parts = new ArrayList<>();
    query.visit(new QueryVisitor() {
      @Override
      public QueryVisitor getSubVisitor(Occur occur, Query parent) {
        return this;
      }

      @Override
      public void consumeTermsMatching(Query q, String field,
          Supplier<ByteRunAutomaton> automaton) {
        if (q instanceof MultiTermQuery m) {
          parts.add(m);
        }
      }
    });
    for (MultiTermQuery part : parts) {
      long matched = 0;
      for (LeafReaderContext leaf : reader.leaves()) {
        Terms terms = leaf.reader().terms(part.getField());
        if (terms == null) {
          continue;
        }
        TermsEnum te = part.getTermsEnum(terms);
        while (te.next() != null) {
          if (++matched > limits.maxExpansions()) {
            throw new InvalidRequestException("too_many_expansions", "'" + part.toString(part.getField())
                + "' expands to more than " + limits.maxExpansions()
                + " terms (the limit); use a longer prefix or fewer wildcards");
          }
        }
      }
    }
  }
}
