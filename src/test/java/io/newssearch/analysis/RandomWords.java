package io.newssearch.analysis;

import java.util.Random;

/** Text of random words made of given pieces, for comparing two token filters word by word. */
final class RandomWords {

  private RandomWords() {}

  /** {@code words} words of 1 to {@code maxPieces} pieces each, separated by spaces. */
  static String of(String[] pieces, long seed, int words, int maxPieces) {
    Random random = new Random(seed);
    StringBuilder text = new StringBuilder();
    for (int word = 0; word < words; word++) {
      int length = 1 + random.nextInt(maxPieces);
      for (int i = 0; i < length; i++) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      text.append(' ');
    }
    return text.toString();
  }
}
