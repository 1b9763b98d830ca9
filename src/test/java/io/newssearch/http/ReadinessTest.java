package io.newssearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.newssearch.TestIndexes;
import io.newssearch.lucene.LuceneEngine;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server whose first index is still being built: health, liveness and the API over real HTTP. */
class ReadinessTest {

  @TempDir Path dir;
  final HttpClient http = HttpClient.newHttpClient();
  final ObjectMapper json = new ObjectMapper();

  HttpResponse<String> send(Javalin app, String method, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
        .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void until_ready_health_is_503_with_progress_and_the_api_503_indexing_with_retry_after() throws Exception {
    TestIndexes.write(dir, TestIndexes.newsroom());
    Readiness readiness = Readiness.indexing();
    try (LuceneEngine engine = new LuceneEngine(dir)) {
      Javalin app = App.create(engine.search(), WriteAccess.disabled(), ServerLimits.DEFAULTS, new Metrics(),
          readiness, Cors.off()).start("127.0.0.1", 0);
      try {
        HttpResponse<String> health = send(app, "GET", "/health");
        assertEquals(503, health.statusCode());
        assertEquals("5", health.headers().firstValue("Retry-After").orElse(null));
        JsonNode progress = json.readTree(health.body());
        assertEquals("indexing", progress.get("status").asText());
        assertTrue(progress.get("files_total").isNull(), "not listed yet: " + progress);

        readiness.started(4, 4000);
        readiness.fileDone(1000, 10);
        readiness.fileDone(1000, 25);
        progress = json.readTree(send(app, "GET", "/health").body());
        assertEquals(2, progress.get("files_done").asInt());
        assertEquals(4, progress.get("files_total").asInt());
        assertEquals(25, progress.get("articles_done").asInt());
        assertEquals(2000, progress.get("bytes_done").asLong());
        assertEquals(4000, progress.get("bytes_total").asLong());

        assertEquals(200, send(app, "GET", "/health/live").statusCode(), "alive while indexing");
        for (String path : List.of("/api/search?q=naval", "/api/articles/naval-1", "/api/suggest?q=nav", "/api/stats")) {
          HttpResponse<String> r = send(app, "GET", path);
          assertEquals(503, r.statusCode(), path + " " + r.body());
          assertEquals("5", r.headers().firstValue("Retry-After").orElse(null), path);
          JsonNode error = json.readTree(r.body()).get("error");
          assertEquals("indexing", error.get("code").asText(), path);
          assertTrue(error.get("message").asText().contains("2 of 4 files, 25 articles"), error.toString());
        }
        assertEquals(204, send(app, "OPTIONS", "/api/search").statusCode(), "preflights are answered");
        assertEquals(200, send(app, "GET", "/").statusCode(), "the page loads and shows the API's message");

        readiness.markReady();
        HttpResponse<String> ready = send(app, "GET", "/health");
        assertEquals(200, ready.statusCode());
        assertEquals(TestIndexes.newsroom().size(), json.readTree(ready.body()).get("articles").asInt());
        assertEquals(200, send(app, "GET", "/api/search?q=naval").statusCode());
        assertEquals(200, send(app, "GET", "/health/live").statusCode());
      } finally {
        app.stop();
      }
    }
  }
}
