package io.newssearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import io.newssearch.lucene.LuceneEngine;
import io.newssearch.TestHttp;
import io.newssearch.TestHttp.Reply;
import io.newssearch.TestIndexes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may write, over HTTP against the real server; what writes do is the same on every backend
 * ({@code backend.WritesContract}).
 */
class WriteApiTest {

  static final String KEY = "s3cret-admin-key";
  static final HttpClient http = HttpClient.newHttpClient();

  @TempDir Path dir;
  LuceneEngine engine;
  Javalin app;

  @BeforeEach
  void start() throws Exception {
    TestIndexes.write(dir, TestIndexes.newsroom());
    engine = new LuceneEngine(dir, Duration.ofMillis(100));
    app = App.create(engine.search(), new WriteAccess(engine.store(), engine.preparer(),
        List.of(Path.of("sample-corpus")), Optional.of(KEY))).start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() throws Exception {
    app.stop();
    engine.close();
  }

  Reply send(String method, String path, String body, String key) throws Exception {
    return TestHttp.send(app.port(), method, path, body, key);
  }


  @Test
  void writes_need_the_admin_key() throws Exception {
    assertEquals(401, send("POST", "/api/articles", TestHttp.article("w1", "Tide record"), null).status());
    Reply wrong = send("POST", "/api/articles", TestHttp.article("w1", "Tide record"), "guess");
    assertEquals(401, wrong.status());
    assertEquals("unauthorized", wrong.body().at("/error/code").asText());
    assertEquals(401, send("DELETE", "/api/articles/naval-1", null, "guess").status());
    assertEquals(401, send("POST", "/api/reindex", null, null).status());
    assertTrue(send("GET", "/api/articles/naval-1", null, null).status() == 200, "reads stay open");
  }

  @Test
  void a_key_differing_only_in_case_is_refused_on_a_reused_connection() throws Exception {
    HttpClient keepAlive = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    URI uri = URI.create("http://127.0.0.1:" + app.port() + "/api/articles/no-such-id");
    for (String key : List.of(KEY, KEY.toUpperCase(java.util.Locale.ROOT))) {
      HttpResponse<String> r = keepAlive.send(HttpRequest.newBuilder(uri).DELETE()
          .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(key.equals(KEY) ? 404 : 401, r.statusCode(), key);
    }
  }

  @Test
  void without_a_configured_key_writes_are_disabled_with_a_hint() throws Exception {
    Javalin readOnly = App.create(engine.search()).start("127.0.0.1", 0);
    try {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + readOnly.port() + "/api/articles"))
          .POST(HttpRequest.BodyPublishers.ofString(TestHttp.article("w1", "x"))).header("Authorization", "Bearer " + KEY)
          .build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(403, r.statusCode());
      assertTrue(r.body().contains(WriteAccess.KEY_ENV), r.body());
    } finally {
      readOnly.stop();
    }
  }

}
