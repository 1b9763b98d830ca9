package io.newssearch.story;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The signature is stored and its band keys indexed, so a faster way to compute it must give the
 * same bits: the word scan is checked against the regular expression it replaced, and the
 * shingle-major loop against the hash-major one, on real and on awkward text.
 */
class SignatureTest {

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+");

  @Test
  void the_scan_and_loop_give_the_signature_the_regular_expression_gave() throws Exception {
    List<String> texts = new ArrayList<>();
    StoryFixtures.load().forEach(l -> texts.add(l.article().body()));
    Random random = new Random(3);
    String[] pieces = {"word", "Ünïcödé", "İstanbul", "ΣΟΦΙΑ", "شهر", "東京都", "𝐀𝐁𝐂", "e\u0301", "٣٤٥", "½", "Ⅻ",
        "a-b", "x'y", " ", "  ", ",", ".\n", "\t", "—", "🙂", "ß", "ǅ", "\u0903", "١٢", "Ⓐ"};
    for (int t = 0; t < 300; t++) {
      StringBuilder b = new StringBuilder();
      for (int i = 0, n = 10 + random.nextInt(200); i < n; i++) {
        b.append(pieces[random.nextInt(pieces.length)]);
        if (random.nextInt(3) > 0) b.append(' ');
      }
      texts.add(b.toString());
    }
    for (String text : texts) {
      assertArrayEquals(reference(text), Signature.shingles(text), text);
      Signature fast = Signature.of(text);
      Signature slow = referenceSignature(text);
      assertEquals(slow, fast, text);
    }
  }

  /** The shingles as the regular expression found them: sorted and distinct. */
  private static long[] reference(String body) {
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(body.toLowerCase(Locale.ROOT));
    while (m.find()) words.add(m.group());
    TreeSet<Long> out = new TreeSet<>();
    for (int i = 0; i + Signature.SHINGLE <= words.size(); i++) {
      long h = 0xcbf29ce484222325L;
      for (int k = i; k < i + Signature.SHINGLE; k++) {
        String w = words.get(k);
        for (int c = 0; c < w.length(); c++) {
          h = (h ^ w.charAt(c)) * 0x100000001b3L;
        }
        h = (h ^ ' ') * 0x100000001b3L;
      }
      out.add(h);
    }
    return out.stream().mapToLong(Long::longValue).toArray();
  }

  /** Hash by hash over the shingles, as the signature was first computed. */
  private static Signature referenceSignature(String body) {
    long[] shingles = reference(body);
    if (shingles.length < Signature.MIN_SHINGLES) {
      return null;
    }
    long s = 0x9E3779B97F4A7C15L;
    int[] mins = new int[Signature.HASHES];
    for (int i = 0; i < Signature.HASHES; i++) {
      s = Signature.mix(s + 0x9E3779B97F4A7C15L);
      long min = Long.MAX_VALUE;
      for (long sh : shingles) {
        min = Math.min(min, Signature.mix(sh ^ s));
      }
      mins[i] = (int) (min >>> 32);
    }
    return new Signature(mins);
  }
}
