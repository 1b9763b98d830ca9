package io.newssearch.ingest;

import io.newssearch.article.LanguageCodes;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newssearch.article.Article;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One JSON object per line ({@code .jsonl}, {@code .ndjson}, optionally gzipped). Field names vary
 * between exporters, so each article field accepts its common synonyms; the first one present wins.
 * A line that is not a usable object is rejected with its line number and parsing goes on.
 */
final class JsonlParser implements ArticleParser {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public void parse(Path file, RecordSink sink) throws IOException {
    try (BufferedReader reader = TextFiles.open(file)) {
      int lineNo = 0;
      for (String line; (line = reader.readLine()) != null; ) {
        lineNo++;
        if (line.isBlank()) continue;
        try {
          sink.accept(article(line), lineNo);
        } catch (BadRecordException e) {
          sink.reject(lineNo, e.getMessage());
        }
      }
    }
  }

  static Article article(String line) throws BadRecordException {
    return article(node(line));
  }

  /**
   * One line's JSON value. Anything after it on the line is an error, not silently dropped, said
   * in words rather than in Jackson's (whose FAIL_ON_TRAILING_TOKENS message names its own setting).
   */
  private static JsonNode node(String line) throws BadRecordException {
    try (JsonParser p = JSON.createParser(line)) {
      JsonNode node = JSON.readTree(p);
      if (node != null && p.nextToken() != null) {
        throw new BadRecordException("more after the end of the JSON " + (node.isObject() ? "object" : "value")
            + " at column " + p.currentTokenLocation().getColumnNr() + ": one article per line");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new BadRecordException(invalid(e));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e); // reading a String does not fail
    }
  }

  /** Jackson's words for a syntax error, with the column (the line is the caller's). */
  static String invalid(JsonProcessingException e) {
    return "invalid JSON at column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage();
  }

  /** An article from a JSON value that should be an article object. */
  static Article article(JsonNode node) throws BadRecordException {
    if (node == null || !node.isObject()) {
      throw new BadRecordException("not a JSON object but " + (node == null ? "nothing" : describe(node)));
    }
    return Article.builder()
        .id(text(node, true, "id", "_id", "guid"))
        .url(text(node, false, "url", "link"))
        .title(text(node, false, "title", "headline"))
        .body(text(node, false, "body", "text", "content"))
        .published(date(node, "published", "date", "published_at", "publishedAt"))
        .language(LanguageCodes.normalise(text(node, false, "language", "lang")))
        .tags(tags(node, "tags", "keywords", "categories"))
        .source(text(node, false, "source", "publisher", "site"))
        .author(text(node, false, "author", "byline"))
        .build();
  }

  private static String describe(JsonNode node) {
    return switch (node.getNodeType()) {
      case ARRAY -> "an array";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      default -> node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    };
  }

  private static Optional<String> firstField(JsonNode node, String... names) {
    for (String name : names) {
      JsonNode v = node.get(name);
      if (v != null && !v.isNull()) return Optional.of(name);
    }
    return Optional.empty();
  }

  /** The first present field of {@code names} as text; numbers only where they make sense (ids). */
  private static String text(JsonNode node, boolean numberOk, String... names) throws BadRecordException {
    Optional<String> name = firstField(node, names);
    if (name.isEmpty()) return null;
    JsonNode v = node.get(name.get());
    if (v.isTextual() || (numberOk && v.isIntegralNumber())) return v.asText();
    throw new BadRecordException("field '" + name.get() + "' must be a string, not " + v.getNodeType());
  }

  private static Instant date(JsonNode node, String... names) throws BadRecordException {
    Optional<String> name = firstField(node, names);
    if (name.isEmpty()) return null;
    JsonNode v = node.get(name.get());
    if (v.isIntegralNumber()) {
      // Epoch time: exporters write seconds or milliseconds; 10^11 seconds is the year 5138.
      long n = v.asLong();
      try {
        return n < 100_000_000_000L ? Instant.ofEpochSecond(n) : Instant.ofEpochMilli(n);
      } catch (java.time.DateTimeException e) { // seconds before Instant.MIN
        throw new BadRecordException("epoch time " + v.asText() + " in field '" + name.get() + "' is out of range");
      }
    }
    if (!v.isTextual()) {
      throw new BadRecordException("field '" + name.get() + "' must be a date string, not " + v.getNodeType());
    }
    return DateParser.parse(v.asText()).orElseThrow(() ->
        new BadRecordException("unparseable date '" + v.asText() + "' in field '" + name.get() + "'"));
  }

  private static List<String> tags(JsonNode node, String... names) throws BadRecordException {
    Optional<String> name = firstField(node, names);
    if (name.isEmpty()) return List.of();
    JsonNode v = node.get(name.get());
    if (v.isTextual()) return Tags.split(v.asText());
    if (!v.isArray()) {
      throw new BadRecordException("field '" + name.get() + "' must be an array or a string, not " + v.getNodeType());
    }
    List<String> tags = new ArrayList<>();
    for (JsonNode t : v) {
      if (!t.isTextual()) {
        throw new BadRecordException("field '" + name.get() + "' must hold strings, not " + t.getNodeType());
      }
      tags.add(t.asText());
    }
    return Tags.dedupe(tags);
  }
}
