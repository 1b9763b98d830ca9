package io.newssearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import io.newssearch.lucene.LuceneEngine;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The search page's HTML and assets over real HTTP: types, caching headers, ETags. */
class PagesTest {

  @TempDir static Path dir;
  static LuceneEngine engine;
  static Javalin app;
  static final HttpClient http = HttpClient.newHttpClient();

  static NewsroomServer server;

  @BeforeAll
  static void start() throws Exception {
    server = NewsroomServer.start(dir);
    engine = server.engine();
    app = server.app();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  static HttpResponse<String> get(String path, String ifNoneMatch) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path));
    if (ifNoneMatch != null) {
      b.header("If-None-Match", ifNoneMatch);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void GET_root_serves_the_search_page_revalidated_on_every_visit() throws Exception {
    HttpResponse<String> r = get("/", null);
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("text/html"));
    assertEquals("no-cache", r.headers().firstValue("cache-control").orElse(""));
    assertTrue(r.body().contains("role=\"combobox\""));
    assertFalse(r.body().contains("{{v:"), "asset versions are filled in");
    assertFalse(r.body().contains("http://") || r.body().contains("https://"), "nothing loaded from outside");
  }

  @Test
  void GET_article_path_serves_the_article_page() throws Exception {
    HttpResponse<String> r = get("/articles/naval-1", null);
    assertEquals(200, r.statusCode());
    assertTrue(r.body().contains("data-view=\"article\""));
  }

  @Test
  void assets_are_versioned_cached_for_a_day_and_answer_304_to_their_etag() throws Exception {
    Matcher m = Pattern.compile("/assets/app\\.js\\?v=([0-9a-f]+)").matcher(get("/", null).body());
    assertTrue(m.find(), "the page names its script with a content version");
    HttpResponse<String> js = get(m.group(), null);
    assertEquals(200, js.statusCode());
    assertTrue(js.headers().firstValue("content-type").orElse("").startsWith("text/javascript"));
    assertEquals("public, max-age=86400", js.headers().firstValue("cache-control").orElse(""));
    String etag = js.headers().firstValue("etag").orElseThrow();
    assertTrue(etag.startsWith("\"" + m.group(1)), "the version is the ETag's prefix");

    HttpResponse<String> again = get(m.group(), etag);
    assertEquals(304, again.statusCode());
    assertEquals("", again.body());
  }

  @Test
  void compressed_assets_keep_their_etag() throws Exception {
    HttpResponse<byte[]> gz = http.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + app.port() + "/assets/app.js"))
        .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, gz.statusCode());
    String etag = gz.headers().firstValue("etag").orElseThrow();
    assertEquals(etag, get("/assets/app.js", null).headers().firstValue("etag").orElseThrow());
    assertTrue(gz.body().length < 12_000, "sent compressed: " + gz.body().length + " bytes, "
        + gz.headers().firstValue("content-encoding").orElse("no content-encoding"));
  }

  @Test
  void unknown_asset_is_a_json_404() throws Exception {
    HttpResponse<String> r = get("/assets/secret.properties", null);
    assertEquals(404, r.statusCode());
    assertTrue(r.body().contains("not_found"));
  }
}
