package io.newssearch.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.newssearch.Engine;
import io.newssearch.TestIndexes;
import io.newssearch.http.App;
import io.newssearch.http.Metrics;
import io.newssearch.http.ServerLimits;
import io.newssearch.http.WriteAccess;
import io.newssearch.search.SearchRequest;
import io.newssearch.search.SearchResult;
import io.newssearch.search.SortOrder;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * A table of generated bad requests against the real server: every one must be a 4xx with the
 * documented error body (never a 5xx, never HTML, no internals), and the index must be exactly
 * as it was afterwards (same article count, same checksum of the stored ids and titles).
 */
abstract class BadInputContract {

  abstract Backend backend();


  static final String KEY = "bad-input-suite-key";
  static final ObjectMapper JSON = new ObjectMapper();
  /** HTTP/1.1 keep-alive, as most clients: header lines repeat on one connection (see App's header cache). */
  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  record Bad(String method, String path, String body, String key, String why) {}

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static final List<String> HOSTILE = List.of("<script>alert(1)</script>", "<img src=x onerror=alert(2)>",
      "\"'><svg onload=alert(3)>", "%00", "\u0000\u0001\u0002", "\uD83D\uDE00", "../../etc/passwd",
      "' OR 1=1 --", "${jndi:ldap://x}", "\u202Eevil");

