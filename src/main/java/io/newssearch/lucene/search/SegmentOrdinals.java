package io.newssearch.lucene.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.ConjunctionUtils;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.ArrayUtil;

/**
 * How often each of a segment's ordinals of a keyword field occurs among some of its documents,
 * in ascending ordinal order.
 *
 * @param values the segment's doc values, to read an ordinal's value with
 * @param ords the distinct ordinals counted, ascending
 * @param counts how many of the documents have each
 */
record SegmentOrdinals(LeafReaderContext segment, SortedSetDocValues values, int[] ords, int[] counts,
    int size) {

  /** The ordinals of {@code docs} (documents of {@code segment}); null when none has a value. */
  static SegmentOrdinals of(LeafReaderContext segment, String field, DocIdSetIterator docs) throws IOException {
    SortedSetDocValues dv = DocValues.getSortedSet(segment.reader(), field);
    int cardinality = (int) dv.getValueCount();
    if (cardinality == 0) {
      return null;
    }
    SortedDocValues single = DocValues.unwrapSingleton(dv);
    DocIdSetIterator it = ConjunctionUtils.intersectIterators(List.of(docs, single != null ? single : dv));
    int[] ords = new int[64];
    int n = 0;
    for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
      int k = single != null ? 1 : dv.docValueCount();
      ords = ArrayUtil.grow(ords, n + k);
      if (single != null) {
        ords[n++] = single.ordValue();
      } else {
        for (int i = 0; i < k; i++) {
          ords[n++] = (int) dv.nextOrd();
        }
      }
    }
    if (n == 0) {
      return null;
    }
    return n < cardinality / 8 ? sorted(segment, dv, ords, n) : dense(segment, dv, ords, n, cardinality);
  }

  /** Few occurrences for the segment's values: sorting them is cheaper than an array of every ordinal. */
  private static SegmentOrdinals sorted(LeafReaderContext segment, SortedSetDocValues dv, int[] ords, int n) {
    Arrays.sort(ords, 0, n);
    int[] counts = new int[n];
    int distinct = 0;
    for (int i = 0; i < n; ) {
      int j = i + 1;
      while (j < n && ords[j] == ords[i]) {
        j++;
      }
      ords[distinct] = ords[i];
      counts[distinct++] = j - i;
      i = j;
    }
    return new SegmentOrdinals(segment, dv, ords, counts, distinct);
  }

  private static SegmentOrdinals dense(LeafReaderContext segment, SortedSetDocValues dv, int[] occurrences, int n,
      int cardinality) {
    int[] perOrd = new int[cardinality];
    int distinct = 0;
    for (int i = 0; i < n; i++) {
      if (perOrd[occurrences[i]]++ == 0) {
        distinct++;
      }
    }
    int[] ords = new int[distinct];
    int[] counts = new int[distinct];
    for (int ord = 0, k = 0; k < distinct; ord++) {
      if (perOrd[ord] > 0) {
        ords[k] = ord;
        counts[k++] = perOrd[ord];
      }
    }
    return new SegmentOrdinals(segment, dv, ords, counts, distinct);
  }
}
