package io.newssearch.search;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.newssearch.Fuzzing;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Phrases relaxed in any query: nothing, or named phrases and a text in valid syntax (a limit may
 * still refuse it, as it may any query), with fewer quotes than the query had.
 */
class QuotedPhrasesFuzzTest {

  private static final QueryChecker CHECKER = new QueryChecker(SearchLimits.DEFAULTS);

  @FuzzTest
  void fuzz(byte[] input) throws Exception {
    if (input.length == 0) {
      return;
    }
    boolean matchAll = (input[0] & 1) != 0;
    String query = new String(input, 1, input.length - 1, StandardCharsets.UTF_8);
    Fuzzing.run(QuotedPhrasesFuzzTest.class, input, () -> {
      Optional<QuotedPhrases.Relaxation> relaxed = QuotedPhrases.relax(query, matchAll);
      if (relaxed.isEmpty()) {
        return;
      }
      QuotedPhrases.Relaxation r = relaxed.get();
      if (r.relaxed().phrases().isEmpty() || quotes(r.query()) >= quotes(query)) {
        throw new AssertionError("nothing relaxed: " + r + " from '" + query + "'");
      }
      try {
        CHECKER.check(r.query(), true, matchAll);
      } catch (InvalidRequestException e) {
        if (e.code().equals("query_syntax")) {
          throw new AssertionError("'" + query + "' relaxed to '" + r.query() + "': " + e.getMessage(), e);
        }
      }
    });
  }

  private static long quotes(String s) {
    return s.chars().filter(c -> c == '"').count();
  }
}
