package io.newssearch.story;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A MinHash signature of an article body: for each of {@link #HASHES} seeded hash functions, the
 * smallest hash over the body's word shingles ({@link #SHINGLE} words in a row, lower-cased). Two
 * signatures agree at a position with probability equal to the Jaccard similarity of the two
 * shingle sets, so the share of equal positions estimates it.
 *
 * <p>A small implementation instead of a library: the Java MinHash libraries on Maven Central are
 * unmaintained or pull in a large dependency, and the whole algorithm is the loop in
 * {@link #of(String)}.
 */
public record Signature(int[] mins) {

  /** Number of hash functions; {@link Bands} splits them into bands. */
  public static final int HASHES = 120;
  /** Words per shingle: three keep "the central bank" type phrases shared by different stories rare. */
  public static final int SHINGLE = 3;
  /** Fewer shingles than this is too little text to call two articles the same story. */
  public static final int MIN_SHINGLES = 20;

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+");
  private static final long[] SEEDS = new long[HASHES];

  static {
    long s = 0x9E3779B97F4A7C15L;
    for (int i = 0; i < HASHES; i++) {
      s = mix(s + 0x9E3779B97F4A7C15L);
      SEEDS[i] = s;
    }
  }

  /** The signature of a body, or null when it has too few words to compare. */
  public static Signature of(String body) {
    Set<Long> shingles = shingles(body);
    if (shingles.size() < MIN_SHINGLES) {
      return null;
    }
    int[] mins = new int[HASHES];
    for (int i = 0; i < HASHES; i++) {
      long min = Long.MAX_VALUE;
      for (long sh : shingles) {
        min = Math.min(min, mix(sh ^ SEEDS[i]));
      }
      mins[i] = (int) (min >>> 32);
    }
    return new Signature(mins);
  }

  /** Estimated Jaccard similarity of the two bodies' shingle sets: the share of equal positions. */
  public double similarity(Signature other) {
    int same = 0;
    for (int i = 0; i < HASHES; i++) {
      if (mins[i] == other.mins[i]) same++;
    }
    return same / (double) HASHES;
  }

  public byte[] toBytes() {
    ByteBuffer b = ByteBuffer.allocate(HASHES * 4);
    for (int m : mins) b.putInt(m);
    return b.array();
  }

  public static Signature fromBytes(byte[] bytes) {
    ByteBuffer b = ByteBuffer.wrap(bytes);
    int[] mins = new int[HASHES];
    for (int i = 0; i < HASHES; i++) mins[i] = b.getInt();
    return new Signature(mins);
  }

  static Set<Long> shingles(String body) {
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(body == null ? "" : body.toLowerCase(Locale.ROOT));
    while (m.find()) words.add(m.group());
    Set<Long> out = new HashSet<>();
    for (int i = 0; i + SHINGLE <= words.size(); i++) {
      long h = 0xcbf29ce484222325L; // FNV-1a over the shingle's characters, a space between words
      for (int k = i; k < i + SHINGLE; k++) {
        String w = words.get(k);
        for (int c = 0; c < w.length(); c++) {
          h = (h ^ w.charAt(c)) * 0x100000001b3L;
        }
        h = (h ^ ' ') * 0x100000001b3L;
      }
      out.add(h);
    }
    return out;
  }

  /** SplitMix64's finaliser: spreads every input bit over the output. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Signature s && java.util.Arrays.equals(mins, s.mins);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(mins);
  }

  @Override
  public String toString() {
    return "Signature" + java.util.Arrays.toString(java.util.Arrays.copyOf(mins, 4)) + "...";
  }
}
