package io.newssearch.alerts;

import java.util.Arrays;
import org.apache.lucene.util.ArrayUtil;

/**
 * The seen-record keys ({@link AlertStore#hash}) of the articles a batch saw for the first time, in
 * a growing array: 8 bytes an article, so a rebuild of millions of articles, one batch until its
 * commit, holds tens of megabytes here rather than an id string, a queue node and a future each.
 * Safe from several threads.
 */
final class SeenHashes {

  private long[] hashes = new long[64];
  private int size;

  synchronized void add(long hash) {
    hashes = ArrayUtil.grow(hashes, size + 1);
    hashes[size++] = hash;
  }

  synchronized boolean isEmpty() {
    return size == 0;
  }

  /** The keys added so far, in the order added. */
  synchronized long[] toArray() {
    return Arrays.copyOf(hashes, size);
  }
}