  /** The generated table: each entry names why it must fail. */
  static List<Bad> table() {
    List<Bad> t = new ArrayList<>();
    // Dates: every malformed shape, in both bounds.
    for (String d : List.of("2025-13-45", "2025-02-30", "yesterday", "25/07/2025", "2025-7-5", "20250725",
        "2025-07-25T25:00:00Z", "2025-07-25 10:00", "-1", "0000-00-00", "2025-07", "NaN", "2025-07-25T10:00",
        "<script>", "９９９９-01-01")) {
      t.add(new Bad("GET", "/api/search?q=x&from=" + enc(d), null, null, "bad from " + d));
      t.add(new Bad("GET", "/api/search?q=x&to=" + enc(d), null, null, "bad to " + d));
    }
    t.add(new Bad("GET", "/api/search?q=x&from=2025-02-01&to=2025-01-01", null, null, "from after to"));
    t.add(new Bad("GET", "/api/search?q=x&now=soon", null, null, "bad now"));
    // Sizes and pages.
    for (String n : List.of("-1", "0", "101", "1000000", "99999999999", "ten", "1.5", "1e3", "0x10", "+-1", "<b>")) {
      t.add(new Bad("GET", "/api/search?q=x&size=" + enc(n), null, null, "bad size " + n));
      t.add(new Bad("GET", "/api/search?q=x&page=" + enc(n.equals("101") ? "0" : n), null, null, "bad page " + n));
      t.add(new Bad("GET", "/api/articles/naval-1/related?size=" + enc(n.equals("101") ? "51" : n), null, null,
          "bad related size " + n));
      t.add(new Bad("GET", "/api/suggest?q=nav&size=" + enc(n.equals("101") ? "21" : n), null, null,
          "bad suggest size " + n));
    }
    t.add(new Bad("GET", "/api/search?q=x&page=2000&size=10", null, null, "page window"));
    // Enumerations and flags.
    for (String v : List.of("bogus", "DATE ", "newest", "", "relevance,date", "<script>")) {
      if (!v.isEmpty()) {
        t.add(new Bad("GET", "/api/search?q=x&sort=" + enc(v), null, null, "bad sort " + v));
      }
      t.add(new Bad("GET", "/api/search?q=x&op=" + enc(v.isEmpty() ? "xor" : v), null, null, "bad op " + v));
      t.add(new Bad("GET", "/api/search?q=x&strict=" + enc(v.isEmpty() ? "maybe" : v), null, null, "bad strict " + v));
    }
    for (String l : List.of("Klingonish", "e", "en-US-x-foo!", "12", "<script>", "en,,<b>", "zz")) {
      t.add(new Bad("GET", "/api/search?q=x&lang=" + enc(l), null, null, "bad lang " + l));
    }
    // Cursors.
    for (String c : List.of("x", "not-a-cursor", "%%%", "eyJ4Ijox", "eyJzb3J0IjoiZGF0ZSIsImFmdGVyIjpbXX0",
        "eyJzb3J0IjoicmVsZXZhbmNlIiwiYWZ0ZXIiOlsiYSIsImIiXX0", "AAAA", "{}", "<script>", "e30")) {
      t.add(new Bad("GET", "/api/search?q=x&cursor=" + enc(c), null, null, "bad cursor " + c));
    }
    t.add(new Bad("GET", "/api/search?q=x&cursor=eyJzb3J0IjoicmVsZXZhbmNlIiwiYWZ0ZXIiOlsxLjAsImEiXX0&page=2",
        null, null, "cursor and page"));
    // Strict query syntax.
    for (String q : List.of("naval AND (drill", "\"unclosed", "title:", "(((", "a OR", "NOT", "*ship", "?ship",
        "drill^", "[a TO", "title:(a", "+", "a && || b", "colour:red", "/unclosed", "a)")) {
      t.add(new Bad("GET", "/api/search?strict=true&q=" + enc(q), null, null, "strict syntax " + q));
    }
    // Limits.
    t.add(new Bad("GET", "/api/search?q=" + "a".repeat(1001), null, null, "q too long"));
    t.add(new Bad("GET", "/api/search?q=" + enc(String.join(" OR ", java.util.Collections.nCopies(40, "w"))),
        null, null, "too many clauses"));
    t.add(new Bad("GET", "/api/search?q=" + enc("/.*/"), null, null, "regex without prefix"));
    t.add(new Bad("GET", "/api/search?q=" + "x".repeat(9000), null, null, "uri too long"));
    // Unknown and repeated parameters.
    for (String p : List.of("colour", "query", "Q", "limit", "offset", "lang[]", "sort_by", "<script>", "q ", "fields")) {
      t.add(new Bad("GET", "/api/search?q=x&" + enc(p) + "=1", null, null, "unknown param " + p));
    }
    for (String p : List.of("q", "sort", "size", "page", "from", "to", "cursor", "op", "strict")) {
      t.add(new Bad("GET", "/api/search?" + p + "=1&" + p + "=2", null, null, "repeated " + p));
    }
    t.add(new Bad("GET", "/api/suggest", null, null, "suggest without q"));
    t.add(new Bad("GET", "/api/suggest?q=" + enc("   "), null, null, "blank suggest q"));
    t.add(new Bad("GET", "/api/suggest?q=" + "n".repeat(101), null, null, "suggest q too long"));
    // Unknown ids and paths, hostile strings where they can only be errors.
    for (String h : HOSTILE) {
      t.add(new Bad("GET", "/api/articles/" + enc(h), null, null, "unknown hostile id"));
      t.add(new Bad("GET", "/api/articles/" + enc(h) + "/related", null, null, "related of unknown id"));
      t.add(new Bad("GET", "/api/search?q=x&sort=" + enc(h), null, null, "hostile sort"));
      t.add(new Bad("DELETE", "/api/articles/" + enc(h), null, KEY, "delete unknown hostile id"));
    }
    t.add(new Bad("GET", "/api/nowhere", null, null, "unknown path"));
    t.add(new Bad("PUT", "/api/search", "{}", null, "wrong method"));
    // Writes: keys.
    String good = "{\"id\":\"never-written\",\"title\":\"Never written\",\"body\":\"This must not land.\"}";
    for (String k : List.of("", "wrong", KEY + "x", KEY.toUpperCase(), " ", "Basic " + KEY, "Bearer")) {
      t.add(new Bad("POST", "/api/articles", good, k, "wrong key '" + k + "'"));
      t.add(new Bad("DELETE", "/api/articles/naval-1", null, k, "delete with wrong key"));
      t.add(new Bad("POST", "/api/reindex", null, k, "reindex with wrong key"));
    }
    t.add(new Bad("POST", "/api/articles", good, null, "no key"));
    // Writes: bodies.
    for (String b : List.of("", " ", "{", "[]", "[" + good + "]", "null", "42", "\"text\"", "{\"title\": 42}",
        "{\"title\":\"t\",\"body\":\"b\",\"tags\":{}}", "{\"title\":\"t\",\"body\":\"b\",\"date\":\"someday\"}",
        "{\"title\":\"t\",\"body\":\"b\",\"date\":true}", "{\"id\":\"x\"}", "{\"title\":\"\",\"body\":\"\"}",
        good + "\n{broken", good + "\n" + "{\"title\":[1]}",
        "{\"title\":\"" + "t".repeat(2000) + "\",\"body\":\"b\"}", "\u0000\u0001", "<script>alert(1)</script>")) {
      t.add(new Bad("POST", "/api/articles", b, KEY, "bad body " + b.substring(0, Math.min(30, b.length()))));
    }
    t.add(new Bad("POST", "/api/articles", "x".repeat(1_200_000), KEY, "body over the cap"));
    t.add(new Bad("DELETE", "/api/articles/no-such-article", null, KEY, "delete unknown id"));
    return t;
  }

