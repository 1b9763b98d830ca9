package io.newssearch.search;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.newssearch.FuzzIndex;
import io.newssearch.Fuzzing;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Any query string sent to {@code GET /api/search}, read by {@link SearchParameters} and searched
 * on a real index: an answer, or an {@link InvalidRequestException} (the API's 400 naming the
 * problem). Anything else would be a 500.
 */
class SearchParametersFuzzTest {

  @FuzzTest
  void fuzz(byte[] input) throws Exception {
    String queryString = new String(input, StandardCharsets.UTF_8);
    FuzzIndex.search(); // opened (once) before the clock starts
    Fuzzing.run(SearchParametersFuzzTest.class, input, () -> {
      Map<String, List<String>> params = new LinkedHashMap<>();
      for (String pair : queryString.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name, value;
        try {
          name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
          value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
          continue; // Jetty refuses such a URI before it reaches the search
        }
        params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
      }
      try {
        SearchResult result = FuzzIndex.search().search(SearchParameters.parse(params));
        if (result.hits().size() > result.total()) {
          throw new AssertionError("more hits than total: " + result.hits().size() + " > " + result.total());
        }
      } catch (InvalidRequestException rejected) {
        if (rejected.getMessage() == null || rejected.getMessage().isBlank()) {
          throw new AssertionError("a 400 without a message", rejected);
        }
      }
    });
  }
}
