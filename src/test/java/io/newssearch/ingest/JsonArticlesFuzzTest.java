package io.newssearch.ingest;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.newssearch.Fuzzing;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The body of {@code POST /api/articles}: every non-blank line becomes an article or a problem
 * (which the API answers as a 400 listing it), never an exception, and lines are numbered in order.
 */
class JsonArticlesFuzzTest {

  @FuzzTest
  void fuzz(byte[] input) throws Exception {
    String body = new String(input, StandardCharsets.UTF_8);
    Fuzzing.run(JsonArticlesFuzzTest.class, input, () -> {
      List<JsonArticles.Line> lines = JsonArticles.read(body);
      int last = 0;
      for (JsonArticles.Line line : lines) {
        if ((line.article() == null) == (line.problem() == null)) {
          throw new AssertionError("line " + line.number() + " is neither or both an article and a problem: " + line);
        }
        if (line.problem() != null && line.problem().isBlank()) {
          throw new AssertionError("line " + line.number() + " has a blank problem");
        }
        if (line.number() <= last) {
          throw new AssertionError("line numbers out of order: " + last + " then " + line.number());
        }
        last = line.number();
      }
    });
  }
}
