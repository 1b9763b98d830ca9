package io.newssearch.lucene.search;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.FilterWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;

/**
 * A query's score multiplied by a per-document factor between 0 and a known maximum (a language's
 * fit, a recency decay). Lucene's {@code FunctionScoreQuery} does the multiplication too, but
 * cannot bound the result, so it scores every match and turns off block-max WAND for the whole
 * search. With the factor's maximum known, the wrapped query's maximum times it is still an upper
 * bound, and a document the wrapped query scores below the competitive minimum divided by it
 * cannot reach that minimum: both are passed through and a top-10 search skips as a plain one
 * does. A maximum below 1 (a language that fits the query badly) lets it skip more. Factors are
 * clamped to [0, maximum] to keep that true.
 */
final class ScoreFactorQuery extends Query {

  private final Query query;
  private final DoubleValuesSource factor;
  private final float maxFactor;

  /** A factor of at most 1. */
  ScoreFactorQuery(Query query, DoubleValuesSource factor) {
    this(query, factor, 1f);
  }

  ScoreFactorQuery(Query query, DoubleValuesSource factor, float maxFactor) {
    this.query = query;
    this.factor = factor;
    this.maxFactor = Math.max(0f, maxFactor);
  }

  /** The query whose score is multiplied. */
  Query query() {
    return query;
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
    Weight inner = query.createWeight(searcher, scoreMode, boost);
    if (!scoreMode.needsScores()) {
      return inner;
    }
    return new FilterWeight(this, inner) { // in this class, `in` is the wrapped query's weight
      @Override
      public ScorerSupplier scorerSupplier(LeafReaderContext ctx) throws IOException {
        ScorerSupplier supplier = in.scorerSupplier(ctx);
        if (supplier == null) {
          return null;
        }
        return new ScorerSupplier() {
          @Override
          public Scorer get(long leadCost) throws IOException {
            return new FactorScorer(supplier.get(leadCost), factor.getValues(ctx, null), maxFactor);
          }

          /**
           * The wrapped query's own bulk scorer, its scores multiplied as they are collected: a
           * scorer wrapped document by document would lose the specialised bulk scoring Lucene
           * gives a filtered or multi-field disjunction (at a million articles, 3–5 times slower).
           */
          @Override
          public BulkScorer bulkScorer() throws IOException {
            return new FactorBulkScorer(supplier.bulkScorer(), factor.getValues(ctx, null), maxFactor);
          }

          @Override
          public long cost() {
            return supplier.cost();
          }

          @Override
          public void setTopLevelScoringClause() throws IOException {
            supplier.setTopLevelScoringClause();
          }
        };
      }

      @Override
      public Explanation explain(LeafReaderContext ctx, int doc) throws IOException {
        Explanation score = in.explain(ctx, doc);
        if (!score.isMatch()) {
          return score;
        }
        Explanation f = factor.explain(ctx, doc, score);
        float value = score.getValue().floatValue() * clamp(f.getValue().doubleValue(), maxFactor);
        return Explanation.match(value, "product of:", score, f);
      }

      @Override
      public boolean isCacheable(LeafReaderContext ctx) {
        return in.isCacheable(ctx) && factor.isCacheable(ctx);
      }
    };
  }

  private static float clamp(double f, float max) {
    return (float) Math.max(0, Math.min(max, f));
  }

  /** The wrapped scorer, its scores multiplied; bounds and the competitive minimum pass through. */
  private static final class FactorScorer extends Scorer {
    private final Scorer in;
    private final DoubleValues values;
    private final float max;

    FactorScorer(Scorer in, DoubleValues values, float max) {
      this.in = in;
      this.values = values;
      this.max = max;
    }

    @Override
    public float score() throws IOException {
      return multiply(in.score(), values, in.docID(), max);
    }

    /** A document's score times its factor (the maximum when it has none). */
    static float multiply(float score, DoubleValues values, int doc, float max) throws IOException {
      return values.advanceExact(doc) ? score * clamp(values.doubleValue(), max) : score * max;
    }

    @Override
    public int docID() {
      return in.docID();
    }

