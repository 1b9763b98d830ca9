package io.newssearch.lucene.search;

import io.newssearch.lucene.Schema;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

/**
 * A number per story, the same in every segment, so a search tells stories apart with a long and
 * counts them in a hash set instead of comparing strings: a 64-bit hash of the story id, read
 * through an array per segment (the segment's story ordinal → key), built once per segment and
 * dropped with it. A new view after a write builds keys for its new segments only; global
 * ordinals (Lucene's OrdinalMap, which this replaced) were rebuilt over the whole index for every
 * view, about a second at a million articles. Two of a million stories share a key with a
 * probability of about 10⁻⁸.
 */
final class StoryKeys {

  private static final Map<IndexReader.CacheKey, long[]> KEYS = new ConcurrentHashMap<>();

  private StoryKeys() {}

  /** Segment story ordinal → story key. */
  static long[] of(LeafReader segment) throws IOException {
    IndexReader.CacheHelper helper = segment.getCoreCacheHelper();
    if (helper == null) {
      return build(segment);
    }
    long[] keys = KEYS.get(helper.getKey());
    if (keys == null) {
      keys = build(segment); // two searches may both build it: the same array, once kept
      if (KEYS.putIfAbsent(helper.getKey(), keys) == null) {
        helper.addClosedListener(KEYS::remove);
      }
    }
    return keys;
  }

  /**
   * The key of an article without a story (an index written before stories existed): a story of
   * its own, told apart by its place in the view.
   */
  static long ofLoneArticle(int globalDoc) {
    return StringHelper.murmurhash3_x64_128(new BytesRef(Integer.toString(globalDoc)))[1];
  }

  private static long[] build(LeafReader segment) throws IOException {
    SortedSetDocValues stories = DocValues.getSortedSet(segment, Schema.STORY);
    long[] keys = new long[Math.toIntExact(stories.getValueCount())];
    for (int ord = 0; ord < keys.length; ord++) {
      keys[ord] = StringHelper.murmurhash3_x64_128(stories.lookupOrd(ord))[0];
    }
    return keys;
  }
}
