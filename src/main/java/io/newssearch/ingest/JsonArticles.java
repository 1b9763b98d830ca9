package io.newssearch.ingest;

import io.newssearch.article.Article;
import java.util.ArrayList;
import java.util.List;

/**
 * Articles sent as JSON over the API: one object, or JSON Lines for a batch. Fields and synonyms
 * are those of the {@code .jsonl} corpus format, so a feed can post the lines it would write.
 */
public final class JsonArticles {

  /** One line of the body: an article, or why that line is not one. */
  public record Line(int number, Article article, String problem) {}

  private JsonArticles() {}

  public static List<Line> read(String body) {
    List<Line> lines = new ArrayList<>();
    String trimmed = body.strip();
    if (trimmed.startsWith("{") && isSingleObject(trimmed)) {
      lines.add(line(1, trimmed));
      return lines;
    }
    String[] raw = body.split("\r?\n", -1);
    for (int i = 0; i < raw.length; i++) {
      if (!raw[i].isBlank()) {
        lines.add(line(i + 1, raw[i]));
      }
    }
    return lines;
  }

  private static Line line(int number, String json) {
    try {
      return new Line(number, JsonlParser.article(json), null);
    } catch (BadRecordException e) {
      return new Line(number, null, e.getMessage());
    }
  }

  /**
   * JSON Lines has an object starting on every line; a pretty-printed single object has lines that
   * do not start with "{". Either way, a line or object with anything after it is an error.
   */
  private static boolean isSingleObject(String s) {
    return !s.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("{"));
  }
}
