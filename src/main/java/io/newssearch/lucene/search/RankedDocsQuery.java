package io.newssearch.lucene.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;

/**
 * A fixed set of documents of one reader, each with the score a ranking gave it (the kNN hits,
 * or the fused candidates of a hybrid search). It lets a ranking computed before the search run
 * through the same collectors as any query: collapse by story, facets, cursors, sorting by date.
 * What Lucene's kNN query rewrites to, which is not public. Valid for the reader it was built on
 * only: another reader's doc ids mean other documents, so that is refused.
 */
final class RankedDocsQuery extends Query {

  private final Object readerId;
  private final int[] docs;
  private final float[] scores;
  private final float maxScore;
  private final String label;

  /** @param scores by global doc id of {@code reader} */
  RankedDocsQuery(IndexReader reader, Map<Integer, Float> scores, String label) {
    this.readerId = reader.getContext().id();
    this.docs = scores.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
    this.scores = new float[docs.length];
    float max = 0;
    for (int i = 0; i < docs.length; i++) {
      this.scores[i] = scores.get(docs[i]);
      max = Math.max(max, this.scores[i]);
    }
    this.maxScore = max;
    this.label = label;
  }

  /**
   * {@code query} among these documents only, scored as it scores them. The documents come first:
   * a segment holding none of them is skipped before the query's terms are looked up in it.
   */
  static Query among(IndexReader reader, ScoreDoc[] docs, Query query) {
    Map<Integer, Float> ids = new HashMap<>();
    for (ScoreDoc sd : docs) {
      ids.put(sd.doc, 0f);
    }
    return new BooleanQuery.Builder().add(new RankedDocsQuery(reader, ids, "among"), Occur.FILTER)
        .add(query, Occur.MUST).build();
  }

  /** The lowest score given, 0 when empty. */
  float minScore() {
    float min = Float.MAX_VALUE;
    for (float s : scores) {
      min = Math.min(min, s);
    }
    return docs.length == 0 ? 0 : min;
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
    if (searcher.getIndexReader().getContext().id() != readerId) {
      throw new IllegalStateException("a ranking of one index view searched on another");
    }
    return new Weight(this) {
      @Override
      public Explanation explain(LeafReaderContext leaf, int doc) {
        int i = Arrays.binarySearch(docs, leaf.docBase + doc);
        return i >= 0 ? Explanation.match(scores[i] * boost, label) : Explanation.noMatch(label + ": not ranked");
      }

      @Override
      public ScorerSupplier scorerSupplier(LeafReaderContext leaf) {
        int lo = lowerBound(leaf.docBase);
        int hi = lowerBound(leaf.docBase + leaf.reader().maxDoc());
        return lo == hi ? null : new DefaultScorerSupplier(new RankedScorer(lo, hi, leaf.docBase, boost));
      }

      @Override
      public boolean isCacheable(LeafReaderContext leaf) {
        return false; // a per-request ranking
      }
    };
  }

  /** Index of the first doc at or after {@code doc}. */
  private int lowerBound(int doc) {
    int i = Arrays.binarySearch(docs, doc);
    return i >= 0 ? i : -i - 1;
  }

  /** Walks docs[lo, hi) of one leaf. */
  private final class RankedScorer extends Scorer {
    private final int lo, hi, base;
    private final float boost;
    private int i;

    RankedScorer(int lo, int hi, int base, float boost) {
      this.lo = lo;
      this.hi = hi;
      this.base = base;
      this.boost = boost;
      this.i = lo - 1;
    }

    private final DocIdSetIterator iterator = new DocIdSetIterator() {
      @Override
      public int docID() {
        return RankedScorer.this.docID();
      }

      @Override
      public int nextDoc() {
        i++;
        return docID();
      }

      @Override
      public int advance(int target) {
        // NO_MORE_DOCS (Integer.MAX_VALUE) plus the leaf's base would overflow to a negative doc id.
        i = target == DocIdSetIterator.NO_MORE_DOCS ? hi : Math.max(i + 1, lowerBound(base + target));
        return docID();
      }

      @Override
      public long cost() {
        return hi - lo;
      }
    };

    @Override
    public int docID() {
      return i < lo ? -1 : i >= hi ? DocIdSetIterator.NO_MORE_DOCS : docs[i] - base;
    }

    @Override
    public DocIdSetIterator iterator() {
      return iterator;
    }

    @Override
    public float getMaxScore(int upTo) {
      return maxScore * boost;
    }

    @Override
    public float score() {
      return scores[i] * boost;
    }
  }

  @Override
  public void visit(QueryVisitor visitor) {
    visitor.visitLeaf(this);
  }

  @Override
  public String toString(String field) {
    return label + "(" + docs.length + " documents)";
  }

  @Override
  public boolean equals(Object o) {
    return sameClassAs(o) && readerId == ((RankedDocsQuery) o).readerId
        && Arrays.equals(docs, ((RankedDocsQuery) o).docs) && Arrays.equals(scores, ((RankedDocsQuery) o).scores);
  }

  @Override
  public int hashCode() {
    return 31 * classHash() + Arrays.hashCode(docs);
  }
}
