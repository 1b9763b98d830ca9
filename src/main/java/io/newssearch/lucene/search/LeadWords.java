package io.newssearch.lucene.search;

import io.newssearch.lucene.Schema;
import io.newssearch.search.Ranking;
import io.newssearch.search.ScoreBreakdown;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.spans.SpanFirstQuery;
import org.apache.lucene.queries.spans.SpanTermQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;

/**
 * The query's words found in the lead of the first search's top articles (the first few positions
 * of the story text): news is written as an inverted pyramid, its opening says what the headline
 * says, so of several reports of one event the one whose lead holds the query's words is the better
 * answer. Added as {@link RescoringWords}, they reorder those articles only; the lead is read from
 * the story text's positions, so it needs no field of its own.
 */
final class LeadWords {

  private static final String LABEL = ScoreBreakdown.LEAD_LABEL + ": the query's words in the story's lead";

  private LeadWords() {}

  /**
   * The lead words' scores on the candidates, weighted, or null when the query has no body word.
   *
   * @param branches each analyzer's parse of the query and the languages it searches: an article's
   *     lead is read with its own language's words
   */
  static Query scores(Map<Query, Set<String>> branches, ScoreDoc[] candidates, IndexSearcher searcher,
      Ranking.Lead lead) throws IOException {
    IndexReader reader = searcher.getIndexReader();
    List<Query> perBranch = new ArrayList<>();
    for (var branch : branches.entrySet()) {
      Query words = inLead(ProximityClauses.bodyTerms(branch.getKey()), reader, lead);
      if (words != null) {
        perBranch.add(branches.size() == 1 ? words : new BooleanQuery.Builder().add(words, Occur.MUST)
            .add(QueryFactory.languageFilter(branch.getValue()), Occur.FILTER).build());
      }
    }
    if (candidates.length == 0 || perBranch.isEmpty()) {
      return null;
    }
    // An article is in one language: it matches one branch at most.
    Query words = perBranch.size() == 1 ? perBranch.get(0) : new DisjunctionMaxQuery(perBranch, 0f);
    return new BoostQuery(RescoringWords.onCandidates(LABEL, words, searcher, candidates), lead.weight());
  }

  /** Each word within the lead's positions, counted once by its rarity (or by BM25), or null for none. */
  private static Query inLead(List<Term> terms, IndexReader reader, Ranking.Lead lead) throws IOException {
    if (terms.isEmpty()) {
      return null;
    }
    long docs = Math.max(1, reader.getDocCount(Schema.BODY));
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (Term t : terms) {
      Query first = new SpanFirstQuery(new SpanTermQuery(t), lead.positions());
      if (lead.scoring() == Ranking.Lead.Scoring.BM25) {
        b.add(first, Occur.SHOULD);
      } else {
        int df = reader.docFreq(t);
        b.add(new BoostQuery(new ConstantScoreQuery(first), idf(df, docs)), Occur.SHOULD);
      }
    }
    return b.build();
  }

  /** BM25's idf, as the story text's words are weighted. */
  private static float idf(long docFreq, long docCount) {
    return (float) Math.log(1 + (docCount - docFreq + 0.5) / (docFreq + 0.5));
  }
}
