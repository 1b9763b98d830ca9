package io.newssearch.search;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.newssearch.Fuzzing;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * Date phrases read from any query: nothing, or a phrase that is part of the query, a range whose
 * start is not after its end, and the rest of the query.
 */
class DatePhrasesFuzzTest {

  private static final Instant NOW = Instant.parse("2025-07-25T10:00:00Z");

  @FuzzTest
  void fuzz(byte[] input) throws Exception {
    String query = new String(input, StandardCharsets.UTF_8);
    Fuzzing.run(DatePhrasesFuzzTest.class, input, () -> {
      Optional<DatePhrases.Found> found = DatePhrases.find(query, NOW);
      if (found.isEmpty()) {
        return;
      }
      DatePhrases.Found f = found.get();
      if (f.from() == null && f.to() == null) {
        throw new AssertionError("a phrase without a range: " + f);
      }
      if (f.from() != null && f.to() != null && f.from().isAfter(f.to())) {
        throw new AssertionError("from after to: " + f + " in '" + query + "'");
      }
      if (f.query() == null || f.query().length() >= query.length()) {
        throw new AssertionError("the rest of the query is not shorter: " + f + " in '" + query + "'");
      }
    });
  }
}