    @Override
    public DocIdSetIterator iterator() {
      return in.iterator();
    }

    @Override
    public TwoPhaseIterator twoPhaseIterator() {
      return in.twoPhaseIterator();
    }

    @Override
    public int advanceShallow(int target) throws IOException {
      return in.advanceShallow(target);
    }

    @Override
    public float getMaxScore(int upTo) throws IOException {
      return in.getMaxScore(upTo) * max;
    }

    @Override
    public void setMinCompetitiveScore(float minScore) throws IOException {
      passMinimum(in, minScore, max);
    }

    /** What the wrapped scorer must reach for its score times a factor of at most {@code max} to reach {@code minScore}. */
    static void passMinimum(Scorable in, float minScore, float max) throws IOException {
      if (max > 0) {
        // a hair lower than the quotient, so rounding never excludes a document that reaches it
        in.setMinCompetitiveScore(Math.nextDown(minScore / max));
      } else if (minScore > 0) {
        in.setMinCompetitiveScore(Float.MAX_VALUE); // every score here is 0: nothing competes
      }
    }
  }

  /** The wrapped bulk scorer, each collected document's score multiplied by its factor. */
  private static final class FactorBulkScorer extends BulkScorer {
    private final BulkScorer in;
    private final DoubleValues values;
    private final float max;

    FactorBulkScorer(BulkScorer in, DoubleValues values, float max) {
      this.in = in;
      this.values = values;
      this.max = max;
    }

    @Override
    public int score(LeafCollector collector, Bits acceptDocs, int min, int maxDoc) throws IOException {
      return in.score(new FactorCollector(collector, values, max), acceptDocs, min, maxDoc);
    }

    @Override
    public long cost() {
      return in.cost();
    }
  }

  /**
   * Hands the collector a score multiplied by the factor of the document being collected (a
   * {@link Scorable} does not know its document), and the competitive minimum divided by it.
   */
  private static final class FactorCollector extends Scorable implements LeafCollector {
    private final LeafCollector out;
    private final DoubleValues values;
    private final float max;
    private Scorable in;
    private int doc = -1;

    FactorCollector(LeafCollector out, DoubleValues values, float max) {
      this.out = out;
      this.values = values;
      this.max = max;
    }

    @Override
    public void setScorer(Scorable scorer) throws IOException {
      in = scorer;
      out.setScorer(this);
    }

    @Override
    public void collect(int doc) throws IOException {
      this.doc = doc;
      out.collect(doc);
    }

    @Override
    public DocIdSetIterator competitiveIterator() throws IOException {
      return out.competitiveIterator();
    }

    @Override
    public void finish() throws IOException {
      out.finish();
    }

    @Override
    public float score() throws IOException {
      return FactorScorer.multiply(in.score(), values, doc, max);
    }

    @Override
    public void setMinCompetitiveScore(float minScore) throws IOException {
      FactorScorer.passMinimum(in, minScore, max);
    }

    @Override
    public Collection<ChildScorable> getChildren() {
      return List.of(new ChildScorable(in, "MUST"));
    }
  }

  @Override
  public Query rewrite(IndexSearcher searcher) throws IOException {
    Query rewritten = query.rewrite(searcher);
    DoubleValuesSource f = factor.rewrite(searcher);
    return rewritten == query && f == factor ? this : new ScoreFactorQuery(rewritten, f, maxFactor);
  }

  @Override
  public void visit(QueryVisitor visitor) {
    query.visit(visitor.getSubVisitor(Occur.MUST, this));
  }

  @Override
  public String toString(String field) {
    return query.toString(field) + " × " + factor + " (≤ " + maxFactor + ")";
  }

  @Override
  public boolean equals(Object o) {
    return sameClassAs(o) && query.equals(((ScoreFactorQuery) o).query) && factor.equals(((ScoreFactorQuery) o).factor)
        && maxFactor == ((ScoreFactorQuery) o).maxFactor;
  }

  @Override
  public int hashCode() {
    return Objects.hash(classHash(), query, factor, maxFactor);
  }
}
