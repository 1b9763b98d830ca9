package io.newssearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.javalin.Javalin;
import io.newssearch.AlertServer;
import io.newssearch.TestHttp;
import io.newssearch.TestHttp.Reply;
import io.newssearch.TestIndexes;
import io.newssearch.alerts.Alerts;
import io.newssearch.alerts.WebhookPolicy;
import io.newssearch.alerts.WebhookSettings;
import io.newssearch.lucene.LuceneEngine;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Alerts over real HTTP on the embedded index: validation as for search, the admin key, Atom feeds
 * read by an XML parser, a live stream read by an HTTP client, webhooks against a local receiver
 * (retries until it answers, failures in the alert's state) and the metrics.
 */
class AlertsHttpTest {

  static final String KEY = "alerts-http-key";
  static final HttpClient http = HttpClient.newHttpClient();

  @TempDir Path dir;
  LuceneEngine engine;
  Alerts alerts;
  Javalin app;
  AlertServer server;
  HttpServer receiver;
  final AtomicInteger receiverFailuresLeft = new AtomicInteger();
  final List<String> received = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/hook", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      boolean fail = receiverFailuresLeft.getAndDecrement() > 0;
      if (!fail) {
        received.add(new String(body, StandardCharsets.UTF_8));
      }
      exchange.sendResponseHeaders(fail ? 503 : 204, -1);
      exchange.close();
    });
    receiver.start();
    TestIndexes.write(dir.resolve("index"), TestIndexes.newsroom());
    engine = new LuceneEngine(dir.resolve("index"));
    WebhookSettings webhooks = new WebhookSettings(new WebhookPolicy(List.of("127.0.0.1")), Duration.ofSeconds(2), 3,
        Duration.ofMillis(100), 100);
    server = AlertServer.start(engine, dir.resolve("index").resolve(Alerts.FOLDER), webhooks, List.of(), KEY);
    alerts = server.alerts();
    app = server.app();
  }

  @AfterEach
  void stop() throws Exception {
    server.stop(engine);
    receiver.stop(0);
  }

  Reply send(String method, String path, String body) throws Exception {
    return server.send(method, path, body);
  }

  static String article(String id, String title, String date) {
    return "{\"id\":\"" + id + "\",\"title\":\"" + title + "\",\"body\":\"" + title + ". More on this as it develops.\","
        + "\"date\":\"" + date + "\",\"language\":\"en\",\"source\":\"Wire <b>&</b> Co\"}";
  }

  String create(String body) throws Exception {
    return server.createAlert(body);
  }

  @Test
  void an_alert_is_validated_like_a_search_and_guarded_by_the_key() throws Exception {
    Reply made = send("POST", "/api/alerts", "{\"name\":\"Drills\",\"q\":\"naval drill\",\"lang\":[\"eng\"],\"tag\":\"Iran\"}");
    assertEquals(201, made.status());
    assertEquals(List.of("en"), List.of(made.body().get("lang").get(0).asText()));
    assertTrue(made.body().get("feed_url").asText().matches("http://127\\.0\\.0\\.1:\\d+/feeds/[A-Za-z0-9_-]{43}\\.atom"),
        made.body().get("feed_url").asText());
    String[][] bad = {
        {"{\"name\":\"x\",\"lang\":\"klingon\"}", "lang"},
        {"{\"name\":\"x\",\"langg\":\"en\"}", "langg"},
        {"{\"name\":\"x\",\"q\":\"(unclosed\",\"strict\":true}", "cannot parse"},
        {"{\"q\":\"drill\"}", "name"},
        {"{\"name\":\"x\",\"op\":\"xor\"}", "op"},
        {"{\"name\":\"x\",\"sort\":\"date\"}", "sort"},
        {"{\"name\":\"x\",\"webhook\":\"http://example.org/hook\"}", "webhook"},
        {"{\"name\":\"x\",\"webhook\":\"ftp://127.0.0.1/hook\"}", "webhook"},
        {"{\"name\":\"x\",\"q\":[\"a\",\"b\"]}", "q"},
        {"[1,2]", "JSON object"},
        {"{not json", "not valid JSON"}};
    for (String[] b : bad) {
      Reply r = send("POST", "/api/alerts", b[0]);
      assertEquals(400, r.status(), b[0]);
      assertTrue(r.body().at("/error/message").asText().contains(b[1]), b[0] + " → " + r.body());
    }
    assertEquals(401, TestHttp.send(app.port(), "GET", "/api/alerts", null, null).status());
    assertEquals(401, TestHttp.send(app.port(), "POST", "/api/alerts", "{\"name\":\"x\"}", "wrong").status());
    assertEquals(404, send("GET", "/api/alerts/nope", null).status());
    assertEquals(404, send("DELETE", "/api/alerts/nope", null).status());
    assertEquals(400, send("GET", "/api/alerts/" + made.body().get("id").asText() + "/matches?cursor=abc", null).status());
    assertEquals(400, send("GET", "/api/alerts/" + made.body().get("id").asText() + "/matches?size=0", null).status());
    assertEquals(400, send("GET", "/api/alerts/" + made.body().get("id").asText() + "/matches?since=yesterday", null).status());
    assertEquals(1, send("GET", "/api/alerts", null).body().get("alerts").size());
  }

  /** Raw bytes to POST /api/alerts with the key and the given headers (name, value, ...). */
  HttpResponse<String> postAlert(byte[] body, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/alerts"))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Authorization", "Bearer " + KEY);
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void the_alert_body_is_read_as_a_search_body_is_media_type_gzip_and_json_errors() throws Exception {
    byte[] json = "{\"name\":\"Zipped\",\"q\":\"harbour\"}".getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> plain = postAlert(json, "Content-Type", "text/plain; charset=utf-8");
    assertEquals(415, plain.statusCode(), plain.body());
    JsonNode unsupported = Json.mapper().readTree(plain.body());
    assertEquals("unsupported_media_type", unsupported.at("/error/code").asText());
    assertTrue(unsupported.at("/error/message").asText().contains("'text/plain'")
        && unsupported.at("/error/message").asText().contains("application/json"), plain.body());

    HttpResponse<String> zipped = postAlert(BulkWriteTest.gzip(json), "Content-Type", "application/json",
        "Content-Encoding", "gzip");
    assertEquals(201, zipped.statusCode(), zipped.body());
    assertEquals("Zipped", Json.mapper().readTree(zipped.body()).get("name").asText());

    HttpResponse<String> notGzip = postAlert(json, "Content-Type", "application/json", "Content-Encoding", "gzip");
    assertEquals(400, notGzip.statusCode(), notGzip.body());
    assertTrue(notGzip.body().contains("invalid_encoding"), notGzip.body());

    String[][] malformed = {
        {"{\"name\": \"x\"", "not valid JSON"},
        {"{\"name\": \"x\"} {\"name\": \"y\"}", "more after the closing }"},
        {"\"just text\"", "must be a JSON object"}};
    for (String[] m : malformed) {
      HttpResponse<String> r = postAlert(m[0].getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json");
      assertEquals(400, r.statusCode(), m[0] + " → " + r.body());
      JsonNode error = Json.mapper().readTree(r.body()).get("error");
      assertEquals("invalid_json", error.get("code").asText(), r.body());
      assertTrue(error.get("message").asText().contains(m[1]), m[0] + " → " + r.body());
    }
    assertEquals(1, send("GET", "/api/alerts", null).body().get("alerts").size(), "only the gzip one was made");
  }

  @Test
  void matches_are_listed_newest_first_with_paging_and_in_the_alerts_atom_feed() throws Exception {
    String id = create("{\"name\":\"Harbour <news>\",\"q\":\"harbour\"}");
    String emptyFeed = send("GET", "/api/alerts/" + id, null).body().get("feed_url").asText();
    Element empty = AtomChecks.valid(http.send(HttpRequest.newBuilder(URI.create(emptyFeed)).build(),
        HttpResponse.BodyHandlers.ofString()).body());
    assertEquals(0, AtomChecks.children(empty, "entry").size(), "a feed with no match yet is still a valid feed");
    for (int i = 1; i <= 3; i++) {
      assertEquals(200, send("POST", "/api/articles", article("h-" + i, "Harbour story " + i + " <script>", "2025-06-0" + i)).status());
    }
    send("POST", "/api/articles", article("x-1", "Unrelated budget talks", "2025-06-04"));
    JsonNode first = send("GET", "/api/alerts/" + id + "/matches?size=2", null).body();
    assertEquals(3, first.get("total").asInt());
    assertEquals("h-3", first.at("/matches/0/id").asText());
    assertEquals("h-2", first.at("/matches/1/id").asText());
    assertEquals("Wire <b>&</b> Co", first.at("/matches/0/source").asText());
    assertNotNull(first.at("/matches/0/matched_at").asText());
    JsonNode second = send("GET", "/api/alerts/" + id + "/matches?size=2&cursor=" + first.get("next_cursor").asText(), null).body();
    assertEquals(List.of("h-1"), ids(second.get("matches")));
    assertEquals(0, send("GET", "/api/alerts/" + id + "/matches?since=2999-01-01", null).body().get("matches").size());

    String feedUrl = send("GET", "/api/alerts/" + id, null).body().get("feed_url").asText();
    HttpResponse<String> feed = http.send(HttpRequest.newBuilder(URI.create(feedUrl)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, feed.statusCode(), "no key needed");
    assertTrue(feed.headers().firstValue("content-type").orElse("").startsWith("application/atom+xml"));
    Element root = AtomChecks.valid(feed.body());
    assertEquals("newssearch: Harbour <news>", child(root, "title").getTextContent());
    assertNotNull(child(root, "id"));
    assertNotNull(child(root, "updated"));
    NodeList entries = root.getElementsByTagNameNS(AtomChecks.ATOM, "entry");
    assertEquals(3, entries.getLength());
    Element newest = (Element) entries.item(0);
    assertEquals("Harbour story 3 <script>", child(newest, "title").getTextContent(), "markup stays text");
    Instant.parse(child(newest, "updated").getTextContent());
    assertEquals("Wire <b>&</b> Co", child(child(newest, "author"), "name").getTextContent());
    assertEquals(404, http.send(HttpRequest.newBuilder(URI.create(feedUrl.replaceAll("/feeds/.*", "/feeds/guess.atom")))
        .build(), HttpResponse.BodyHandlers.ofString()).statusCode());
  }

  @Test
  void any_search_is_a_feed_of_its_newest_articles() throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port()
        + "/feeds/search.atom?q=naval+OR+harbour+OR+river&lang=en")).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode());
    Element root = AtomChecks.valid(r.body());
    NodeList entries = root.getElementsByTagNameNS(AtomChecks.ATOM, "entry");
    assertTrue(entries.getLength() >= 4, "several articles: " + entries.getLength());
    Instant previous = Instant.MAX;
    for (int i = 0; i < entries.getLength(); i++) {
      Element e = (Element) entries.item(i);
      Element published = child(e, "published");
      Instant at = published == null ? Instant.EPOCH : Instant.parse(published.getTextContent());
      assertTrue(!at.isAfter(previous), "newest first");
      previous = at;
    }
    assertTrue(r.body().contains("rel=\"self\""));
    HttpResponse<String> phrase = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port()
        + "/feeds/search.atom?q=%22naval+harbour+river%22&lang=en")).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(0, AtomChecks.valid(phrase.body()).getElementsByTagNameNS(AtomChecks.ATOM, "entry").getLength(),
        "no article has the phrase: the feed waits for one, not filled with its words");
    assertEquals(400, http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port()
        + "/feeds/search.atom?lang=klingon")).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
    JsonNode error = TestHttp.send(app.port(), "GET", "/feeds/search.atom?size=500", null, null).body();
    assertTrue(error.at("/error/message").asText().contains("size"));
  }

  @Test
  void the_stream_sends_one_event_per_new_match() throws Exception {
    String id = create("{\"name\":\"River\",\"q\":\"river\"}");
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/alerts/" + id + "/stream"))
        .header("Accept", "text/event-stream").header("Authorization", "Bearer " + KEY).build();
    HttpResponse<Stream<String>> stream = http.send(request, HttpResponse.BodyHandlers.ofLines());
    assertEquals(200, stream.statusCode());
    Thread reader = Thread.ofVirtual().start(() -> stream.body().forEach(lines::add));
    try {
      assertTrue(lines.poll(10, TimeUnit.SECONDS).startsWith(":"), "the opening comment: subscribed");
      send("POST", "/api/articles", article("riv-1", "River rises", "2025-06-01"));
      send("POST", "/api/articles", article("riv-2", "River falls", "2025-06-02"));
      List<String> events = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (events.size() < 2 && System.nanoTime() < deadline) {
        String line = lines.poll(1, TimeUnit.SECONDS);
        if (line != null && line.startsWith("data:")) {
          events.add(line);
        } else if (line != null && line.startsWith("event:")) {
          assertEquals("event: match", line);
        }
      }
      assertEquals(2, events.size(), "one event per match: " + events);
      assertTrue(events.get(0).contains("\"riv-1\"") && events.get(1).contains("\"riv-2\""), events.toString());
    } finally {
      stream.body().close();
      reader.interrupt();
    }
    assertEquals(406, send("GET", "/api/alerts/" + id + "/stream", null).status());
  }

  @Test
  void a_webhook_is_retried_until_the_receiver_answers_and_failures_show_in_the_alert() throws Exception {
    String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    String good = create("{\"name\":\"Tides\",\"q\":\"tide\",\"webhook\":\"" + hook + "\"}");
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    String dead = create("{\"name\":\"Tides to nowhere\",\"q\":\"tide\",\"webhook\":\"http://127.0.0.1:" + closedPort + "/x\"}");
    receiverFailuresLeft.set(2); // the first two tries get a 503
    send("POST", "/api/articles", article("t-1", "Tide record", "2025-06-01"));

    JsonNode state = await(good, s -> s.get("delivered").asInt() == 1);
    assertEquals(1, received.size());
    JsonNode payload = Json.mapper().readTree(received.get(0));
    assertEquals(good, payload.at("/alert/id").asText());
    assertEquals("t-1", payload.at("/match/id").asText());
    assertEquals(0, state.get("failed").asInt());

    JsonNode failed = await(dead, s -> s.get("failed").asInt() == 1);
    assertTrue(failed.get("last_error").asText().contains("after 3 tries"), failed.toString());
    assertEquals(0, failed.get("pending").asInt());

    String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/metrics")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    assertTrue(metrics.contains("newssearch_alerts 2.0"), "alerts gauge");
    assertTrue(metrics.contains("newssearch_alerts_matches_total 2.0"), "matches counted");
    assertTrue(metrics.contains("newssearch_alerts_webhook_deliveries_total{outcome=\"delivered\"} 1.0"));
    assertTrue(metrics.contains("newssearch_alerts_webhook_deliveries_total{outcome=\"failed\"} 1.0"));
    assertTrue(metrics.contains("newssearch_alerts_webhook_deliveries_total{outcome=\"retried\"} 4.0"), "2 + 2 retries");
  }

  /**
   * An {@code index} run of another process (another engine and alert store on the same folders)
   * records its matches; this server's stream and webhook pick them up within 2 s of the run's
   * commit, and the server sends each once.
   */
  @Test
  void an_index_run_in_another_process_reaches_the_servers_stream_and_webhook() throws Exception {
    String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    String id = create("{\"name\":\"Ospreys\",\"q\":\"osprey\",\"webhook\":\"" + hook + "\"}");
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    HttpResponse<Stream<String>> stream = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port()
        + "/api/alerts/" + id + "/stream")).header("Accept", "text/event-stream").header("Authorization", "Bearer " + KEY)
        .build(), HttpResponse.BodyHandlers.ofLines());
    Thread reader = Thread.ofVirtual().start(() -> stream.body().forEach(lines::add));
    try {
      assertTrue(lines.poll(10, TimeUnit.SECONDS).startsWith(":"), "subscribed");
      Path corpus = java.nio.file.Files.createDirectories(dir.resolve("corpus"));
      java.nio.file.Files.writeString(corpus.resolve("a.jsonl"), article("o-1", "Osprey returns to the estuary", "2025-06-01")
          + "\n" + article("o-2", "Budget talks resume", "2025-06-02") + "\n");
      long committed;
      try (LuceneEngine other = new LuceneEngine(dir.resolve("index"));
          Alerts otherAlerts = Alerts.offline(dir.resolve("index").resolve(Alerts.FOLDER))) {
        other.listen(otherAlerts.listener());
        other.indexer().run(new io.newssearch.index.Indexer.Options(List.of(corpus), false, false),
            io.newssearch.index.IndexProgress.NONE);
        committed = System.nanoTime();
      }
      String data = null;
      while (data == null && System.nanoTime() - committed < Duration.ofSeconds(2).toNanos()) {
        String line = lines.poll(50, TimeUnit.MILLISECONDS);
        data = line != null && line.startsWith("data:") ? line : null;
      }
      assertNotNull(data, "the stream's event within 2 s of the other process's commit");
      assertTrue(data.contains("\"o-1\""), data);
      System.out.printf("another process's match streamed %d ms after its commit%n", (System.nanoTime() - committed) / 1_000_000);
      JsonNode state = await(id, s -> s.get("delivered").asInt() == 1);
      assertEquals(1, received.size(), "the webhook once: " + received);
      assertEquals("o-1", Json.mapper().readTree(received.get(0)).at("/match/id").asText());
      assertEquals(0, state.get("failed").asInt());
      assertEquals(List.of("o-1"), ids(send("GET", "/api/alerts/" + id + "/matches", null).body().get("matches")));
    } finally {
      stream.body().close();
      reader.interrupt();
    }
  }

  JsonNode await(String alert, java.util.function.Predicate<JsonNode> done) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    JsonNode state;
    do {
      state = send("GET", "/api/alerts/" + alert, null).body().get("webhook_state");
      if (done.test(state)) {
        return state;
      }
      Thread.sleep(50);
    } while (System.nanoTime() < deadline);
    throw new AssertionError("webhook state never got there: " + state);
  }

  static List<String> ids(JsonNode matches) {
    List<String> out = new ArrayList<>();
    matches.forEach(m -> out.add(m.get("id").asText()));
    return out;
  }

  static Element child(Element parent, String name) {
    return AtomChecks.children(parent, name).stream().findFirst().orElse(null);
  }
}
