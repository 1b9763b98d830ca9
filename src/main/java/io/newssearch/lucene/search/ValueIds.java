package io.newssearch.lucene.search;

import io.newssearch.lucene.IndexView;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollector.MatchingDocs;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefHash;
import org.apache.lucene.util.PriorityQueue;

/**
 * A keyword field's values counted without an ordinal map over the whole index: each segment
 * counts its own ordinals ({@link SegmentOrdinals}), and each ordinal that counted something is
 * read back as its value and numbered, so counts add up across segments by value. Elasticsearch's
 * terms aggregation does the same (its "map" execution) when few documents match.
 *
 * <p>Why not Lucene's {@code OrdinalMap}: it is built over every value of every segment, at once,
 * for each index view — every refresh after a write — and the first faceted search on a view
 * waited for it (tens to hundreds of milliseconds per entity field at a million articles). Here a
 * view only numbers the values its searches actually counted, the first time they count them:
 * the first search pays for its own values (a few thousand for a sampled search), later ones find
 * them numbered, and nothing is built for values no search meets.
 *
 * <p>One per view and field, shared by the view's searches: numbering is under the lock, counting
 * the documents is not.
 */
final class ValueIds {

  private record Key(String field) {}

  private final BytesRefHash values = new BytesRefHash();
  private final List<LeafReaderContext> segments;
  /** Per segment of the view, each ordinal's number, -1 until it is read; null until counted in. */
  private final int[][] idsBySegment;
  /** Per numbered value, its slot in the merge running (under the lock); -1 between merges. */
  private int[] slots = new int[0];

  ValueIds(IndexReader reader) {
    segments = reader.leaves();
    idsBySegment = new int[segments.size()][];
  }

  static ValueIds of(IndexView view, String field) {
    return view.derived(new Key(field), v -> new ValueIds(v.reader()));
  }

  /** The counts of one field over some documents. */
  record Counted(List<LabelAndValue> top, Map<String, Integer> also) {}

  /**
   * The {@code n} values most frequent among {@code hits}, most frequent first and, at equal
   * counts, in byte order (the order of {@code StringValueFacetCounts}); and the count of each of
   * {@code also} (0 when none has it).
   */
  Counted count(String field, FacetsCollector hits, int n, List<String> also) throws IOException {
    List<SegmentOrdinals> perSegment = new ArrayList<>();
    for (MatchingDocs md : hits.getMatchingDocs()) {
      if (md.totalHits() > 0 && md.bits() != null) {
        SegmentOrdinals s = SegmentOrdinals.of(md.context(), field, md.bits().iterator());
        if (s != null) {
          perSegment.add(s);
        }
      }
    }
    return merge(perSegment, n, also);
  }

  private synchronized Counted merge(List<SegmentOrdinals> perSegment, int n, List<String> also) throws IOException {
    int total = 0;
    int[][] ids = new int[perSegment.size()][];
    for (int s = 0; s < ids.length; s++) {
      ids[s] = number(perSegment.get(s));
      total += ids[s].length;
    }
    if (slots.length < values.size()) {
      int grown = slots.length;
      slots = ArrayUtil.grow(slots, values.size());
      Arrays.fill(slots, grown, slots.length, -1);
    }
    // Counts by slot, one slot per value this search counted: work and memory by those values, not
    // by every value the view has numbered (which grows, as the view serves searches, up to every
    // distinct name of the index).
    int[] counted = new int[total];
    int[] counts = new int[total];
    int distinct = 0;
    try {
      for (int s = 0; s < ids.length; s++) {
        int[] segmentCounts = perSegment.get(s).counts();
        for (int i = 0; i < ids[s].length; i++) {
          int id = ids[s][i];
          if (slots[id] < 0) {
            slots[id] = distinct;
            counted[distinct++] = id;
          }
          counts[slots[id]] += segmentCounts[i];
        }
      }
      Map<String, Integer> others = new LinkedHashMap<>();
      for (String value : also) {
        int id = values.find(new BytesRef(value));
        others.put(value, id < 0 || slots[id] < 0 ? 0 : counts[slots[id]]);
      }
      return new Counted(top(counted, counts, distinct, n), others);
    } finally {
      for (int i = 0; i < distinct; i++) {
        slots[counted[i]] = -1;
      }
    }
  }

  /** The numbers of a segment's counted ordinals, reading (in ascending order) those not yet met. */
  private int[] number(SegmentOrdinals s) throws IOException {
    int segment = s.segment().ord;
    if (segment >= segments.size() || segments.get(segment).reader() != s.segment().reader()) {
      throw new IllegalArgumentException("documents of another index view");
    }
    int[] known = idsBySegment[segment];
    if (known == null) {
      known = new int[(int) s.values().getValueCount()];
      Arrays.fill(known, -1);
      idsBySegment[segment] = known;
    }
    int[] out = new int[s.size()];
    for (int i = 0; i < out.length; i++) {
      int ord = s.ords()[i];
      if (known[ord] < 0) {
        // Ascending ordinals: the terms dictionary decodes a block forward, so each block is read once.
        int id = values.add(s.values().lookupOrd(ord));
        known[ord] = id < 0 ? -id - 1 : id;
      }
      out[i] = known[ord];
    }
    return out;
  }

  /** The n best of the first {@code distinct} values: {@code counted[i]}'s number, {@code counts[i]} its count. */
  private List<LabelAndValue> top(int[] counted, int[] counts, int distinct, int n) {
    BytesRef a = new BytesRef(), b = new BytesRef();
    // The queue's head is the worst kept value: fewer counts, or at equal counts the later in byte order.
    PriorityQueue<Integer> best = new PriorityQueue<>(n) {
      @Override
      protected boolean lessThan(Integer x, Integer y) {
        return counts[x] != counts[y] ? counts[x] < counts[y]
            : values.get(counted[x], a).compareTo(values.get(counted[y], b)) > 0;
      }
    };
    for (int i = 0; i < distinct; i++) {
      best.insertWithOverflow(i);
    }
    LabelAndValue[] out = new LabelAndValue[best.size()];
    for (int i = out.length - 1; i >= 0; i--) {
      int at = best.pop();
      out[i] = new LabelAndValue(values.get(counted[at], new BytesRef()).utf8ToString(), counts[at]);
    }
    return List.of(out);
  }
}
