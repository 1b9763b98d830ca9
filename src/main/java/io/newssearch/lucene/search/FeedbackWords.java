package io.newssearch.lucene.search;

import io.newssearch.search.ScoreBreakdown;
import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.FilterWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;

/**
 * The words {@link RelevanceFeedback} added to a query, scored as they are, with an explanation
 * labelled {@value ScoreBreakdown#FEEDBACK_LABEL}: {@code explain=true} then shows them as a part
 * of their own, so a user sees why an article ranks for words the query did not have. They are
 * not the user's words, so snippets do not highlight them.
 */
final class FeedbackWords extends Query {

  private final Query words;

  FeedbackWords(Query words) {
    this.words = words;
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
    return new FilterWeight(this, words.createWeight(searcher, scoreMode, boost)) {
      @Override
      public Explanation explain(LeafReaderContext context, int doc) throws IOException {
        Explanation inner = in.explain(context, doc);
        return inner.isMatch()
            ? Explanation.match(inner.getValue(), ScoreBreakdown.FEEDBACK_LABEL + ": words of the query's top articles",
                inner)
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
    Query rewritten = searcher.rewrite(words);
    return rewritten == words ? this : new FeedbackWords(rewritten);
  }

  /**
   * Visited as the optional words they are (a highlighter that met an unknown leaf would re-run the
   * whole query on a copy of each article, without the doc values the language fit reads); what a
   * snippet marks comes from {@link Weight#matches}, which they do not give.
   */
  @Override
  public void visit(QueryVisitor visitor) {
    words.visit(visitor.getSubVisitor(BooleanClause.Occur.SHOULD, this));
  }

  @Override
  public String toString(String field) {
    return "feedback(" + words.toString(field) + ")";
  }

  @Override
  public boolean equals(Object o) {
    return sameClassAs(o) && words.equals(((FeedbackWords) o).words);
  }

  @Override
  public int hashCode() {
    return Objects.hash(classHash(), words);
  }
}
