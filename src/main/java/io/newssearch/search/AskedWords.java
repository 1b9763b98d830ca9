package io.newssearch.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.Query;

/**
 * The words a query asks for in the text, as typed (folded, not stemmed): what both engines cut
 * into pieces of a few letters ({@code analysis.SubwordAnalyzer#pieces}) to rescore the query's top
 * articles. Not the words it excludes ({@code -word}, {@code NOT}), nor words searched in another
 * field ({@code source:}).
 */
public final class AskedWords {

  private static final Set<String> TEXT_FIELDS = Set.of(QueryChecker.BODY, QueryChecker.TITLE);

  private AskedWords() {}

  /**
   * The asked words in query order, or none when the query cannot be read.
   *
   * @param words an analyzer that finds and folds words without stemming them
   */
  public static List<String> of(CheckedQuery query, Analyzer words) {
    QueryParser parser = QueryChecker.configure(new QueryParser(QueryChecker.BODY, words), query.matchAll());
    Query parsed;
    try {
      parsed = parser.parse(query.text());
    } catch (ParseException | IllegalArgumentException e) {
      return List.of(); // the checker accepted it with its own parser; without pieces it is still searched
    }
    List<String> out = new ArrayList<>();
    parsed.visit(new PositiveClauses() {
      @Override
      public boolean acceptField(String field) {
        return TEXT_FIELDS.contains(field);
      }

      @Override
      public void consumeTerms(Query q, Term... terms) {
        for (Term t : terms) {
          out.add(t.text());
        }
      }
    });
    return out;
  }
}
