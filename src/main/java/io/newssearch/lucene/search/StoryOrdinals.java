package io.newssearch.lucene.search;

import io.newssearch.lucene.IndexView;
import io.newssearch.lucene.Schema;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.util.LongValues;
import org.apache.lucene.util.packed.PackedInts;

/**
 * Global ordinals of the story field over one index view: every story is one number from 0 to
 * {@link #count()} − 1 in every segment, so a search can tell stories apart with an int and count
 * them with a bitset instead of comparing strings. Built once per view (Lucene's {@link OrdinalMap},
 * as Elasticsearch's global ordinals), on the first search that needs it.
 */
final class StoryOrdinals {

  /** For readers of story values only: no global ordinals. */
  static final StoryOrdinals NONE = new StoryOrdinals(null, 0);

  /** Null with at most one segment, whose own ordinals are global. */
  private final OrdinalMap map;
  private final long count;

  private StoryOrdinals(OrdinalMap map, long count) {
    this.map = map;
    this.count = count;
  }

  static StoryOrdinals of(IndexView view) {
    return view.derived(StoryOrdinals.class, v -> build(v.reader()));
  }

  private static StoryOrdinals build(IndexReader reader) throws IOException {
    List<LeafReaderContext> leaves = reader.leaves();
    if (leaves.size() <= 1) {
      return new StoryOrdinals(null, leaves.isEmpty() ? 0
          : DocValues.getSortedSet(leaves.get(0).reader(), Schema.STORY).getValueCount());
    }
    SortedSetDocValues[] values = new SortedSetDocValues[leaves.size()];
    for (LeafReaderContext leaf : leaves) {
      values[leaf.ord] = DocValues.getSortedSet(leaf.reader(), Schema.STORY);
    }
    OrdinalMap map = OrdinalMap.build(reader.getReaderCacheHelper().getKey(), values, PackedInts.DEFAULT);
    return new StoryOrdinals(map, map.getValueCount());
  }

  /** Stories in the view (of live and deleted articles alike). */
  long count() {
    return count;
  }

  /** Segment ordinal → global ordinal for one segment. */
  LongValues toGlobal(LeafReaderContext leaf) {
    return map == null ? LongValues.IDENTITY : map.getGlobalOrds(leaf.ord);
  }
}
