package io.newssearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which phrases a query relaxes and the text it searches instead, as a table. Every relaxed text
 * is checked to parse as the engines parse it.
 */
class QuotedPhrasesTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      Somali minister says "we will not negotiate" with rebels | Somali minister says we will not negotiate with rebels | we will not negotiate
      "a b"                          | a b                              | a b
      title:"naval exercise" drill   | title:(naval exercise) drill     | naval exercise
      title:(x "a b")                | title:(x a b)                    | a b
      "a b"~3 c                      | a b c                            | a b
      "a b"~3^2 c                    | (a b)^2 c                        | a b
      "a b"^2~3 c                    | (a b)^2 c                        | a b
      title:x"a b"^3~2 AND y         | title:x(a b)^3 AND y             | a b
      +"a b" c                       | +(a b) c                         | a b
      x AND "a b"                    | x AND (a b)                      | a b
      "a b" OR x                     | (a b) OR x                       | a b
      x NOT "a b" "c d"              | x NOT "a b" c d                  | c d
      x -"a b" +"c d"                | x -"a b" +(c d)                  | c d
      "we will NOT go"               | we will not go                   | we will NOT go
      "a:b c*"                       | a\\:b c\\*                       | a:b c*
      "he said \\"no deal\\" today"  | he said \\"no deal\\" today      | he said "no deal" today
      foo"a b"bar                    | foo a b bar                      | a b
      "a b"-c                        | a b -c                           | a b
      "a b" x "a b"                  | a b x a b                        | a b
      title:[a TO z] "x y"           | title:[a TO z] x y               | x y
      "well-known fact"              | well\\-known fact                | well-known fact
      """)
  void positive_phrases_become_words_where_they_stand(String query, String relaxed, String phrase) {
    QuotedPhrases.Relaxation r = QuotedPhrases.relax(query, false).orElseThrow();
    assertEquals(relaxed.replace("\\\\", "\\"), r.query());
    assertEquals(List.of(phrase.replace("\\\\", "\\")), r.relaxed().phrases());
    CheckedQuery checked = new QueryChecker(SearchLimits.DEFAULTS).check(r.query(), true, false);
    assertEquals(r.query(), checked.text(), "parses as typed");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "no quotes at all",
      "-\"a b\" c",
      "c NOT \"a b\"",
      "c AND NOT \"a b\"",
      "x -(y \"a b\")",
      "x NOT (y OR title:\"a b\")",
      "\"drill\" exercise",
      "\"\" empty",
      "\"...\" punctuation",
      "\"a b",
      "\"a b\" (c",
      "\"a b\" c\"",
      "colour:\"red car\"",
      "say \\\"hello world\\\" now",
      "/e[gx/ \"a b\"",
  })
  void nothing_is_relaxed_without_a_positive_phrase_of_two_words_in_valid_syntax(String query) {
    assertTrue(QuotedPhrases.relax(query, false).isEmpty(), query);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(booleans = {false, true})
  void two_phrases_are_relaxed_together_whatever_the_operator(boolean matchAll) {
    QuotedPhrases.Relaxation r = QuotedPhrases.relax("\"a b\" and \"c d\"\nnext line", matchAll).orElseThrow();
    assertEquals("a b and c d\nnext line", r.query());
    assertEquals(List.of("a b", "c d"), r.relaxed().phrases());
  }
}
