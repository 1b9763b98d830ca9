package io.newssearch.lucene.search;

import io.newssearch.search.ScoreBreakdown;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.FilterWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;

/**
 * Words added to a query that only reorder what it matches: those {@link RelevanceFeedback} takes
 * from the top articles, and the pieces of the query's own words ({@link SubwordPieces}). Their
 * explanation is labelled ({@value ScoreBreakdown#FEEDBACK_LABEL}, {@value
 * ScoreBreakdown#SUBWORDS_LABEL}): {@code explain=true} then shows them as a part of their own, so
 * a user sees why an article ranks for words the query did not have. They are not the user's
 * words as typed, so snippets do not highlight them.
 *
 * <p>With {@code scores} (the words' score on each of the first search's top articles, computed
 * once), a search reads those scores instead of looking the words up again in every pass over the
 * index (count, page, facet sample): the words reorder those articles only. Without, the words
 * score every article they occur in.
 */
final class RescoringWords extends Query {

  /** How the query's top articles are shown in a query's description. */

  /** The explanation's label, then what the words are. */
  private final String label;
  private final Query words;
  /** The words' score per candidate article, of one reader; null: the words are scored as a query. */
  private final RankedDocsQuery scores;

  /** @param label "label: what the words are", as the explanation shows it */
  RescoringWords(String label, Query words, RankedDocsQuery scores) {
    this.label = label;
    this.words = words;
    this.scores = scores;
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
    if (scores == null) {
      return labelled(words.createWeight(searcher, scoreMode, boost), (context, doc, inner) -> inner);
    }
    if (!scoreMode.needsScores()) {
      // Optional words decide no match: a count or a highlighter (on a reader of its own, where
      // the scores' doc ids mean nothing) needs nothing from them.
      return labelled(new MatchNoDocsQuery().createWeight(searcher, scoreMode, boost), (context, doc, inner) -> inner);
    }
    // The stored scores, explained by the words themselves (bounded work: one hit at a time).
    return labelled(scores.createWeight(searcher, scoreMode, boost), (context, doc, inner) -> inner.isMatch()
        ? searcher.createWeight(searcher.rewrite(words), ScoreMode.COMPLETE, boost).explain(context, doc)
        : inner);
  }

  /**
   * The words scored once on the candidates (the query's top articles): a search's passes read
   * those scores.
   */
  static RescoringWords onCandidates(String label, Query words, IndexSearcher searcher, ScoreDoc[] candidates)
      throws IOException {
    IndexReader reader = searcher.getIndexReader();
    Query onCandidates = RankedDocsQuery.among(reader, candidates, words);
    Map<Integer, Float> scores = new HashMap<>();
    for (ScoreDoc sd : searcher.search(onCandidates, Math.max(1, candidates.length)).scoreDocs) {
      scores.put(sd.doc, sd.score);
    }
    return new RescoringWords(label, words, new RankedDocsQuery(reader, scores, label.substring(0, label.indexOf(':'))));
  }

  /** How the explanation of one article's feedback is found from the weight's own. */
  private interface Why {
    Explanation of(LeafReaderContext context, int doc, Explanation inner) throws IOException;
  }

  private Weight labelled(Weight weight, Why why) {
    return new FilterWeight(this, weight) {
      @Override
      public Explanation explain(LeafReaderContext context, int doc) throws IOException {
        Explanation inner = in.explain(context, doc);
        return inner.isMatch()
            ? Explanation.match(inner.getValue(), label, why.of(context, doc, inner))
            : inner;
      }

      // Not the user's words: a snippet highlights what was asked, not what feedback added.
      @Override
      public Matches matches(LeafReaderContext context, int doc) {
        return null;
      }
    };
  }

  @Override
  public Query rewrite(IndexSearcher searcher) throws IOException {
    if (scores != null) {
      return this; // scored from the stored scores; the words are rewritten to explain them
    }
    Query rewritten = searcher.rewrite(words);
    return rewritten == words ? this : new RescoringWords(label, rewritten, null);
  }

  /**
   * Words scored as a query are visited as the optional words they are (a highlighter that met an
   * unknown leaf would re-run the whole query on a copy of each article, without the doc values the
   * language fit reads); what a snippet marks comes from {@link Weight#matches}, which they do not
   * give. Words whose scores are stored are not searched at all, so nothing is visited: they must
   * not count against the searcher's clause limit (a long query in a many-language index plus a
   * few hundred pieces would pass it), and a highlighter has nothing to find in them.
   */
  @Override
  public void visit(QueryVisitor visitor) {
    if (scores == null) {
      words.visit(visitor.getSubVisitor(BooleanClause.Occur.SHOULD, this));
    }
  }

  @Override
  public String toString(String field) {
    return label.substring(0, label.indexOf(':')) + "(" + words.toString(field) + (scores == null ? "" : " on " + scores.toString(field)) + ")";
  }

  @Override
  public boolean equals(Object o) {
    return sameClassAs(o) && label.equals(((RescoringWords) o).label) && words.equals(((RescoringWords) o).words)
        && Objects.equals(scores, ((RescoringWords) o).scores);
  }

  @Override
  public int hashCode() {
    return Objects.hash(classHash(), label, words, scores);
  }
}
