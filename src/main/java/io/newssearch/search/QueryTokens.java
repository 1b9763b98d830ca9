package io.newssearch.search;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.queryparser.charstream.FastCharStream;
import org.apache.lucene.queryparser.classic.QueryParserConstants;
import org.apache.lucene.queryparser.classic.QueryParserTokenManager;
import org.apache.lucene.queryparser.classic.Token;
import org.apache.lucene.queryparser.classic.TokenMgrError;
import org.apache.lucene.util.automaton.RegExp;

/**
 * A query's tokens as the query language's own lexer reads them, before anything is parsed: where
 * each part stands in the text ({@link QuotedPhrases}), and whether a {@code /regular expression/}
 * would be too big to build ({@link QueryChecker}). The parser builds a regular expression's
 * automaton as soon as it reads it, and nested repetitions double it with each level:
 * {@code /a++++++++++++++++++++/} took 13 s and 30 of them ran the server out of memory (found by
 * QuotedPhrasesFuzzTest), so they are measured on their parse tree first.
 */
final class QueryTokens {

  /**
   * States a regular expression's automaton may have, bounded from above. A bound, not a count:
   * {@code /[a-z]{2,10}ing/} is 14, {@code /(foo|bar){1,5}/} 36.
   */
  static final long MAX_REGEXP_STATES = 1_000;
  /** The flags the classic query parser reads a regular expression with ({@code RegExp.ALL}). */
  private static final int PARSER_FLAGS = RegExp.ALL;

  /**
   * @param tokens the tokens read up to the end or to the first lexical error (the parser builds
   *     what comes before one, and stops there)
   * @param complete false when a lexical error (an unterminated quote) stopped the reading
   */
  record Lexed(List<Token> tokens, boolean complete) {}

  private QueryTokens() {}

  static Lexed of(String text) {
    QueryParserTokenManager lexer = new QueryParserTokenManager(new FastCharStream(new StringReader(text)));
    List<Token> out = new ArrayList<>();
    try {
      for (Token t = lexer.getNextToken(); t.kind != QueryParserConstants.EOF; t = lexer.getNextToken()) {
        out.add(t);
      }
      return new Lexed(out, true);
    } catch (TokenMgrError unterminated) {
      return new Lexed(out, false);
    }
  }

  /** The first regular expression whose automaton could have more than {@link #MAX_REGEXP_STATES} states. */
  static Optional<String> oversizedRegexp(List<Token> tokens) {
    for (Token t : tokens) {
      if (t.kind != QueryParserConstants.REGEXPTERM) {
        continue;
      }
      String body = t.image.substring(1, t.image.length() - 1); // as the parser takes it
      try {
        if (states(new RegExp(body, PARSER_FLAGS)) > MAX_REGEXP_STATES) {
          return Optional.of(body);
        }
      } catch (IllegalArgumentException malformed) {
        // The parser refuses it the same way: a syntax error, reported or searched as words.
      }
    }
    return Optional.empty();
  }

  /** An upper bound on the states of {@code r}'s automaton, saturating rather than overflowing. */
  private static long states(RegExp r) {
    return switch (r.kind) {
      case REGEXP_UNION, REGEXP_CONCATENATION, REGEXP_INTERSECTION -> add(states(r.exp1), states(r.exp2));
      case REGEXP_OPTIONAL, REGEXP_REPEAT -> add(states(r.exp1), 1);
      case REGEXP_REPEAT_MIN -> times(states(r.exp1), r.min + 1L);
      case REGEXP_REPEAT_MINMAX -> times(states(r.exp1), r.max + 1L);
      // Complementing determinizes, which the parser's work limit bounds; counted as its operand.
      case REGEXP_COMPLEMENT, REGEXP_DEPRECATED_COMPLEMENT -> states(r.exp1);
      case REGEXP_STRING -> r.s.length() + 1L;
      case REGEXP_INTERVAL -> (Math.max(String.valueOf(r.max).length(), r.digits) + 1L) * 10;
      default -> 2; // one character, class, range, any string or the empty language
    };
  }

  private static long add(long a, long b) {
    return Math.min(Long.MAX_VALUE / 4, a + b);
  }

  private static long times(long a, long b) {
    return a > Long.MAX_VALUE / 4 / Math.max(1, b) ? Long.MAX_VALUE / 4 : a * b;
  }
}
