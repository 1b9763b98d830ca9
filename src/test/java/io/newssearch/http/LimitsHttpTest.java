package io.newssearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.newssearch.lucene.LuceneEngine;
import io.newssearch.TestIndexes;
import io.newssearch.lucene.IndexHandle;
import io.newssearch.search.SearchLimits;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every limit over real HTTP, on a server configured with small limits so each is easy to trip:
 * each answer is the JSON error body with the status the README documents, never Jetty's HTML.
 */
class LimitsHttpTest {

  static final ServerLimits SERVER = new ServerLimits(1024, 2048, Duration.ofSeconds(5));
  static final SearchLimits SEARCH = new SearchLimits(50, 8, 5, Duration.ofSeconds(30));

  @TempDir static Path dir;
  static LuceneEngine engine, hurried;
  static Javalin app, hurriedApp;
  static final HttpClient http = HttpClient.newHttpClient();
  static final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void start() throws Exception {
    TestIndexes.write(dir, TestIndexes.newsroom());
    engine = new LuceneEngine(dir, IndexHandle.DEFAULT_REFRESH_INTERVAL, SEARCH);
    app = App.create(engine.search(), WriteAccess.disabled(), SERVER, new Metrics()).start("127.0.0.1", 0);
    hurried = new LuceneEngine(dir, IndexHandle.DEFAULT_REFRESH_INTERVAL,
        SearchLimits.DEFAULTS.withTimeBudget(Duration.ofNanos(1)));
    hurriedApp = App.create(hurried.search()).start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() throws Exception {
    app.stop();
    hurriedApp.stop();
    engine.close();
    hurried.close();
  }

  record Reply(int status, JsonNode body, String contentType) {
    String code() {
      return body.at("/error/code").asText();
    }

    String message() {
      return body.at("/error/message").asText();
    }
  }

  static Reply send(HttpRequest.Builder request) throws Exception {
    HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(r.statusCode(), json.readTree(r.body()), r.headers().firstValue("content-type").orElse(""));
  }

  static HttpRequest.Builder at(Javalin server, String pathAndQuery) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery));
  }

  static Reply get(String pathAndQuery) throws Exception {
    return send(at(app, pathAndQuery));
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void a_body_over_the_cap_is_413_before_any_route_reads_it() throws Exception {
    Reply r = send(at(app, "/api/search").POST(HttpRequest.BodyPublishers.ofString("x".repeat(2000))));
    assertEquals(413, r.status());
    assertTrue(r.contentType().startsWith("application/json"), r.contentType());
    assertEquals("body_too_large", r.code());
    assertTrue(r.message().contains("2000 bytes") && r.message().contains("1024 bytes"), r.message());
    Reply small = send(at(app, "/api/stats").POST(HttpRequest.BodyPublishers.ofString("x".repeat(100))));
    assertEquals(405, small.status(), "under the cap, the router decides: /api/stats takes no POST");
  }

  @Test
  void a_uri_over_the_header_limit_is_a_json_414() throws Exception {
    Reply r = get("/api/search?q=" + "x".repeat(3000));
    assertEquals(414, r.status());
    assertTrue(r.contentType().startsWith("application/json"), r.contentType());
    assertEquals("uri_too_long", r.code());
  }

  @Test
  void headers_over_the_limit_are_a_json_431() throws Exception {
    Reply r = send(at(app, "/health").header("X-Padding", "y".repeat(3000)));
    assertEquals(431, r.status());
    assertTrue(r.contentType().startsWith("application/json"), r.contentType());
    assertEquals("headers_too_large", r.code());
  }

  @Test
  void a_malformed_request_jetty_refuses_gets_a_json_400() throws Exception {
    try (Socket s = new Socket("127.0.0.1", app.port())) {
      OutputStream out = s.getOutputStream();
      // A header line without a colon: Jetty's parser refuses it before Javalin sees anything.
      out.write("GET /health HTTP/1.1\r\nHost: x\r\nno colon here\r\nConnection: close\r\n\r\n"
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      String raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(raw.startsWith("HTTP/1.1 400"), raw);
      assertTrue(raw.toLowerCase().contains("content-type: application/json"), raw);
      JsonNode body = json.readTree(raw.substring(raw.indexOf("\r\n\r\n") + 4));
      assertFalse(body.at("/error/code").asText().isEmpty(), raw);
      assertFalse(raw.contains("<html"), raw);
    }
  }

  @Test
  void q_longer_than_the_cap_is_a_400_naming_q_and_the_limit() throws Exception {
    Reply r = get("/api/search?q=" + "naval".repeat(11));
    assertEquals(400, r.status());
    assertTrue(r.message().contains("'q'") && r.message().contains("limit is 50"), r.message());
  }

  @Test
  void too_many_clauses_is_a_400_naming_the_limit() throws Exception {
    Reply r = get("/api/search?q=" + enc("a b c d e"));
    assertEquals(400, r.status());
    assertEquals("too_many_clauses", r.code());
    assertTrue(r.message().contains("limit is 8"), r.message());
  }

  @Test
  void a_wide_prefix_is_a_400_naming_the_expansion_limit() throws Exception {
    Reply r = get("/api/search?q=" + enc("body:s*"));
    assertEquals(400, r.status());
    assertEquals("too_many_expansions", r.code());
    assertTrue(r.message().contains("more than 5 terms"), r.message());
  }

  @Test
  void a_regex_matching_anything_is_refused_and_leading_wildcards_too() throws Exception {
    Reply regex = get("/api/search?q=" + enc("/.*/"));
    assertEquals(400, regex.status());
    assertEquals("regexp_without_prefix", regex.code());
    Reply wildcard = get("/api/search?q=" + enc("*ship") + "&strict=true");
    assertEquals(400, wildcard.status());
    // Was a 500 after 24 s, and an OutOfMemoryError with 30 repetitions.
    Reply nested = get("/api/search?q=" + enc("naval /a" + "+".repeat(30) + "/"));
    assertEquals(400, nested.status());
    assertEquals("regexp_too_complex", nested.code());
  }

  @Test
  void a_search_past_its_time_budget_is_a_200_with_timed_out() throws Exception {
    Reply r = send(at(hurriedApp, "/api/search?q=" + enc("naval OR drill OR bank")));
    assertEquals(200, r.status());
    assertTrue(r.body().get("timed_out").asBoolean(), r.body().toString());
    Reply normal = get("/api/search?q=naval");
    assertFalse(normal.body().get("timed_out").asBoolean(), "false when the budget is not spent");
  }
}
