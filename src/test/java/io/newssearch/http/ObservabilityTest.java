package io.newssearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.javalin.Javalin;
import io.newssearch.lucene.LuceneEngine;
import io.newssearch.TestIndexes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The access log and {@code GET /metrics}, after real requests. */
class ObservabilityTest {

  @TempDir static Path dir;
  static LuceneEngine engine;
  static Metrics metrics;
  static Javalin app;
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    TestIndexes.write(dir, TestIndexes.newsroom());
    engine = new LuceneEngine(dir, Duration.ofMillis(20));
    metrics = new Metrics();
    engine.addRefreshListener(metrics.refreshListener());
    app = App.create(engine.search(), WriteAccess.disabled(), ServerLimits.DEFAULTS, metrics).start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() throws Exception {
    app.stop();
    engine.close();
    metrics.close();
  }

  static HttpResponse<String> get(String pathAndQuery, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + pathAndQuery));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void each_request_logs_one_line_with_client_method_path_query_status_bytes_time_and_id_but_no_secrets()
      throws Exception {
    Logger access = (Logger) org.slf4j.LoggerFactory.getLogger("io.newssearch.http.access");
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    access.addAppender(lines);
    HttpResponse<String> found;
    try {
      found = get("/api/search?q=naval&size=2", "Authorization", "Bearer s3cret-key", "X-Request-Id", "req-1");
      get("/api/articles/no-such-id");
      // Jetty writes the line once the response is complete, which may be just after the client has it.
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (lines.list.size() < 2 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
    } finally {
      access.detachAppender(lines);
    }
    List<String> logged = lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    assertEquals(2, logged.size(), logged.toString());
    long bytes = found.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    assertTrue(logged.get(0).matches("127\\.0\\.0\\.1 GET /api/search\\?q=naval&size=2 200 " + bytes
        + "B \\d+\\.\\dms req-1"), logged.get(0));
    assertTrue(logged.get(1).matches("127\\.0\\.0\\.1 GET /api/articles/no-such-id 404 \\d+B \\d+\\.\\dms [0-9a-f-]{36}"),
        logged.get(1));
    assertFalse(logged.toString().contains("s3cret"), "never the Authorization header");
    // The same parts as fields of their own, for JSON logs.
    List<String> fields = lines.list.get(0).getKeyValuePairs().stream().map(kv -> kv.key + "=" + kv.value).toList();
    assertEquals(List.of("client=127.0.0.1", "method=GET", "path=/api/search?q=naval&size=2", "status=200",
        "bytes=" + bytes, "request_id=req-1"), fields.stream().filter(f -> !f.startsWith("ms=")).toList());
  }

  @Test
  void metrics_after_a_few_requests_have_per_route_index_search_refresh_and_jvm_series() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertEquals(200, get("/api/search?q=naval").statusCode());
    }
    assertEquals(404, get("/api/articles/no-such-id").statusCode());
    assertEquals(404, get("/no/such/path").statusCode());
    // Wait for the refresh thread's first ticks (every 50 ms here; later on a loaded machine)
    // rather than for a fixed time.
    HttpResponse<String> r = get("/metrics");
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (valueOrZero(r.body(), "newssearch_index_refresh_seconds_count", "changed=\"false\"") < 1
        && System.nanoTime() < deadline) {
      Thread.sleep(50);
      r = get("/metrics");
    }
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("text/plain"));
    String text = r.body();

    assertTrue(value(text, "http_server_requests_seconds_count",
        "method=\"GET\",route=\"/api/search\",status=\"200\"") >= 3, text);
    assertTrue(value(text, "http_server_requests_seconds_count",
        "method=\"GET\",route=\"/api/articles/{id}\",status=\"404\"") >= 1, "route template, not raw path");
    assertTrue(value(text, "http_server_requests_seconds_count", "route=\"unmatched\",status=\"404\"") >= 1);
    assertFalse(text.contains("no-such-id") || text.contains("/no/such/path"), "no raw paths in labels");
    assertTrue(text.contains("http_server_requests_seconds_bucket{"), "a latency histogram");
    assertTrue(value(text, "newssearch_searches_seconds_count", "timed_out=\"false\"") >= 3);
    assertTrue(text.contains("newssearch_searches_seconds_bucket{"));
    assertEquals(TestIndexes.newsroom().size(), value(text, "newssearch_index_articles", ""));
    assertTrue(value(text, "newssearch_index_size_bytes", "") > 0);
    assertTrue(value(text, "newssearch_index_refresh_seconds_count", "changed=\"false\"") >= 1);
    assertTrue(value(text, "jvm_memory_used_bytes", "area=\"heap\"") > 0);
    assertTrue(text.contains("jvm_threads_live_threads"));
    assertTrue(text.contains("jvm_gc_"));
  }

  @Test
  void the_server_knows_once_it_has_answered_a_users_search() throws Exception {
    try (Metrics fresh = new Metrics()) {
      assertFalse(fresh.anySearchAnswered());
    }
    assertEquals(200, get("/api/search?q=naval").statusCode());
    assertTrue(metrics.anySearchAnswered(), "the start-up warm-up stops on it");
  }

  static double valueOrZero(String text, String name, String labels) {
    try {
      return value(text, name, labels);
    } catch (AssertionError e) {
      return 0;
    }
  }

  /** The value of the first sample of {@code name} whose labels contain {@code labels}. */
  static double value(String text, String name, String labels) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{.*\\})? (\\S+)$").matcher(text);
    while (m.find()) {
      String found = m.group(1) == null ? "" : m.group(1);
      if (found.contains(labels)) {
        return Double.parseDouble(m.group(2));
      }
    }
    throw new AssertionError("no sample " + name + " with " + labels + " in:\n"
        + text.lines().filter(l -> l.startsWith(name)).toList());
  }
}
