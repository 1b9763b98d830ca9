package io.newssearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.newssearch.TestHttp;
import io.newssearch.TestIndexes;
import io.newssearch.lucene.LuceneEngine;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /api/articles} bodies as feeds send them, over real HTTP: JSON Lines read line by
 * line (every error on its own line), one article or an array as JSON, the Content-Type obeyed
 * (415 naming the accepted ones), gzip bodies inflated within the body limit.
 */
class BulkWriteTest {

  static final String KEY = "bulk-key";
  static final long LIMIT = 64 * 1024;
  static final HttpClient http = HttpClient.newHttpClient();
  static final ObjectMapper json = new ObjectMapper();

  @TempDir Path dir;
  LuceneEngine engine;
  Javalin app;

  @BeforeEach
  void start() throws Exception {
    TestIndexes.write(dir, TestIndexes.newsroom());
    engine = new LuceneEngine(dir, Duration.ofMillis(100));
    app = App.create(engine.search(), new WriteAccess(engine.store(), engine.preparer(), List.of(), Optional.of(KEY)),
        new ServerLimits(LIMIT, 8192, Duration.ofSeconds(5)), new Metrics()).start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() throws Exception {
    app.stop();
    engine.close();
  }

  @Test
  void every_bad_json_line_is_reported_on_its_own_line() throws Exception {
    String batch = TestHttp.article("l1", "One") + "\nthis is not json\n\n" + TestHttp.article("l3", "Three")
        + " {\"id\": \"glued\"}\n[1, 2]\n{\"title\": 42}\n";
    JsonNode r = assertStatus(400, post(batch, "application/x-ndjson", false));
    assertEquals("invalid_articles", r.at("/error/code").asText());
    assertEquals("4 of 5 articles are invalid; nothing was written; first: line 2: invalid JSON at column 1: "
        + "Unrecognized token 'this': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or "
        + "'false')", r.at("/error/message").asText());
    JsonNode lines = r.at("/error/lines");
    assertEquals(List.of(2, 4, 5, 6), List.of(lines.get(0).get("line").asInt(), lines.get(1).get("line").asInt(),
        lines.get(2).get("line").asInt(), lines.get(3).get("line").asInt()));
    assertTrue(lines.get(1).get("message").asText().startsWith("more after the end of the JSON object at column "),
        lines.toString());
    assertEquals("not a JSON object but an array", lines.get(2).get("message").asText());
    assertEquals("field 'title' must be a string, not NUMBER", lines.get(3).get("message").asText());
    assertFalse(r.toString().contains("FAIL_ON_TRAILING_TOKENS") || r.toString().contains("jackson"), r.toString());
    assertEquals(404, TestHttp.send(app.port(), "GET", "/api/articles/l1", null, null).status(), "nothing written");
  }

  @Test
  void without_a_content_type_a_bad_second_line_is_still_line_2() throws Exception {
    JsonNode r = assertStatus(400, post(TestHttp.article("s1", "One") + "\nnot json\n", null, false));
    assertEquals(1, r.at("/error/lines").size());
    assertEquals(2, r.at("/error/lines/0/line").asInt());
    assertTrue(r.at("/error/message").asText().startsWith("1 of 2 articles are invalid"), r.toString());
  }

  @Test
  void json_takes_one_article_or_an_array_numbered_by_line_and_item() throws Exception {
    JsonNode one = assertStatus(200, post("{\n  \"id\": \"j1\",\n  \"title\": \"Pretty printed\",\n  \"body\": \"A body.\"\n}",
        "application/json", false));
    assertEquals(List.of("j1"), List.of(one.at("/ids/0").asText()));
    String array = "[\n" + TestHttp.article("a1", "First") + ",\n" + TestHttp.article("a2", "Second") + "\n]";
    JsonNode both = assertStatus(200, post(array, "application/json; charset=UTF-8", false));
    assertEquals(2, both.get("indexed").asInt());
    assertEquals(200, TestHttp.send(app.port(), "GET", "/api/articles/a2", null, null).status());

    JsonNode bad = assertStatus(400, post("[\n" + TestHttp.article("a3", "Fine") + ",\n\"a string\",\n{\"title\": []}\n]",
        "application/json", false));
    assertEquals("2 of 3 articles are invalid; nothing was written; first: line 3 (item 2): not a JSON object but a string",
        bad.at("/error/message").asText());
    assertEquals(4, bad.at("/error/lines/1/line").asInt());
    assertEquals(3, bad.at("/error/lines/1/item").asInt());

    JsonNode broken = assertStatus(400, post("[\n" + TestHttp.article("a4", "Fine") + ",\n{\"title\": \"x\",,}\n]",
        "application/json", false));
    assertEquals("invalid_json", broken.at("/error/code").asText());
    assertEquals(3, broken.at("/error/lines/0/line").asInt());
    JsonNode immense = assertStatus(400, post("[\n" + TestHttp.article("a4", "Fine") + ",\n{\"title\": \"x\", \"tags\": [\""
        + "t".repeat(40_000) + "\"]}\n]", "application/json", false));
    assertEquals("invalid_articles", immense.at("/error/code").asText(), "a 400 naming it, not a 500");
    assertEquals("a tag longer than 512 characters", immense.at("/error/lines/0/message").asText(), immense.toString());
    JsonNode deep = assertStatus(400, post("[\n" + TestHttp.article("a4", "Fine") + ",\n{\"title\": \"x\", \"x\": "
        + "[".repeat(5_000) + "]".repeat(5_000) + "}\n]", "application/json", false));
    assertEquals("invalid_json", deep.at("/error/code").asText());
    assertTrue(deep.at("/error/message").asText().contains("nesting depth"), deep.toString());
    assertEquals(3, deep.at("/error/lines/0/line").asInt(), "where the reader stopped");
    JsonNode twoObjects = assertStatus(400, post(TestHttp.article("a5", "x") + "\n" + TestHttp.article("a6", "y"),
        "application/json", false));
    assertTrue(twoObjects.at("/error/message").asText().contains("application/x-ndjson"), twoObjects.toString());
    assertEquals(404, TestHttp.send(app.port(), "GET", "/api/articles/a4", null, null).status());
  }

  @Test
  void other_content_types_are_a_415_naming_the_accepted_ones() throws Exception {
    for (String type : List.of("application/x-www-form-urlencoded", "text/plain", "application/xml")) {
      JsonNode r = assertStatus(415, post(TestHttp.article("t1", "x"), type, false));
      assertEquals("unsupported_media_type", r.at("/error/code").asText());
      assertTrue(r.at("/error/message").asText().contains("application/json or application/x-ndjson"), r.toString());
    }
    assertStatus(200, post(TestHttp.article("t2", "x"), "application/jsonl", false));
  }

  @Test
  void a_gzip_body_is_inflated_and_measured_after_inflating() throws Exception {
    StringBuilder batch = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      batch.append(TestHttp.article("g" + i, "Gauge " + i)).append('\n');
    }
    JsonNode ok = assertStatus(200, post(batch.toString(), "application/x-ndjson", true));
    assertEquals(20, ok.get("indexed").asInt());

    // 64 MB of spaces compress to ~64 KB... which is over the limit itself; 8 MB compress to 8 KB.
    byte[] bomb = gzip(" ".repeat(8 * 1024 * 1024).getBytes(StandardCharsets.UTF_8));
    assertTrue(bomb.length < LIMIT, "the compressed body is within the limit: " + bomb.length);
    JsonNode tooLarge = assertStatus(413, send(bomb, "application/x-ndjson", "gzip"));
    assertEquals("body_too_large", tooLarge.at("/error/code").asText());
    assertTrue(tooLarge.at("/error/message").asText().contains("once inflated"), tooLarge.toString());

    JsonNode notGzip = assertStatus(400, send("plain".getBytes(StandardCharsets.UTF_8), "application/json", "gzip"));
    assertEquals("invalid_encoding", notGzip.at("/error/code").asText());
    assertStatus(415, send("{}".getBytes(StandardCharsets.UTF_8), "application/json", "br"));
    assertEquals(200, TestHttp.send(app.port(), "GET", "/api/search?q=gauge", null, null).status(), "still serving");
  }

  static JsonNode assertStatus(int status, HttpResponse<String> r) throws Exception {
    assertEquals(status, r.statusCode(), r.body());
    return json.readTree(r.body());
  }

  HttpResponse<String> post(String body, String type, boolean gzip) throws Exception {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return send(gzip ? gzip(bytes) : bytes, type, gzip ? "gzip" : null);
  }

  HttpResponse<String> send(byte[] body, String type, String encoding) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/articles"))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Authorization", "Bearer " + KEY);
    if (type != null) {
      b.header("Content-Type", type);
    }
    if (encoding != null) {
      b.header("Content-Encoding", encoding);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static byte[] gzip(byte[] bytes) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }
}
