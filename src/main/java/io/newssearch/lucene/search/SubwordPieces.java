package io.newssearch.lucene.search;

import io.newssearch.analysis.SubwordAnalyzer;
import io.newssearch.lucene.Schema;
import io.newssearch.search.CheckedQuery;
import io.newssearch.search.QueryChecker;
import io.newssearch.search.ScoreBreakdown;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;

/**
 * The query's words cut into pieces of a few letters ({@link SubwordAnalyzer}), scored in the
 * {@link Schema#SUBWORDS} field (headline and opening) of the query's top articles: an article
 * that says "mumabhangi" where the headline says "mabhangi" shares most of its pieces. Added to
 * the query as {@link RescoringWords}, they reorder those articles only and change no match,
 * count or facet.
 *
 * <p>Only the words the query asks for are cut: not those it excludes ({@code -word}, {@code NOT}),
 * nor words searched in another field ({@code source:}).
 */
final class SubwordPieces {

  /** BooleanQuery's clause limit is 1,024; a long query's pieces past this add little. */
  private static final int MAX_PIECES = 512;
  private static final String LABEL = ScoreBreakdown.SUBWORDS_LABEL
      + ": pieces of the query's words in the headline and opening";
  private static final Analyzer PIECES = new SubwordAnalyzer();

  private SubwordPieces() {}

  /**
   * The pieces' scores on the candidates, weighted, or null when the query has no word to cut.
   *
   * @param words an analyzer that finds and folds words without stemming them
   */
  static Query scores(CheckedQuery query, Analyzer words, ScoreDoc[] candidates, IndexSearcher searcher,
      float weight) throws IOException {
    List<String> asked = askedWords(query, words);
    if (asked.isEmpty() || candidates.length == 0) {
      return null;
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    try (TokenStream ts = PIECES.tokenStream(Schema.SUBWORDS, String.join(" ", asked))) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken() && counts.size() < MAX_PIECES) {
        counts.merge(term.toString(), 1, Integer::sum);
      }
      ts.end();
    }
    BooleanQuery.Builder pieces = new BooleanQuery.Builder();
    counts.forEach((piece, n) -> {
      Query q = new TermQuery(new Term(Schema.SUBWORDS, piece));
      pieces.add(n == 1 ? q : new BoostQuery(q, n), Occur.SHOULD);
    });
    return new BoostQuery(RescoringWords.onCandidates(LABEL, pieces.build(), searcher, candidates), weight);
  }

  /** The words the query searches in the text, as typed (folded), or none when it cannot be read. */
  static List<String> askedWords(CheckedQuery query, Analyzer words) {
    QueryParser parser = QueryChecker.configure(new QueryParser(Schema.BODY, words), query.matchAll());
    Query parsed;
    try {
      parsed = parser.parse(query.text());
    } catch (ParseException | IllegalArgumentException e) {
      return List.of(); // the checker accepted it with its own parser; without pieces it is still searched
    }
    Set<String> textFields = Set.of(Schema.BODY, Schema.TITLE);
    List<String> out = new ArrayList<>();
    parsed.visit(new QueryVisitor() {
      @Override
      public QueryVisitor getSubVisitor(Occur occur, Query parent) {
        return occur == Occur.MUST_NOT ? QueryVisitor.EMPTY_VISITOR : this;
      }

      @Override
      public boolean acceptField(String field) {
        return textFields.contains(field);
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
