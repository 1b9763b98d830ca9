package io.newssearch.story;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * Article nodes by band key, for the articles {@link StoryClusters} holds in memory: a hash table
 * in primitive arrays, since a window of tens of thousands of articles has forty keys each, and
 * as strings in maps they would cost a hundred bytes or more per key.
 *
 * <p>A key is a band number and that band's hash ({@link Bands#hashes}); both are compared, so two
 * nodes are listed together exactly when their indexed band terms would be equal.
 */
final class BandTable {

  private static final int INITIAL = 1 << 10;

  /** Open addressing, one slot per distinct key: 1 + the newest entry of that key, 0 when free. */
  private int[] slots = new int[INITIAL * 2];
  /** Entries, a chain per key through {@link #next} (−1 ends it). */
  private long[] hashes = new long[INITIAL];
  private byte[] bands = new byte[INITIAL];
  private int[] nodes = new int[INITIAL];
  private int[] next = new int[INITIAL];
  private int size;

  void add(int band, long hash, int node) {
    if (size == nodes.length) {
      grow();
    }
    int slot = slot(band, hash);
    int e = size++;
    hashes[e] = hash;
    bands[e] = (byte) band;
    nodes[e] = node;
    next[e] = slots[slot] - 1;
    slots[slot] = e + 1;
  }

  /** Every node added under this key, newest first. */
  void forEach(int band, long hash, IntConsumer action) {
    for (int e = slots[slot(band, hash)] - 1; e >= 0; e = next[e]) {
      action.accept(nodes[e]);
    }
  }

  /** Empties the table and keeps its capacity: a window refills to about the same size. */
  void clear() {
    Arrays.fill(slots, 0);
    size = 0;
  }

  /** The slot holding this key, or the free slot where it goes. */
  private int slot(int band, long hash) {
    int mask = slots.length - 1;
    int i = (int) Signature.mix(hash + band) & mask;
    while (slots[i] != 0) {
      int e = slots[i] - 1;
      if (hashes[e] == hash && bands[e] == band) {
        return i;
      }
      i = (i + 1) & mask;
    }
    return i;
  }

  /** Doubles the entries and rebuilds the slots at twice the entries, so probes stay short. */
  private void grow() {
    int capacity = nodes.length * 2;
    hashes = Arrays.copyOf(hashes, capacity);
    bands = Arrays.copyOf(bands, capacity);
    nodes = Arrays.copyOf(nodes, capacity);
    next = Arrays.copyOf(next, capacity);
    slots = new int[capacity * 2];
    int filled = size;
    size = 0;
    for (int e = 0; e < filled; e++) { // oldest first, so each chain stays newest first
      int slot = slot(bands[e], hashes[e]);
      next[e] = slots[slot] - 1;
      slots[slot] = e + 1;
      size++;
    }
  }
}
