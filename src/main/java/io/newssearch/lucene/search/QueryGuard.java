package io.newssearch.lucene.search;

import io.newssearch.search.InvalidRequestException;
import io.newssearch.search.SearchLimits;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.AutomatonQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.RegexpQuery;
import org.apache.lucene.util.automaton.ByteRunAutomaton;
import org.apache.lucene.util.automaton.Operations;

/**
 * Checks a parsed query against the {@link SearchLimits} before it runs: its length, how many
 * clauses it became, whether a regular expression could start anywhere in the term dictionary, and
 * how many index terms its wildcard, prefix, fuzzy and regex parts match. Counting stops one past
 * the limit, so a check costs at most that many terms per part.
 */
final class QueryGuard {

  private final SearchLimits limits;

  QueryGuard(SearchLimits limits) {
    this.limits = limits;
  }

  SearchLimits limits() {
    return limits;
  }

  void checkLength(String text) {
    if (text != null && text.length() > limits.maxQueryChars()) {
      throw InvalidRequestException.parameter("q", "is " + text.length()
          + " characters long; the limit is " + limits.maxQueryChars());
    }
  }

  /** Clause count and regular expressions; needs no index. */
  void checkShape(Query parsed) {
    int[] clauses = {0};
    List<RegexpQuery> regexps = new ArrayList<>();
    parsed.visit(new QueryVisitor() {
      @Override
      public QueryVisitor getSubVisitor(Occur occur, Query parent) {
        return this;
      }

      @Override
      public void consumeTerms(Query query, Term... terms) {
        clauses[0]++;
      }

      @Override
      public void consumeTermsMatching(Query query, String field,
          Supplier<ByteRunAutomaton> automaton) {
        clauses[0]++;
        if (query instanceof RegexpQuery r) {
          regexps.add(r);
        }
      }

      @Override
      public void visitLeaf(Query query) {
        clauses[0]++;
      }
    });
    if (clauses[0] > limits.maxClauses()) {
      throw new InvalidRequestException("too_many_clauses", "the query has " + clauses[0]
          + " clauses (a word counts once per field it searches: title and body); the limit is "
          + limits.maxClauses());
    }
    for (RegexpQuery r : regexps) {
      // Like a leading wildcard: without a literal start the regex walks the whole term dictionary.
      if (Operations.getCommonPrefix(((AutomatonQuery) r).getAutomaton()).isEmpty()) {
        throw new InvalidRequestException("regexp_without_prefix", "the regular expression /"
            + r.getRegexp().text() + "/ must start with at least one literal character");
      }
    }
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
