package io.newssearch.lucene.search;

import io.newssearch.lucene.Schema;
import io.newssearch.search.SortOrder;
import java.io.IOException;
import java.util.Collection;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.internal.hppc.LongHashSet;

/**
 * A cursor's position in a collapsed search and the stories it excludes: those with a version at
 * or before it, which the earlier pages showed (a story is shown where its best version ranks).
 * {@link TopStories} then takes only stories whose every version ranks after the cursor, exactly
 * the stories the following pages would have shown, at any depth.
 */
record AfterCursor(long key, BytesRef id, LongHashSet excluded) {

  /** Whether the document ranks strictly after the cursor. */
  boolean isAfter(long docKey, RankReader rank, int doc) throws IOException {
    return docKey < key || (docKey == key && rank.id(doc).compareTo(id) > 0);
  }

  boolean excludes(long story) {
    return excluded.contains(story);
  }

  /**
   * The cursor's position with the stories that have a version at or before it, found in a pass
   * over the query (under {@code sort=date} only over the articles as new as the cursor or newer).
   */
  static AfterCursor find(IndexSearcher searcher, Query query, FieldDoc cursor, SortOrder sort)
      throws IOException {
    long key = RankReader.key(cursor, sort);
    BytesRef id = RankReader.id(cursor);
    Query before = query;
    if (sort == SortOrder.DATE && key != RankReader.UNDATED) {
      before = new BooleanQuery.Builder().add(query, Occur.MUST)
          .add(LongPoint.newRangeQuery(Schema.PUBLISHED, key, Long.MAX_VALUE), Occur.FILTER).build();
    }
    LongHashSet excluded = searcher.search(before, new CollectorManager<SimpleCollector, LongHashSet>() {
      @Override
      public SimpleCollector newCollector() {
        return new AtOrBefore(sort, key, id);
      }

      @Override
      public LongHashSet reduce(Collection<SimpleCollector> collectors) {
        LongHashSet all = new LongHashSet();
        collectors.forEach(c -> all.addAll(((AtOrBefore) c).stories));
        return all;
      }
    });
    return new AfterCursor(key, id, excluded);
  }

  /** Marks the story of every document at or before a cursor position. */
  private static final class AtOrBefore extends SimpleCollector {
    private final SortOrder sort;
    private final long key;
    private final BytesRef id;
    private final LongHashSet stories = new LongHashSet();
    private RankReader rank;

    AtOrBefore(SortOrder sort, long key, BytesRef id) {
      this.sort = sort;
      this.key = key;
      this.id = id;
    }

    @Override
    protected void doSetNextReader(LeafReaderContext leaf) throws IOException {
      rank = new RankReader(leaf, sort);
    }

    @Override
    public void setScorer(Scorable scorer) {
      rank.setScorer(scorer);
    }

    @Override
    public ScoreMode scoreMode() {
      return sort == SortOrder.DATE ? ScoreMode.COMPLETE_NO_SCORES : ScoreMode.COMPLETE;
    }

    @Override
    public void collect(int doc) throws IOException {
      long docKey = rank.key(doc);
      if (docKey > key || (docKey == key && rank.id(doc).compareTo(id) <= 0)) {
        stories.add(rank.story(doc));
      }
    }
  }
}
