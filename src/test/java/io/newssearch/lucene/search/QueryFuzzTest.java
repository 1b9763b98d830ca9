package io.newssearch.lucene.search;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.newssearch.FuzzIndex;
import io.newssearch.Fuzzing;
import io.newssearch.search.InvalidRequestException;
import io.newssearch.search.SearchRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * Any text as {@code q}, strict or lenient, any word or every word: the query checker
 * ({@code QueryChecker}), the query built per language analyzer ({@link QueryFactory}) and its
 * guards ({@link QueryGuard}) run on a real index. An answer, or an {@link InvalidRequestException}
 * (a 400); lenient mode must answer whatever the syntax.
 */
class QueryFuzzTest {

  @FuzzTest
  void fuzz(byte[] input) throws Exception {
    if (input.length == 0) {
      return;
    }
    boolean strict = (input[0] & 1) != 0;
    boolean matchAll = (input[0] & 2) != 0;
    String text = new String(Arrays.copyOfRange(input, 1, input.length), StandardCharsets.UTF_8);
    FuzzIndex.search(); // opened (once) before the clock starts
    Fuzzing.run(QueryFuzzTest.class, input, () -> {
      SearchRequest request = SearchRequest.builder().query(text).strict(strict).matchAll(matchAll).dates(false)
          .now(Instant.parse("2025-07-25T10:00:00Z")).build();
      try {
        FuzzIndex.search().search(request);
      } catch (InvalidRequestException rejected) {
        boolean limit = rejected.code().startsWith("too_many") || rejected.code().equals("invalid_parameter")
            || rejected.code().equals("regexp_without_prefix") || rejected.code().equals("regexp_too_complex");
        if (!strict && !limit) {
          throw new AssertionError("lenient mode refused '" + text + "': " + rejected.code() + " " + rejected.getMessage());
        }
      }
    });
  }
}
