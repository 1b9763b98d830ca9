package io.newssearch.lucene;

import io.newssearch.index.IndexedArticle;
import io.newssearch.story.Bands;
import io.newssearch.story.Signature;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * A Bloom filter of the ids and band keys a rebuild has written. A key it never wrote is certainly
 * not in the index being built, so that lookup is skipped: most articles of a rebuild are new and
 * share no band with anything, and without this each would probe every segment forty-one times.
 *
 * <p>Fixed size, so memory does not grow with the run: as the run grows, more keys it did not write
 * look written (false positives, which only cost a lookup), never the other way round.
 */
final class WrittenKeys implements LuceneStoryCandidates.KeyFilter {

  /** At most 64 MB, and a sixteenth of the heap: 0.9% false positives at 1M articles, 30% at 5M. */
  private static final long MAX_BYTES = 64L << 20;
  private static final int HASHES = 3;
  private static final VarHandle WORDS = MethodHandles.arrayElementVarHandle(long[].class);

  private final long[] words;
  private final long mask;

  WrittenKeys(long bits) {
    long size = Long.highestOneBit(Math.max(1 << 16, bits));
    this.words = new long[(int) (size >>> 6)];
    this.mask = size - 1;
  }

  /** Sized for this JVM's heap. */
  static WrittenKeys forHeap() {
    return new WrittenKeys(Math.min(MAX_BYTES, Runtime.getRuntime().maxMemory() / 16) * 8);
  }

  /**
   * Filled with every id and band key a reader holds: the run so far, when it first outgrows the
   * window (until then the index being built is empty and nothing is looked up).
   */
  static WrittenKeys of(IndexReader reader) throws IOException {
    WrittenKeys keys = forHeap();
    for (LeafReaderContext leaf : reader.leaves()) {
      Terms ids = leaf.reader().terms(Schema.ID);
      if (ids != null) {
        TermsEnum te = ids.iterator();
        for (BytesRef t = te.next(); t != null; t = te.next()) {
          keys.set(idHash(t.utf8ToString()));
        }
      }
      Terms bands = leaf.reader().terms(Schema.STORY_BANDS);
      if (bands != null) {
        TermsEnum te = bands.iterator();
        for (BytesRef t = te.next(); t != null; t = te.next()) {
          long hash = 0;
          for (int i = 0; i < 8; i++) {
            hash = (hash << 8) | (t.bytes[t.offset + 1 + i] & 0xFF);
          }
          keys.set(bandHash(t.bytes[t.offset], hash));
        }
      }
    }
    return keys;
  }

  /** Records the article's id and band keys; safe from several threads (bits are set atomically). */
  void add(IndexedArticle a) {
    set(idHash(a.id()));
    if (a.signature() != null) {
      long[] hashes = Bands.hashes(a.signature());
      for (int b = 0; b < hashes.length; b++) {
        set(bandHash(b, hashes[b]));
      }
    }
  }

  boolean mayContain(String id) {
    return test(idHash(id));
  }

  @Override
  public boolean mayContain(int band, long hash) {
    return test(bandHash(band, hash));
  }

  private static long idHash(String id) {
    return Signature.mix(id.hashCode() * 0x9E3779B97F4A7C15L + id.length());
  }

  private static long bandHash(int band, long hash) {
    return Signature.mix(hash ^ (0xC2B2AE3D27D4EB4FL * (band + 1)));
  }

  private void set(long h) {
    long step = Signature.mix(h) | 1;
    for (int i = 0; i < HASHES; i++, h += step) {
      long bit = h & mask;
      WORDS.getAndBitwiseOr(words, (int) (bit >>> 6), 1L << bit);
    }
  }

  private boolean test(long h) {
    long step = Signature.mix(h) | 1;
    for (int i = 0; i < HASHES; i++, h += step) {
      long bit = h & mask;
      if ((words[(int) (bit >>> 6)] & (1L << bit)) == 0) {
        return false;
      }
    }
    return true;
  }
}
