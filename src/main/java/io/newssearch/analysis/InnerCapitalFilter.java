package io.newssearch.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * A word with a capital after lowercase letters is also indexed from that capital on, at the same
 * position: {@code kweMari} also as {@code Mari}, {@code muBulawayo} as {@code Bulawayo},
 * {@code eMonti} as {@code Monti}; so is a word that starts with two capitals and then lowercase
 * letters, from the second: {@code UYeye} as {@code Yeye}, {@code IBoks} as {@code Boks}.
 *
 * <p>Why: Bantu languages (Shona, Xhosa, Zulu…) write a noun's class or locative prefix joined to
 * it and keep the noun's capital when it is a name or the text is title-cased, as headlines are
 * (where a one-letter prefix is capitalised too: Xhosa's {@code UYeye} is {@code uYeye} within a
 * sentence). The capital marks where the noun begins, so the same noun written bare, or behind
 * another prefix, meets it. The whole word stays: it is still the rarest and best match. A query
 * is analysed the same way, so its variants of a word count as one word (the best of them scores).
 */
final class InnerCapitalFilter extends TokenFilter {

  /**
   * The same rule as a regular expression, for Lucene's {@code PatternCaptureGroupTokenFilter} (the
   * SolrCloud schema's {@code patternCaptureGroup} filter): each remainder is a capture. This filter
   * gives the same tokens for a tenth of that filter's cost per token (it runs on every word of
   * every language without an analyzer of its own), and {@code InnerCapitalFilterTest} holds the two
   * to the same tokens.
   */
  static final String PATTERN = "(?<=\\p{Ll})(?=(\\p{Lu}.+))|^\\p{Lu}(?=(\\p{Lu}\\p{Ll}{2}.*))";

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
  private State word;
  /** Where the next remainder to emit begins in the held word; 0: none left. */
  private int next;
  private char[] held = new char[16];
  private int heldLength;

  InnerCapitalFilter(TokenStream in) {
    super(in);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (next > 0) {
      restoreState(word);
      term.copyBuffer(held, next, heldLength - next);
      position.setPositionIncrement(0);
      next = capitalAfter(held, next + Character.charCount(Character.codePointAt(held, next, heldLength)), heldLength);
      return true;
    }
    if (!input.incrementToken()) {
      return false;
    }
    int at = capitalAfter(term.buffer(), 0, term.length());
    if (at > 0) {
      word = captureState();
      heldLength = term.length();
      if (held.length < heldLength) {
        held = new char[heldLength];
      }
      System.arraycopy(term.buffer(), 0, held, 0, heldLength);
      next = at;
    }
    return true;
  }

  /**
   * The first index from {@code from} on where a remainder begins ({@link #PATTERN}'s match): an
   * uppercase letter right after a lowercase one, with at least one character after it, or the
   * second of two capitals that start the word, followed by two lowercase letters; 0 when there is
   * none.
   */
  static int capitalAfter(char[] s, int from, int length) {
    int before = from > 0 && from <= length ? Character.codePointBefore(s, from) : -1;
    for (int i = from; i < length; ) {
      int c = Character.codePointAt(s, i, length);
      int after = i + Character.charCount(c);
      if (before >= 0 && Character.getType(c) == Character.UPPERCASE_LETTER && after < length) {
        if (Character.getType(before) == Character.LOWERCASE_LETTER) {
          return i;
        }
        // A one-letter prefix written in capitals at the start of a title-cased word: UYeye, IBoks
        // (two lowercase letters after the capital, so that a plural such as TVs or MPs stays whole).
        if (i == Character.charCount(before) && Character.getType(before) == Character.UPPERCASE_LETTER
            && lowercaseLetters(s, after, length, 2)) {
          return i;
        }
      }
      before = c;
      i = after;
    }
    return 0;
  }

  /** Whether {@code count} lowercase letters follow from {@code at}. */
  private static boolean lowercaseLetters(char[] s, int at, int length, int count) {
    for (int n = 0; n < count; n++) {
      if (at >= length) {
        return false;
      }
      int c = Character.codePointAt(s, at, length);
      if (Character.getType(c) != Character.LOWERCASE_LETTER) {
        return false;
      }
      at += Character.charCount(c);
    }
    return true;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    next = 0;
    word = null;
  }
}
