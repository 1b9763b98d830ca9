package io.newssearch.story;

import java.nio.ByteBuffer;
import java.util.Locale;

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
    long[] shingles = shingles(body);
    if (shingles.length < MIN_SHINGLES) {
      return null;
    }
    // Shingle by shingle, every hash in the inner loop: the same minima as hash by hash, in a loop
    // the JIT can vectorise; this is most of an article's signature cost.
    long[] min = new long[HASHES];
    java.util.Arrays.fill(min, Long.MAX_VALUE);
    for (long sh : shingles) {
      for (int i = 0; i < HASHES; i++) {
        min[i] = Math.min(min[i], mix(sh ^ SEEDS[i]));
      }
    }
    int[] mins = new int[HASHES];
    for (int i = 0; i < HASHES; i++) {
      mins[i] = (int) (min[i] >>> 32);
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

  /**
   * The distinct shingle hashes of a body, sorted: FNV-1a over each run of {@link #SHINGLE} words
   * (letters, marks and digits, lower-cased), a space after each word. Words are found by a scan
   * rather than a regular expression; {@link #isWordChar} is the class {@code [\p{L}\p{M}\p{N}]}.
   */
  static long[] shingles(String body) {
    String text = body == null ? "" : body.toLowerCase(Locale.ROOT);
    int[] starts = new int[64];
    int[] ends = new int[64];
    int words = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (!isWordChar(cp)) {
        i += Character.charCount(cp);
        continue;
      }
      int start = i;
      while (i < text.length() && isWordChar(cp = text.codePointAt(i))) {
        i += Character.charCount(cp);
      }
      if (words == starts.length) {
        starts = java.util.Arrays.copyOf(starts, words * 2);
        ends = java.util.Arrays.copyOf(ends, words * 2);
      }
      starts[words] = start;
      ends[words++] = i;
    }
    int count = Math.max(0, words - SHINGLE + 1);
    long[] out = new long[count];
    for (int i = 0; i < count; i++) {
      long h = 0xcbf29ce484222325L;
      for (int k = i; k < i + SHINGLE; k++) {
        for (int c = starts[k]; c < ends[k]; c++) {
          h = (h ^ text.charAt(c)) * 0x100000001b3L;
        }
        h = (h ^ ' ') * 0x100000001b3L;
      }
      out[i] = h;
    }
    java.util.Arrays.sort(out);
    int distinct = 0;
    for (int i = 0; i < out.length; i++) {
      if (distinct == 0 || out[distinct - 1] != out[i]) {
        out[distinct++] = out[i];
      }
    }
    return java.util.Arrays.copyOf(out, distinct);
  }

  /** A letter, mark or digit of any script: what {@code [\p{L}\p{M}\p{N}]} matches. */
  public static boolean isWordChar(int cp) {
    return switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
          Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK, Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
      default -> false;
    };
  }

  /** SplitMix64's finaliser: spreads every input bit over the output. */
  public static long mix(long z) {
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
