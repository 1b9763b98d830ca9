package io.newssearch.ingest;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.newssearch.Fuzzing;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The body of {@code POST /api/articles}, read as JSON Lines and as one JSON value: every line or
 * array item becomes an article or a problem (which the API answers as a 400 listing it), or the
 * whole body is unreadable with a line and a reason; never another exception; lines in order.
 */
class JsonArticlesFuzzTest {

  @FuzzTest
  void fuzz(byte[] input) throws Exception {
    String body = new String(input, StandardCharsets.UTF_8);
    Fuzzing.run(JsonArticlesFuzzTest.class, input, () -> {
      check(JsonArticles.lines(body));
      try {
        check(JsonArticles.json(body));
      } catch (JsonArticles.Unreadable e) {
        if (e.line() < 1 || e.getMessage().isBlank()) {
          throw new AssertionError("an unreadable body without a line or a reason: " + e.line() + " " + e.getMessage());
        }
      }
    });
  }

  private static void check(List<JsonArticles.Line> lines) {
    int last = 0;
    for (JsonArticles.Line line : lines) {
      if ((line.article() == null) == (line.problem() == null)) {
        throw new AssertionError("line " + line.number() + " is neither or both an article and a problem: " + line);
      }
      if (line.problem() != null && line.problem().isBlank()) {
        throw new AssertionError("line " + line.number() + " has a blank problem");
      }
      if (line.number() < last || (line.item() == null && line.number() == last)) {
        throw new AssertionError("line numbers out of order: " + last + " then " + line.number());
      }
      last = line.number();
    }
  }
}
