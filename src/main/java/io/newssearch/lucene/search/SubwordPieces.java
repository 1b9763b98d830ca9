package io.newssearch.lucene.search;

import io.newssearch.analysis.SubwordAnalyzer;
import io.newssearch.lucene.Schema;
import io.newssearch.search.AskedWords;
import io.newssearch.search.CheckedQuery;
import io.newssearch.search.ScoreBreakdown;
import java.io.IOException;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;

/**
 * The query's words cut into pieces of a few letters ({@link SubwordAnalyzer}), scored in the
 * {@link Schema#SUBWORDS} field (headline and opening) of the query's top articles: an article
 * that says "mumabhangi" where the headline says "mabhangi" shares most of its pieces. Added to
 * the query as {@link RescoringWords}, they reorder those articles only and change no match,
 * count or facet.
 *
 * <p>Only the words the query asks for are cut ({@link AskedWords}), as {@link
 * SubwordAnalyzer#pieces} cuts them for the SolrCloud engine too.
 */
final class SubwordPieces {

  private static final String LABEL = ScoreBreakdown.SUBWORDS_LABEL
      + ": pieces of the query's words in the headline and opening";

  private SubwordPieces() {}

  /**
   * The pieces' scores on the candidates, weighted, or null when the query has no word to cut.
   *
   * @param words an analyzer that finds and folds words without stemming them
   */
  static Query scores(CheckedQuery query, Analyzer words, ScoreDoc[] candidates, IndexSearcher searcher,
      float weight) throws IOException {
    if (candidates.length == 0 || !indexed(searcher.getIndexReader())) {
      return null;
    }
    Map<String, Integer> counts = SubwordAnalyzer.pieces(AskedWords.of(query, words));
    if (counts.isEmpty()) {
      return null;
    }
    BooleanQuery.Builder pieces = new BooleanQuery.Builder();
    counts.forEach((piece, n) -> {
      Query q = new TermQuery(new Term(Schema.SUBWORDS, piece));
      pieces.add(n == 1 ? q : new BoostQuery(q, n), Occur.SHOULD);
    });
    return new BoostQuery(RescoringWords.onCandidates(LABEL, pieces.build(), searcher, candidates), weight);
  }

  /**
   * Whether any segment holds pieces: an index of languages with a stemmer only (most newsrooms'),
   * or one built before the pieces, has none, and its searches skip cutting and scoring them.
   */
  private static boolean indexed(IndexReader reader) {
    for (LeafReaderContext leaf : reader.leaves()) {
      if (leaf.reader().getFieldInfos().fieldInfo(Schema.SUBWORDS) != null) {
        return true;
      }
    }
    return false;
  }
}
