package io.newssearch.lucene.search;

import io.newssearch.lucene.Schema;
import io.newssearch.search.Ranking;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.CombinedFieldQuery;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.FilterWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;

/**
 * One word scored by BM25F ({@link CombinedFieldQuery}) over body and title, whose explanation
 * says how much of it each field earned: the word's score shared by the fields in proportion to
 * their weighted occurrences ({@code weight × term frequency}), the quantity BM25F adds up before
 * saturating. The shares add up to the word's score, so {@code explain=true} can show title and body
 * parts that add up to the hit's score, as it does for a per-field sum. Scoring is the wrapped
 * query's own.
 */
final class Bm25fTerm extends Query {

  private final CombinedFieldQuery query;
  private final BytesRef term;
  private final Map<String, Float> weights;

  private Bm25fTerm(BytesRef term, Map<String, Float> weights) {
    this.term = BytesRef.deepCopyOf(term);
    this.weights = weights;
    CombinedFieldQuery.Builder b = new CombinedFieldQuery.Builder(term);
    weights.forEach(b::addField);
    this.query = b.build();
  }

  /** The word over title and body with the ranking's title weight. */
  static Bm25fTerm of(BytesRef term, Ranking ranking) {
    Map<String, Float> weights = new LinkedHashMap<>();
    weights.put(Schema.TITLE, ranking.titleWeight());
    weights.put(Schema.BODY, 1f);
    return new Bm25fTerm(term, weights);
  }

  /** The word's term in the body, the field every language's analysis of it is keyed by. */
  Term bodyTerm() {
    return new Term(Schema.BODY, term);
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
    Weight inner = query.createWeight(searcher, scoreMode, boost);
    return new FilterWeight(this, inner) {
      @Override
      public Explanation explain(LeafReaderContext context, int doc) throws IOException {
        Explanation whole = in.explain(context, doc);
        return whole.isMatch() ? byField(whole, context, doc) : whole;
      }
    };
  }

  /** The word's score split by field, each share a {@code weight(field:term in doc)} of its own. */
  private Explanation byField(Explanation whole, LeafReaderContext context, int doc) throws IOException {
    Map<String, Float> weighted = new LinkedHashMap<>();
    double total = 0;
    for (var f : weights.entrySet()) {
      PostingsEnum postings = context.reader().postings(new Term(f.getKey(), term), PostingsEnum.FREQS);
      if (postings != null && postings.advance(doc) == doc) {
        float w = f.getValue() * postings.freq();
        weighted.put(f.getKey(), w);
        total += w;
      }
    }
    List<Explanation> shares = new ArrayList<>();
    float score = whole.getValue().floatValue();
    for (var f : weighted.entrySet()) {
      double share = total == 0 ? 1.0 / weighted.size() : f.getValue() / total;
      shares.add(Explanation.match((float) (score * share), String.format(Locale.ROOT,
          "weight(%s:%s in %d) [BM25F share %.3f: field weight %s × frequency]", f.getKey(),
          term.utf8ToString(), doc, share, weights.get(f.getKey()))));
    }
    return Explanation.match(score, "BM25F " + term.utf8ToString() + " over " + weights.keySet()
        + ", by field (" + whole.getDescription() + "):", shares);
  }

  @Override
  public Query rewrite(IndexSearcher searcher) {
    return this;
  }

  @Override
  public void visit(QueryVisitor visitor) {
    query.visit(visitor);
  }

  @Override
  public String toString(String field) {
    return query.toString(field);
  }

  @Override
  public boolean equals(Object other) {
    return sameClassAs(other) && query.equals(((Bm25fTerm) other).query);
  }

  @Override
  public int hashCode() {
    return Objects.hash(classHash(), query);
  }
}
