package io.newssearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A malformed regular expression is a syntax error like any other (it was a 500; found by
 * QueryFuzzTest); one whose automaton would be huge is refused before it is built (it took seconds
 * or the whole heap; found by QuotedPhrasesFuzzTest).
 */
class QueryCheckerRegexTest {

  final QueryChecker checker = new QueryChecker(SearchLimits.DEFAULTS);

  @Test
  void strict_mode_names_the_bad_regular_expression() {
    InvalidRequestException e = assertThrows(InvalidRequestException.class,
        () -> checker.check("drill* /e[gx]arill*e[gx +tta/", true, false));
    assertEquals("query_syntax", e.code());
    assertTrue(e.getMessage().contains("invalid regular expression") && e.getMessage().contains("expected ']'"),
        e.getMessage());
  }

  @Test
  void nested_repetitions_are_refused_in_either_mode_before_they_are_built() {
    String deep = "/a" + "+".repeat(40) + "/";
    for (boolean strict : new boolean[] {true, false}) {
      for (String query : new String[] {deep, "naval " + deep + " (unbalanced", "title:/b{9}{9}{9}{9}/"}) {
        long start = System.nanoTime();
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> checker.check(query, strict, false));
        assertEquals("regexp_too_complex", e.code(), query);
        assertTrue(e.getMessage().contains("too complex"), e.getMessage());
        assertTrue(System.nanoTime() - start < 2_000_000_000L, "refused before the automaton is built");
      }
    }
    assertEquals("title:/na(v|w)+al{1,3}/", checker.check("title:/na(v|w)+al{1,3}/", true, false).text());
  }

  @Test
  void lenient_mode_searches_it_as_words() {
    CheckedQuery q = checker.check("title:/e[gx/ naval", false, false);
    assertTrue(q.plainWords(), q.toString());
  }
}
