package io.newssearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.newssearch.TestIndexes;
import io.newssearch.lucene.LuceneEngine;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What HTTP clients and browsers expect of any server, over real HTTP: 405 with {@code Allow},
 * {@code HEAD} like {@code GET}, {@code OPTIONS}, CORS off by default and on for configured
 * origins (preflight included), {@code Vary: Accept-Encoding}, request ids, plain-text error
 * messages, and the security headers of the HTML pages.
 */
class HttpConventionsTest {

  static final String ALLOWED = "https://news.example.org";

  @TempDir static Path dir;
  static LuceneEngine engine;
  /** CORS off, as by default. */
  static Javalin plain;
  /** CORS for {@link #ALLOWED} and http://localhost:3000. */
  static Javalin cors;
  /** CORS for any origin. */
  static Javalin anyOrigin;
  static final HttpClient http = HttpClient.newHttpClient();
  static final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void start() throws Exception {
    TestIndexes.write(dir, TestIndexes.newsroom());
    engine = new LuceneEngine(dir);
    plain = App.create(engine.search()).start("127.0.0.1", 0);
    cors = server(Cors.allowing(List.of(ALLOWED, "http://LOCALHOST:3000/")));
    anyOrigin = server(Cors.allowing(List.of("*")));
  }

  static Javalin server(Cors policy) throws Exception {
    return App.create(engine.search(), WriteAccess.disabled(), ServerLimits.DEFAULTS, new Metrics(),
        Readiness.ready(), policy).start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() throws Exception {
    plain.stop();
    cors.stop();
    anyOrigin.stop();
    engine.close();
  }

  static HttpResponse<byte[]> send(Javalin app, String method, String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
        .method(method, HttpRequest.BodyPublishers.noBody());
    if (headers.length > 0) {
      b.headers(headers);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  static String header(HttpResponse<?> r, String name) {
    return r.headers().firstValue(name).orElse(null);
  }

  static JsonNode body(HttpResponse<byte[]> r) throws Exception {
    return json.readTree(r.body());
  }

  @Test
  void a_wrong_method_on_a_known_path_is_405_with_allow_and_the_json_error() throws Exception {
    HttpResponse<byte[]> r = send(plain, "PUT", "/api/search?q=naval");
    assertEquals(405, r.statusCode());
    assertEquals("GET, POST, HEAD, OPTIONS", header(r, "Allow"));
    assertTrue(header(r, "Content-Type").startsWith("application/json"));
    assertEquals("method_not_allowed", body(r).at("/error/code").asText());
    assertTrue(body(r).at("/error/message").asText().contains("PUT is not allowed on /api/search"));

    HttpResponse<byte[]> article = send(plain, "PATCH", "/api/articles/naval-1");
    assertEquals(405, article.statusCode());
    assertEquals(List.of("DELETE", "GET", "HEAD", "OPTIONS"), sorted(header(article, "Allow")));
    HttpResponse<byte[]> write = send(plain, "GET", "/api/articles");
    assertEquals(405, write.statusCode());
    assertEquals(List.of("OPTIONS", "POST"), sorted(header(write, "Allow")));
    assertEquals(405, send(plain, "DELETE", "/health").statusCode());

    HttpResponse<byte[]> unknown = send(plain, "PUT", "/no/such/path");
    assertEquals(404, unknown.statusCode(), "an unknown path stays a 404");
    assertEquals("not_found", body(unknown).at("/error/code").asText());
  }

  static List<String> sorted(String allow) {
    return List.of(allow.split(",\\s*")).stream().sorted().toList();
  }

  @Test
  void HEAD_answers_the_status_and_headers_of_GET_without_a_body() throws Exception {
    for (String path : List.of("/api/search?q=naval", "/api/articles/naval-1", "/api/stats", "/health", "/",
        "/articles/naval-1", "/assets/app.js", "/openapi.json", "/metrics", "/api/articles/no-such-id")) {
      HttpResponse<byte[]> get = send(plain, "GET", path);
      HttpResponse<byte[]> head = send(plain, "HEAD", path);
      assertEquals(get.statusCode(), head.statusCode(), path);
      for (String h : List.of("Content-Type", "ETag", "Cache-Control", "Content-Security-Policy", "Vary",
          "X-Content-Type-Options")) {
        assertEquals(header(get, h), header(head, h), path + " " + h);
      }
      assertEquals(0, head.body().length, path);
      assertTrue(get.body().length > 0, path);
    }
    assertEquals(404, send(plain, "HEAD", "/no/such/path").statusCode());
  }

  @Test
  void OPTIONS_without_cors_lists_the_methods_and_sends_no_cors_headers() throws Exception {
    HttpResponse<byte[]> r = send(plain, "OPTIONS", "/api/articles/naval-1", "Origin", ALLOWED,
        "Access-Control-Request-Method", "DELETE");
    assertEquals(204, r.statusCode());
    assertEquals(List.of("DELETE", "GET", "HEAD", "OPTIONS"), sorted(header(r, "Allow")));
    assertEquals(null, header(r, "Content-Type"), "no content, no type");
    assertEquals(null, header(r, "Access-Control-Allow-Origin"));
    assertEquals(null, header(r, "Access-Control-Allow-Methods"));
    assertEquals(null, header(send(plain, "GET", "/api/search?q=naval", "Origin", ALLOWED),
        "Access-Control-Allow-Origin"), "CORS is off by default");
    assertEquals(404, send(plain, "OPTIONS", "/no/such/path").statusCode());
  }

  @Test
  void cors_answers_an_allowed_origin_on_every_answer_and_no_other() throws Exception {
    HttpResponse<byte[]> ok = send(cors, "GET", "/api/search?q=naval", "Origin", ALLOWED);
    assertEquals(200, ok.statusCode());
    assertEquals(ALLOWED, header(ok, "Access-Control-Allow-Origin"));
    assertTrue(header(ok, "Vary").contains("Origin"), header(ok, "Vary"));
    assertTrue(header(ok, "Access-Control-Expose-Headers").contains("X-Request-Id"));
    assertEquals(null, header(ok, "Access-Control-Allow-Credentials"));

    HttpResponse<byte[]> error = send(cors, "GET", "/api/search?q=x&size=0", "Origin", ALLOWED);
    assertEquals(400, error.statusCode());
    assertEquals(ALLOWED, header(error, "Access-Control-Allow-Origin"), "errors are readable cross-origin too");

    assertEquals("http://localhost:3000",
        header(send(cors, "GET", "/health", "Origin", "http://localhost:3000"), "Access-Control-Allow-Origin"));
    HttpResponse<byte[]> other = send(cors, "GET", "/api/search?q=naval", "Origin", "https://evil.example");
    assertEquals(200, other.statusCode(), "served, but the browser will not hand it to the page");
    assertEquals(null, header(other, "Access-Control-Allow-Origin"));
    assertEquals(null, header(send(cors, "GET", "/health", "Origin", "null"), "Access-Control-Allow-Origin"));
    assertEquals(null, header(send(cors, "GET", "/health", "Origin", ALLOWED + ".evil.example"),
        "Access-Control-Allow-Origin"));
  }

  @Test
  void a_preflight_from_an_allowed_origin_gets_the_paths_methods_and_the_api_headers() throws Exception {
    HttpResponse<byte[]> r = send(cors, "OPTIONS", "/api/articles", "Origin", ALLOWED,
        "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "authorization, content-type");
    assertEquals(204, r.statusCode());
    assertEquals(ALLOWED, header(r, "Access-Control-Allow-Origin"));
    assertEquals(List.of("OPTIONS", "POST"), sorted(header(r, "Access-Control-Allow-Methods")));
    String allowedHeaders = header(r, "Access-Control-Allow-Headers");
    assertTrue(allowedHeaders.contains("Authorization") && allowedHeaders.contains("Content-Type"), allowedHeaders);
    assertEquals("600", header(r, "Access-Control-Max-Age"));
    assertEquals(0, r.body().length);

    HttpResponse<byte[]> refused = send(cors, "OPTIONS", "/api/articles", "Origin", "https://evil.example",
        "Access-Control-Request-Method", "POST");
    assertEquals(204, refused.statusCode());
    assertEquals(null, header(refused, "Access-Control-Allow-Origin"));
    assertEquals(null, header(refused, "Access-Control-Allow-Methods"));

    HttpResponse<byte[]> any = send(anyOrigin, "OPTIONS", "/api/search", "Origin", "https://anywhere.example",
        "Access-Control-Request-Method", "GET");
    assertEquals("*", header(any, "Access-Control-Allow-Origin"));
    assertEquals(List.of("GET", "HEAD", "OPTIONS", "POST"), sorted(header(any, "Access-Control-Allow-Methods")));
  }

  @Test
  void a_cors_origin_that_is_not_an_origin_is_refused_at_start() {
    assertThrows(IllegalArgumentException.class, () -> Cors.allowing(List.of("news.example.org")));
    assertThrows(IllegalArgumentException.class, () -> Cors.allowing(List.of("https://news.example.org/path")));
    assertEquals("https://news.example.org:8443", Cors.normalise("HTTPS://News.Example.org:8443/"));
  }

  @Test
  void compressed_answers_say_they_vary_by_accept_encoding() throws Exception {
    HttpResponse<byte[]> gz = send(plain, "GET", "/api/search?q=&size=50", "Accept-Encoding", "gzip");
    assertEquals("gzip", header(gz, "Content-Encoding"));
    assertTrue(header(gz, "Vary").contains("Accept-Encoding"), header(gz, "Vary"));
    HttpResponse<byte[]> identity = send(plain, "GET", "/api/search?q=&size=50");
    assertEquals(null, header(identity, "Content-Encoding"));
    assertTrue(header(identity, "Vary").contains("Accept-Encoding"), "the same URL may be gzip for another client");
    byte[] inflated = new GZIPInputStream(new ByteArrayInputStream(gz.body())).readAllBytes();
    assertEquals(json.readTree(identity.body()).get("total"), json.readTree(inflated).get("total"));
  }

  @Test
  void error_messages_are_plain_text_in_json() throws Exception {
    HttpResponse<byte[]> r = send(plain, "GET", "/api/search?q=title:(naval&strict=true");
    assertEquals(400, r.statusCode());
    String message = body(r).at("/error/message").asText();
    assertTrue(message.contains("\"<EOF>\""), message);
    assertFalse(message.contains("&lt;"), message);
    String bad = body(send(plain, "GET", "/api/search?q=x&sort=%3Cb%3E")).at("/error/message").asText();
    assertTrue(bad.contains("<b>"), "quotes the value as sent: " + bad);
  }

  @Test
  void every_answer_carries_a_request_id_the_client_may_choose() throws Exception {
    HttpResponse<byte[]> chosen = send(plain, "GET", "/health", "X-Request-Id", "lb-7f3a.42");
    assertEquals("lb-7f3a.42", header(chosen, "X-Request-Id"));
    String generated = header(send(plain, "GET", "/no/such/path"), "X-Request-Id");
    assertTrue(generated.matches("[0-9a-f-]{36}"), generated);
    String forged = header(send(plain, "GET", "/health", "X-Request-Id", "a b\" 200 0B"), "X-Request-Id");
    assertNotEquals("a b\" 200 0B", forged, "an id that could forge a log line is replaced");
    assertTrue(forged.matches("[0-9a-f-]{36}"), forged);
  }

  @Test
  void html_pages_forbid_framing_foreign_content_and_leaking_the_query_in_referrers() throws Exception {
    for (String page : List.of("/", "/articles/naval-1")) {
      HttpResponse<byte[]> r = send(plain, "GET", page);
      String csp = header(r, "Content-Security-Policy");
      assertTrue(csp.contains("default-src 'none'") && csp.contains("script-src 'self'")
          && csp.contains("frame-ancestors 'none'"), csp);
      assertFalse(csp.contains("unsafe-inline") || csp.contains("*"), csp);
      assertEquals("DENY", header(r, "X-Frame-Options"));
      assertEquals("strict-origin-when-cross-origin", header(r, "Referrer-Policy"));
      assertEquals("nosniff", header(r, "X-Content-Type-Options"));
      String html = new String(r.body(), StandardCharsets.UTF_8);
      assertFalse(html.contains("<script>") || html.contains("style=") || html.matches("(?s).*\\son[a-z]+=.*"),
          "nothing inline for the policy to refuse");
    }
    assertEquals(null, header(send(plain, "GET", "/api/stats"), "Content-Security-Policy"), "JSON is not a page");
  }
}