  @Test
  void every_bad_request_is_a_documented_4xx_and_the_index_is_unchanged() throws Exception {
    List<Bad> table = table();
    assertTrue(table.size() >= 200, "the table has " + table.size() + " requests");
    List<String> failures = new ArrayList<>();
    String before;
    String after;
    try (Engine engine = backend().open()) {
      TestIndexes.index(engine, TestIndexes.newsroom());
      before = fingerprint(engine);
      Javalin app = App.create(engine.search(),
          new WriteAccess(engine.store(), engine.preparer(), List.of(), Optional.of(KEY)),
          new ServerLimits(1_000_000, ServerLimits.DEFAULT_MAX_HEADER_BYTES, Duration.ofSeconds(10)),
          new Metrics()).start("127.0.0.1", 0);
      try {
        for (Bad bad : table) {
          String problem = check(app.port(), bad);
          if (problem != null) {
            failures.add(bad.why() + " (" + bad.method() + " " + abbreviate(bad.path()) + "): " + problem);
          }
        }
      } finally {
        app.stop(); // about a second: Jetty closes the client's idle keep-alive connection
      }
      after = fingerprint(engine);
    }
    assertEquals(List.of(), failures, failures.size() + " of " + table.size() + " requests misbehaved");
    assertEquals(before, after, "the index changed");
  }

  private static String check(int port, Bad bad) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + bad.path()))
        .timeout(Duration.ofSeconds(30))
        // Big uploads ask first, so a refused body is never sent (and never holds the connection).
        .expectContinue(bad.body() != null && bad.body().length() > 100_000)
        .method(bad.method(), bad.body() == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(bad.body()));
    if (bad.key() != null && !bad.key().isBlank()) {
      boolean hasScheme = bad.key().startsWith("Basic ") || bad.key().equals("Bearer");
      b.header("Authorization", hasScheme ? bad.key() : "Bearer " + bad.key());
    }
    HttpResponse<String> r;
    try {
      r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      return "no HTTP answer: " + e;
    }
    if (r.statusCode() < 400 || r.statusCode() >= 500) {
      return "status " + r.statusCode() + " " + abbreviate(r.body());
    }
    if (!r.headers().firstValue("content-type").orElse("").startsWith("application/json")) {
      return "content-type " + r.headers().firstValue("content-type").orElse("none");
    }
    JsonNode body;
    try {
      body = JSON.readTree(r.body());
    } catch (Exception e) {
      return "not JSON: " + abbreviate(r.body());
    }
    String code = body.at("/error/code").asText("");
    String message = body.at("/error/message").asText("");
    if (code.isEmpty() || message.isEmpty()) {
      return "no error code/message: " + abbreviate(r.body());
    }
    // Messages are plain text and may quote the bad value ("<script>"); internals never show.
    if (message.contains("Exception") || message.contains("\tat ")) {
      return "internals in message: " + abbreviate(message);
    }
    return null;
  }

  /** Article count plus a digest of every article's id and title, in id order, read through the search service. */
  static String fingerprint(Engine engine) throws Exception {
    TreeSet<String> rows = new TreeSet<>();
    SearchRequest.Builder all = SearchRequest.builder().collapse(false).sort(SortOrder.DATE).size(SearchRequest.MAX_SIZE);
    SearchResult r = engine.search().search(all.build());
    while (true) {
      r.hits().forEach(h -> rows.add(h.id() + "\t" + h.title()));
      if (r.nextCursor() == null) {
        break;
      }
      r = engine.search().search(all.cursor(r.nextCursor()).build());
    }
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    rows.forEach(row -> md.update((row + "\n").getBytes(StandardCharsets.UTF_8)));
    return engine.search().count() + ":" + rows.size() + ":" + HexFormat.of().formatHex(md.digest());
  }

  private static String abbreviate(String s) {
    return s.length() > 120 ? s.substring(0, 120) + "…" : s;
  }
}
