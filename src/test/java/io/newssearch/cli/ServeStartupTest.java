package io.newssearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newssearch.TestProcesses;
import java.io.IOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve --corpus} as a service manager starts it, in a child JVM configured only through
 * the environment: it listens while it builds the first index (503 with progress, liveness 200),
 * then answers; its log is JSON lines, Lucene's java.util.logging ones included.
 */
class ServeStartupTest {

  static final int ARTICLES = 500;

  @TempDir Path tmp;
  final HttpClient http = HttpClient.newHttpClient();
  final ObjectMapper json = new ObjectMapper();

  @Test
  void serve_listens_while_it_indexes_then_answers_configured_by_the_environment() throws Exception {
    Path corpus = corpus(tmp.resolve("corpus"));
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path log = tmp.resolve("serve.log");
    Process serve = TestProcesses.newssearch(log, Map.of("NEWSSEARCH_PORT", Integer.toString(port),
        "NEWSSEARCH_INDEX", tmp.resolve("index").toString(), "NEWSSEARCH_CORPUS", corpus.toString(),
        "NEWSSEARCH_LOG_FORMAT", "json"), "serve");
    List<Integer> healthStatuses = new ArrayList<>();
    try {
      JsonNode indexing = null;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
      while (System.nanoTime() < deadline && serve.isAlive()) {
        HttpResponse<String> health;
        try {
          health = get(port, "/health");
        } catch (IOException notListeningYet) {
          Thread.sleep(20);
          continue;
        }
        healthStatuses.add(health.statusCode());
        if (health.statusCode() == 200) {
          break;
        }
        assertEquals(503, health.statusCode(), health.body());
        indexing = json.readTree(health.body());
        assertEquals(200, get(port, "/health/live").statusCode(), "alive while indexing");
        HttpResponse<String> search = get(port, "/api/search?q=harbour");
        assertTrue(search.statusCode() == 503 || search.statusCode() == 200, search.body());
        Thread.sleep(100);
      }
      assertTrue(!healthStatuses.isEmpty() && healthStatuses.get(0) == 503,
          "the first answer says it is indexing: " + healthStatuses + "\n" + Files.readString(log));
      assertEquals(200, healthStatuses.get(healthStatuses.size() - 1), healthStatuses + "\n" + Files.readString(log));
      assertEquals("indexing", indexing.get("status").asText());
      assertEquals(1, indexing.get("files_total").asInt(), indexing.toString());

      JsonNode ready = json.readTree(get(port, "/health").body());
      assertEquals(ARTICLES, ready.get("articles").asInt(), "every article searchable once ready");
      HttpResponse<String> found = get(port, "/api/search?q=harbour+gauge&collapse=none");
      assertEquals(200, found.statusCode());
      assertEquals(ARTICLES, json.readTree(found.body()).get("total").asInt());
    } finally {
      serve.destroy();
      serve.waitFor(30, TimeUnit.SECONDS);
    }
    List<JsonNode> lines = new ArrayList<>();
    for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
      if (line.startsWith("{")) {
        lines.add(json.readTree(line));
      }
    }
    assertTrue(lines.stream().anyMatch(l -> l.get("loggerName").asText().startsWith("org.apache.lucene")),
        "java.util.logging (Lucene) in the same JSON format");
    JsonNode access = lines.stream().filter(l -> l.get("loggerName").asText().equals("io.newssearch.http.access"))
        .filter(l -> l.get("formattedMessage").asText().contains("/api/search?q=harbour+gauge&collapse=none")).findFirst()
        .orElseThrow(() -> new AssertionError("no access line in " + lines.size() + " JSON lines"));
    assertTrue(access.get("timestamp").asLong() > 0, access.toString());
    assertTrue(access.get("kvpList").toString().contains("\"status\":\"200\"")
        || access.get("kvpList").toString().contains("\"status\":200"), access.toString());
    assertTrue(lines.stream().anyMatch(l -> l.get("formattedMessage").asText().contains("shutdown complete")));
  }

  HttpResponse<String> get(int port, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** One JSON Lines file of articles, large enough that indexing takes a while. */
  static Path corpus(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve("feed.jsonl");
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < ARTICLES; i++) {
        w.write("{\"id\":\"a-" + i + "\",\"title\":\"Harbour gauge reading " + i + "\",\"language\":\"en\","
            + "\"date\":\"2025-05-05\",\"body\":\"The harbour gauge at pier " + i + " recorded the tide. "
            + "Harbour master Ann Lee said reading " + i + " was within the usual range for the season.\"}\n");
      }
    }
    return dir;
  }
}
