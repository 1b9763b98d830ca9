package io.newssearch.lucene.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollector.MatchingDocs;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BitDocIdSet;
import org.apache.lucene.util.FixedBitSet;

/**
 * A uniform, repeatable sample of the index: one document in 2^level, as a filter. Intersected
 * with a search, it gives a sample of its matches whose cost is the sample's size, not the match
 * count (Elasticsearch's {@code random_sampler} works the same way): the sample leads the
 * intersection and the search's own iterators skip ahead to each sampled document.
 *
 * <p>A document's level is the number of trailing zero bits of a hash of its number in its
 * segment, so the samples are nested (every document of level 5 is in the level-4 sample) and the
 * same from one request to the next. Levels are computed once per segment (a byte per document)
 * and dropped when the segment is.
 */
final class MatchSample extends Query {

  private static final Map<IndexReader.CacheKey, byte[]> LEVELS = new ConcurrentHashMap<>();

  private final int level;

  private MatchSample(int level) {
    this.level = level;
  }

  /** The sample that keeps about {@code target} (at least half as many) of {@code matches}. */
  static MatchSample about(long matches, int target) {
    int level = 0;
    while (level < 30 && (matches >> level) > target) {
      level++;
    }
    return new MatchSample(level);
  }

  /** How many documents each sampled one stands for. */
  long scale() {
    return 1L << level;
  }

  /** The sampled matches of {@code q}. */
  Query within(Query q) {
    return new BooleanQuery.Builder().add(q, Occur.FILTER).add(this, Occur.FILTER).build();
  }

  /** The sampled ones of matches already recorded. */
  FacetsCollector of(FacetsCollector matching) throws IOException {
    List<MatchingDocs> sampled = new ArrayList<>();
    for (MatchingDocs md : matching.getMatchingDocs()) {
      byte[] levels = levels(md.context().reader());
      FixedBitSet bits = new FixedBitSet(levels.length);
      int kept = 0;
      DocIdSetIterator it = md.bits() == null ? null : md.bits().iterator();
      for (int d = it == null ? DocIdSetIterator.NO_MORE_DOCS : it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
        if (levels[d] >= level) {
          bits.set(d);
          kept++;
        }
      }
      sampled.add(new MatchingDocs(md.context(), new BitDocIdSet(bits, kept), kept, null));
    }
    return new FacetsCollector() {
      @Override
      public List<MatchingDocs> getMatchingDocs() {
        return sampled;
      }
    };
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
    return new ConstantScoreWeight(this, boost) {
      @Override
      public ScorerSupplier scorerSupplier(LeafReaderContext ctx) throws IOException {
        byte[] levels = levels(ctx.reader());
        DocIdSetIterator sampled = new SampledDocs(levels, level);
        return new DefaultScorerSupplier(new ConstantScoreScorer(score(), scoreMode, sampled));
      }

      @Override
      public boolean isCacheable(LeafReaderContext ctx) {
        return false; // cheap to iterate, and one sample per match count: not worth a cache entry
      }
    };
  }

  private static byte[] levels(LeafReader reader) {
    IndexReader.CacheHelper helper = reader.getCoreCacheHelper();
    if (helper == null) {
      return computeLevels(reader.maxDoc());
    }
    return LEVELS.computeIfAbsent(helper.getKey(), key -> {
      helper.addClosedListener(LEVELS::remove);
      return computeLevels(reader.maxDoc());
    });
  }

  private static byte[] computeLevels(int maxDoc) {
    byte[] levels = new byte[maxDoc];
    for (int doc = 0; doc < maxDoc; doc++) {
      levels[doc] = (byte) Long.numberOfTrailingZeros(mix(doc * GOLDEN_GAMMA));
    }
    return levels;
  }

  /** SplitMix64's step: spread over the 64 bits first, so a document's number modulo 4 says nothing of its level. */
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  /** SplitMix64's finaliser: neighbouring numbers give unrelated bits. */
  private static long mix(long x) {
    x = (x ^ (x >>> 30)) * 0xbf58476d1ce4e5b9L;
    x = (x ^ (x >>> 27)) * 0x94d049bb133111ebL;
    return x ^ (x >>> 31);
  }

  /** The documents of a segment at {@code level} or above. */
  private static final class SampledDocs extends DocIdSetIterator {
    private final byte[] levels;
    private final int level;
    private int doc = -1;

    SampledDocs(byte[] levels, int level) {
      this.levels = levels;
      this.level = level;
    }

    @Override
    public int docID() {
      return doc;
    }

    @Override
    public int nextDoc() {
      return advance(doc + 1);
    }

    @Override
    public int advance(int target) {
      for (int d = target; d < levels.length; d++) {
        if (levels[d] >= level) {
          return doc = d;
        }
      }
      return doc = NO_MORE_DOCS;
    }

    @Override
    public long cost() {
      return Math.max(1, levels.length >> level);
    }
  }

  @Override
  public void visit(QueryVisitor visitor) {
    visitor.visitLeaf(this);
  }

  @Override
  public String toString(String field) {
    return "sample(1/" + scale() + ")";
  }

  @Override
  public boolean equals(Object o) {
    return sameClassAs(o) && level == ((MatchSample) o).level;
  }

  @Override
  public int hashCode() {
    return classHash() * 31 + level;
  }
}
