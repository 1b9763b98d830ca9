package io.newssearch.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.newssearch.Engine;
import io.newssearch.TestHttp;
import io.newssearch.TestHttp.Reply;
import io.newssearch.alerts.Alerts;
import io.newssearch.alerts.WebhookPolicy;
import io.newssearch.alerts.WebhookSettings;
import io.newssearch.http.App;
import io.newssearch.http.Metrics;
import io.newssearch.http.ServerLimits;
import io.newssearch.http.WriteAccess;
import io.newssearch.index.IndexProgress;
import io.newssearch.index.Indexer;
import io.newssearch.search.SearchLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Saved searches over HTTP, the same on every backend: an alert fires once for each new article
 * it matches, whether an {@code index} run, an API write or a rebuild brings it; an article seen
 * before never fires again (an update, a rebuild, a restart); a deleted alert never fires.
 */
abstract class AlertsContract {

  static final String KEY = "alerts-admin-key";

  @TempDir Path tmp;
  Path corpus;
  Engine engine;
  Alerts alerts;
  Javalin app;

  abstract Backend backend();

  @BeforeEach
  void start() throws Exception {
    corpus = Files.createDirectories(tmp.resolve("corpus"));
    Files.writeString(corpus.resolve("first.jsonl"), line("c-tide", "Kestrel Bay tide gauge sets a record")
        + line("c-other", "Council approves the new library budget"));
    engine = backend().open();
    serve();
  }

  void serve() throws Exception {
    alerts = Alerts.serving(tmp.resolve("alerts"), SearchLimits.DEFAULTS, WebhookSettings.allowing(WebhookPolicy.NONE));
    engine.listen(alerts.listener());
    app = App.create(engine.search(), new WriteAccess(engine.store(), engine.preparer(), List.of(corpus), Optional.of(KEY)),
        ServerLimits.DEFAULTS, new Metrics(), alerts).start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() throws Exception {
    app.stop();
    engine.close();
    alerts.close();
  }

  /** An English article whose words are its title's and some that no alert here asks for. */
  static String line(String id, String title) {
    return "{\"id\":\"" + id + "\",\"title\":\"" + title + "\",\"body\":\"" + title + ". Reporters covered the story "
        + "for readers across the region on Monday.\",\"date\":\"2025-05-05\",\"language\":\"en\"}\n";
  }

  Reply send(String method, String path, String body) throws Exception {
    return TestHttp.send(app.port(), method, path, body, KEY);
  }

  /** The alert's matched article ids, newest first, once there are {@code n} (or after 2 s: a match is recorded within 2 s). */
  List<String> matches(String alert, int n) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
    List<String> ids;
    do {
      ids = new ArrayList<>();
      for (JsonNode m : send("GET", "/api/alerts/" + alert + "/matches?size=100", null).body().get("matches")) {
        ids.add(m.get("id").asText());
      }
    } while (ids.size() < n && System.nanoTime() < deadline && sleep());
    return ids;
  }

  static boolean sleep() throws InterruptedException {
    Thread.sleep(50);
    return true;
  }

  void rebuild() throws Exception {
    assertEquals(202, send("POST", "/api/reindex", null).status());
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (send("GET", "/api/reindex", null).body().get("running").asBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
  }

  String createAlert(String body) throws Exception {
    Reply r = send("POST", "/api/alerts", body);
    assertEquals(201, r.status(), String.valueOf(r.body()));
    return r.body().get("id").asText();
  }

  @Test
  void an_alert_fires_once_for_each_new_matching_article_from_an_index_run_a_write_or_a_rebuild() throws Exception {
    String tide = createAlert("{\"name\": \"tides\", \"q\": \"tide gauge\", \"op\": \"and\"}");
    engine.indexer().run(new Indexer.Options(List.of(corpus), false, false), IndexProgress.NONE);
    assertEquals(List.of("c-tide"), matches(tide, 1), "the index run's matching article");

    assertEquals(200, send("POST", "/api/articles", line("w-tide", "Second tide gauge record")).status());
    assertEquals(200, send("POST", "/api/articles", line("w-other", "Library opens on Sundays")).status());
    assertEquals(List.of("w-tide", "c-tide"), matches(tide, 2), "the API write's matching article, newest first");
    send("POST", "/api/articles", line("w-tide", "Second tide gauge record, updated"));

    rebuild();
    assertEquals(List.of("w-tide", "c-tide"), matches(tide, 3), "an update and a rebuild bring nothing new");

    Files.writeString(corpus.resolve("second.jsonl"), line("c-tide-2", "Tide gauge in Kestrel Bay breaks again"));
    rebuild();
    assertEquals(List.of("c-tide-2", "w-tide", "c-tide"), matches(tide, 3), "a rebuild's article not seen before");

    assertEquals(200, send("DELETE", "/api/alerts/" + tide, null).status());
    assertEquals(404, send("GET", "/api/alerts/" + tide + "/matches", null).status());
    String other = createAlert("{\"name\": \"library\", \"q\": \"library\"}");
    send("POST", "/api/articles", line("w-tide-3", "Third tide gauge record") + "\n"
        + line("w-library", "Library budget debate"));
    assertEquals(List.of("w-library"), matches(other, 1), "the write was matched, by the alert that exists only");
  }

  @Test
  void alerts_matches_and_the_seen_record_survive_a_restart() throws Exception {
    String tide = createAlert("{\"name\": \"tides\", \"q\": \"tide\", \"lang\": \"English\"}");
    send("POST", "/api/articles", line("r-1", "Tide record"));
    assertEquals(List.of("r-1"), matches(tide, 1));

    app.stop();
    alerts.close();
    Engine old = engine;
    engine = backend().reopen(old);
    old.close();
    serve();

    JsonNode alert = send("GET", "/api/alerts/" + tide, null).body();
    assertEquals("tides", alert.get("name").asText());
    assertEquals(List.of("en"), List.of(alert.get("lang").get(0).asText()), "lang read as search reads it");
    assertEquals(1, alert.get("matches").asInt());
    send("POST", "/api/articles", line("r-1", "Tide record, corrected"));
    send("POST", "/api/articles", line("r-2", "Another tide record"));
    assertEquals(List.of("r-2", "r-1"), matches(tide, 3), "r-1 was seen before the restart");
    assertTrue(send("GET", "/api/alerts", null).body().get("alerts").size() == 1);
  }
}
