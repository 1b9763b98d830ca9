package io.newssearch.ingest;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.newssearch.Fuzzing;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/** The date parser every corpus reader uses: any text gives a date or nothing, never an exception. */
class DateParserFuzzTest {

  @FuzzTest
  void fuzz(byte[] input) throws Exception {
    String text = new String(input, StandardCharsets.UTF_8);
    Fuzzing.run(DateParserFuzzTest.class, input, () -> {
      Optional<Instant> date = DateParser.parse(text);
      if (date == null) {
        throw new AssertionError("null instead of empty for " + text);
      }
    });
  }
}
