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
import java.util.EnumMap;
import java.util.Map;

/**
 * One JSON object per line ({@code .jsonl}, {@code .ndjson}, optionally gzipped). Field names vary
 * between exporters, so each article field accepts its common names ({@link ArticleFields}).
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
    JsonParser parser = null;
    try (JsonParser p = JSON.createParser(line)) {
      parser = p;
      JsonNode node = JSON.readTree(p);
      if (node != null && p.nextToken() != null) {
        throw new BadRecordException("more after the end of the JSON " + (node.isObject() ? "object" : "value")
            + " at column " + p.currentTokenLocation().getColumnNr() + ": one article per line");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new BadRecordException(invalid(e, parser));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e); // reading a String does not fail
    }
  }

  /** Jackson's words for a syntax error, with the column (the line is the caller's). */
  static String invalid(JsonProcessingException e, JsonParser p) {
    return "invalid JSON at column " + JsonErrors.where(e, p).getColumnNr() + ": " + e.getOriginalMessage();
  }

  /** An article from a JSON value that should be an article object. */
  static Article article(JsonNode node) throws BadRecordException {
    if (node == null || !node.isObject()) {
      throw new BadRecordException("not a JSON object but " + (node == null ? "nothing" : describe(node)));
    }
    Fields f = new Fields(node);
    String body = f.text(ArticleFields.BODY, false);
    return Article.builder()
        .id(f.text(ArticleFields.ID, true))
        .url(f.text(ArticleFields.URL, false))
        .title(f.text(ArticleFields.TITLE, false))
        .body(body != null ? body : f.text(ArticleFields.SUMMARY, false))
        .published(f.date(ArticleFields.PUBLISHED))
        .language(LanguageCodes.normalise(f.text(ArticleFields.LANGUAGE, false)))
        .tags(f.tags(ArticleFields.TAGS))
        .source(f.name(ArticleFields.SOURCE))
        .author(f.name(ArticleFields.AUTHOR))
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

  /** One object's article fields, each under the first of its names the object has (null values left out). */
  private static final class Fields {
    private final JsonNode node;
    private final Map<ArticleFields, String> names = new EnumMap<>(ArticleFields.class);

    Fields(JsonNode node) {
      this.node = node;
      List<String> keys = new ArrayList<>();
      node.fieldNames().forEachRemaining(k -> {
        if (!node.get(k).isNull()) {
          keys.add(k);
        }
      });
      ArticleFields.find(keys).forEach((field, i) -> names.put(field, keys.get(i)));
    }

    /** The field as text; numbers only where they make sense (ids). */
    String text(ArticleFields field, boolean numberOk) throws BadRecordException {
      String name = names.get(field);
      if (name == null) return null;
      JsonNode v = node.get(name);
      if (v.isTextual() || (numberOk && v.isIntegralNumber())) return v.asText();
      throw new BadRecordException("field '" + name + "' must be a string, not " + v.getNodeType());
    }

    /**
     * A source or an author: a string, an object with a {@code name} (NewsAPI's source, schema.org's
     * publisher), or for several authors an array of those, joined by commas.
     */
    String name(ArticleFields field) throws BadRecordException {
      String name = names.get(field);
      if (name == null) return null;
      JsonNode v = node.get(name);
      if (!v.isArray()) return nameOf(v, name);
      List<String> all = new ArrayList<>();
      for (JsonNode each : v) {
        String n = nameOf(each, name);
        if (n != null && !n.isBlank()) all.add(n.strip());
      }
      return all.isEmpty() ? null : String.join(", ", all);
    }

    private static String nameOf(JsonNode v, String field) throws BadRecordException {
      if (v.isTextual()) return v.asText();
      JsonNode n = v.isObject() ? v.get("name") : null;
      if (n != null && (n.isTextual() || n.isNull())) return n.isNull() ? null : n.asText();
      throw new BadRecordException("field '" + field + "' must be a string or an object with a 'name', not "
          + (v.isObject() ? "an object without one" : v.getNodeType().toString()));
    }

    Instant date(ArticleFields field) throws BadRecordException {
      String name = names.get(field);
      if (name == null) return null;
      JsonNode v = node.get(name);
      if (v.isIntegralNumber()) {
        // Epoch time: exporters write seconds or milliseconds; 10^11 seconds is the year 5138.
        long n = v.asLong();
        try {
          return n < 100_000_000_000L ? Instant.ofEpochSecond(n) : Instant.ofEpochMilli(n);
        } catch (java.time.DateTimeException e) { // seconds before Instant.MIN
          throw new BadRecordException("epoch time " + v.asText() + " in field '" + name + "' is out of range");
        }
      }
      if (!v.isTextual()) {
        throw new BadRecordException("field '" + name + "' must be a date string, not " + v.getNodeType());
      }
      return DateParser.parseField(v.asText()).orElseThrow(() ->
          new BadRecordException("unparseable date '" + v.asText() + "' in field '" + name + "'"));
    }

    List<String> tags(ArticleFields field) throws BadRecordException {
      String name = names.get(field);
      if (name == null) return List.of();
      JsonNode v = node.get(name);
      if (v.isTextual()) return Tags.split(v.asText());
      if (!v.isArray()) {
        throw new BadRecordException("field '" + name + "' must be an array or a string, not " + v.getNodeType());
      }
      List<String> tags = new ArrayList<>();
      for (JsonNode t : v) {
        if (!t.isTextual()) {
          throw new BadRecordException("field '" + name + "' must hold strings, not " + t.getNodeType());
        }
        tags.add(t.asText());
      }
      return Tags.dedupe(tags);
    }
  }
}
