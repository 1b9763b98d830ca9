package io.newssearch.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newssearch.article.Article;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Articles sent as JSON over the API, in either of two shapes: JSON Lines (one article object per
 * line, {@code application/x-ndjson}), read line by line so every problem carries its own line;
 * or one JSON value ({@code application/json}), an article object or an array of them, each
 * numbered by the line it starts on. Fields and synonyms are those of the {@code .jsonl} corpus
 * format, so a feed can post the lines it would write.
 */
public final class JsonArticles {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** How a body is laid out. */
  public enum Shape { LINES, JSON }

  /**
   * One article of the body, or why it is not one.
   *
   * @param number the line it is on (JSON Lines) or starts on (JSON)
   * @param item its 1-based position in a JSON array, else null
   */
  public record Line(int number, Integer item, Article article, String problem) {}

  /** A body that is not JSON at all: nothing after the error can be read. */
  public static final class Unreadable extends Exception {
    private final int line;

    Unreadable(int line, String message) {
      super(message);
      this.line = line;
    }

    public int line() {
      return line;
    }
  }

  private JsonArticles() {}

  /** When the sender does not say: an array, or a first line that is a whole value, decide it. */
  public static Shape sniff(String body) {
    String trimmed = body.strip();
    if (trimmed.startsWith("[")) {
      return Shape.JSON;
    }
    String first = trimmed.lines().findFirst().orElse("");
    try (JsonParser p = JSON.createParser(first)) {
      return JSON.readTree(p) != null && p.nextToken() == null ? Shape.LINES : Shape.JSON;
    } catch (IOException e) {
      return Shape.JSON; // a pretty-printed object's first line is not a whole value
    }
  }

  public static List<Line> read(String body, Shape shape) throws Unreadable {
    return shape == Shape.LINES ? lines(body) : json(body);
  }

  /** JSON Lines: every non-blank line on its own; a bad line never hides the ones after it. */
  public static List<Line> lines(String body) {
    List<Line> out = new ArrayList<>();
    String[] raw = body.split("\r?\n", -1);
    for (int i = 0; i < raw.length; i++) {
      if (raw[i].isBlank()) {
        continue;
      }
      try {
        out.add(new Line(i + 1, null, JsonlParser.article(raw[i]), null));
      } catch (BadRecordException e) {
        out.add(new Line(i + 1, null, null, e.getMessage()));
      }
    }
    return out;
  }

  /** One JSON value: an article object, or an array of article objects. */
  public static List<Line> json(String body) throws Unreadable {
    List<Line> out = new ArrayList<>();
    JsonParser parser = null;
    try (JsonParser p = JSON.createParser(body)) {
      parser = p;
      JsonToken first = p.nextToken();
      if (first == JsonToken.START_ARRAY) {
        int item = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
          out.add(article(p, ++item));
        }
      } else if (first != null) {
        out.add(article(p, null));
      }
      if (p.nextToken() != null) {
        throw new Unreadable(p.currentTokenLocation().getLineNr(), "more after the end of the JSON value at column "
            + p.currentTokenLocation().getColumnNr() + ": send one article, an array of articles, or JSON Lines "
            + "(one article per line) as Content-Type: application/x-ndjson");
      }
    } catch (JsonProcessingException e) {
      throw new Unreadable(JsonErrors.where(e, parser).getLineNr(), JsonlParser.invalid(e, parser));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // reading a String does not fail
    }
    return out;
  }

  private static Line article(JsonParser p, Integer item) throws IOException {
    int line = p.currentTokenLocation().getLineNr();
    JsonNode node = JSON.readTree(p);
    try {
      return new Line(line, item, JsonlParser.article(node), null);
    } catch (BadRecordException e) {
      return new Line(line, item, null, e.getMessage());
    }
  }
}
