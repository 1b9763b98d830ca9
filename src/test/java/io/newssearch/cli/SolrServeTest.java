package io.newssearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newssearch.TestProcesses;
import io.newssearch.solr.SolrTestCluster;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code newssearch serve --backend solr} as a user starts it: indexes the corpus on first start (503 meanwhile), then answers. */
class SolrServeTest {

  @TempDir Path tmp;

  @Test
  void serve_on_solrcloud_indexes_the_empty_collection_and_answers_over_http() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path log = tmp.resolve("serve.log");
    Process serve = TestProcesses.newssearch(log, "serve", "--backend", "solr", "--zk", SolrTestCluster.shared().zk(),
        "--collection", "served", "--shards", "2", "--replicas", "2", "--port", Integer.toString(port),
        "--corpus", "sample-corpus");
    try {
      HttpClient http = HttpClient.newHttpClient();
      JsonNode health = null;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
      while (health == null && System.nanoTime() < deadline && serve.isAlive()) {
        try {
          HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
              + "/health")).build(), HttpResponse.BodyHandlers.ofString());
          if (r.statusCode() == 200) {
            health = new ObjectMapper().readTree(r.body());
          } else {
            assertEquals(503, r.statusCode(), "indexing: " + r.body());
            Thread.sleep(250);
          }
        } catch (java.io.IOException notYet) {
          Thread.sleep(250);
        }
      }
      assertTrue(health != null, "the server is ready; its log:\n" + Files.readString(log));
      assertEquals(71, health.get("articles").asInt(), health.toString());
      HttpResponse<String> found = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
          + "/api/search?q=naval+drill&lang=en")).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, found.statusCode(), found.body());
      JsonNode body = new ObjectMapper().readTree(found.body());
      assertTrue(body.at("/hits/0/title").asText().startsWith("Coastal Fleet Stages Naval Drill"), found.body());
      assertTrue(body.at("/hits/0/highlight/title").asText().contains("<mark>"), found.body());
      assertEquals(400, http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
          + "/api/search?q=naval+AND+(&strict=true")).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
    } finally {
      serve.destroy(); // SIGTERM: the ordered shutdown
      serve.waitFor(30, TimeUnit.SECONDS);
    }
    assertTrue(Files.readString(log).contains("shutdown complete"), Files.readString(log));
  }
}
