package io.newssearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A malformed regular expression is a syntax error like any other (it was a 500; found by QueryFuzzTest). */
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
  void lenient_mode_searches_it_as_words() {
    CheckedQuery q = checker.check("title:/e[gx/ naval", false, false);
    assertTrue(q.plainWords(), q.toString());
  }
}
