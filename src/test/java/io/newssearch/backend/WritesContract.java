package io.newssearch.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.newssearch.Engine;
import io.newssearch.TestHttp;
import io.newssearch.TestHttp.Reply;
import io.newssearch.TestIndexes;
import io.newssearch.http.App;
import io.newssearch.http.WriteAccess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Writes over HTTP against the real server, the same on every backend: upserts searchable when the
 * answer arrives and durable, all-or-nothing batches, deletes, and rebuilds that lose no write.
 * Each test starts from a fresh store holding {@link TestIndexes#newsroom()} as a corpus would.
 */
abstract class WritesContract {

  static final String KEY = "s3cret-admin-key";
  static final HttpClient http = HttpClient.newHttpClient();

  Engine engine;
  Javalin app;

  abstract Backend backend();

  @BeforeEach
  void start() throws Exception {
    engine = backend().open();
    TestIndexes.index(engine, TestIndexes.newsroom());
    app = App.create(engine.search(), new WriteAccess(engine.store(), engine.preparer(),
        List.of(Backend.sampleCorpus()), Optional.of(KEY))).start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() throws Exception {
    app.stop();
    engine.close();
  }

  Reply send(String method, String path, String body, String key) throws Exception {
    return TestHttp.send(app.port(), method, path, body, key);
  }

  long total() throws Exception {
    return send("GET", "/api/search?size=1", null, null).body().get("total_articles").asLong();
  }

  static String article(String id, String title) {
    return TestHttp.article(id, title);
  }

  void awaitRebuild() throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (send("GET", "/api/reindex", null, KEY).body().get("running").asBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    Thread.sleep(600); // the embedded index's readers look for a new generation twice a second
  }

  @Test
  void a_posted_article_is_searchable_at_once_and_durable() throws Exception {
    Reply r = send("POST", "/api/articles", article("w1", "Tide gauge sets a record"), KEY);
    assertEquals(200, r.status(), String.valueOf(r.body()));
    assertEquals(1, r.body().get("indexed").asInt());
    Reply found = send("GET", "/api/search?q=tide+gauge", null, null);
    assertEquals("w1", found.body().at("/hits/0/id").asText());
    JsonNode stored = send("GET", "/api/articles/w1", null, null).body();
    assertEquals("en", stored.get("language").asText(), "language detected as for the indexer");
    assertFalse(stored.get("tags").isEmpty(), "tags extracted as for the indexer");
    try (Engine other = backend().reopen(engine)) {
      assertTrue(other.search().article("w1").isPresent(), "durable: another process finds it");
    }
    String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/metrics"))
        .build(), HttpResponse.BodyHandlers.ofString()).body();
    assertTrue(metrics.contains("newssearch_writes_seconds_count{kind=\"upsert\"} 1"), "write timed");
    assertTrue(metrics.contains("newssearch_written_articles_total{kind=\"upsert\"} 1.0"), "articles counted");
  }

  @Test
  void a_json_lines_batch_upserts_by_id() throws Exception {
    String batch = article("b1", "One") + "\n" + article("b2", "Two") + "\n\n" + article("b3", "Three") + "\n";
    long before = total();
    Reply first = send("POST", "/api/articles", batch, KEY);
    assertEquals(3, first.body().get("indexed").asInt());
    Reply again = send("POST", "/api/articles", batch, KEY);
    assertEquals(0, again.body().get("indexed").asInt());
    assertEquals(3, again.body().get("updated").asInt());
    assertEquals(before + 3, total());
  }

  @Test
  void a_batch_with_a_bad_line_writes_nothing_and_names_the_line() throws Exception {
    long before = total();
    String batch = article("c1", "Fine") + "\n{\"title\": 42}\n" + article("c2", "Also fine");
    Reply r = send("POST", "/api/articles", batch, KEY);
    assertEquals(400, r.status());
    assertEquals(2, r.body().at("/error/lines/0/line").asInt());
    assertTrue(r.body().at("/error/message").asText().contains("nothing was written"));
    assertEquals(before, total());
    assertEquals(400, send("POST", "/api/articles", "{not json", KEY).status());
    assertEquals(400, send("POST", "/api/articles", "", KEY).status());
    assertEquals(400, send("POST", "/api/articles", "{\"id\":\"empty\"}", KEY).status());
    assertEquals(before, total());
  }

  @Test
  void delete_removes_an_article_and_unknown_ids_are_404() throws Exception {
    assertEquals(200, send("DELETE", "/api/articles/naval-1", null, KEY).status());
    assertEquals(404, send("GET", "/api/articles/naval-1", null, null).status());
    assertEquals(404, send("DELETE", "/api/articles/naval-1", null, KEY).status());
  }

  @Test
  void api_articles_survive_a_rebuild_even_after_their_story_was_renamed() throws Exception {
    String body = "The harbour authority of Kestrel Bay said on Monday that the northern breakwater will be "
        + "rebuilt over two summers at a cost of forty million, with work starting in May and the old "
        + "lighthouse kept as a landmark for sailors entering the port at night.";
    // The second, smaller id joins the first article's story and renames it: a rewrite of the first.
    for (String id : List.of("zz-breakwater", "aa-breakwater")) {
      String json = "{\"id\":\"" + id + "\",\"title\":\"Breakwater to be rebuilt\",\"body\":\"" + body
          + "\",\"date\":\"2025-05-05\",\"language\":\"en\"}";
      assertEquals(200, send("POST", "/api/articles", json, KEY).status());
    }
    assertEquals(2, send("GET", "/api/stories/aa-breakwater", null, null).body().get("count").asInt(),
        "renamed into the smaller id's story");
    assertEquals(202, send("POST", "/api/reindex", null, KEY).status());
    awaitRebuild();
    assertEquals(200, send("GET", "/api/articles/zz-breakwater", null, null).status());
    assertEquals(200, send("GET", "/api/articles/aa-breakwater", null, null).status());
    assertEquals(2, send("GET", "/api/stories/aa-breakwater", null, null).body().get("count").asInt());
  }

  @Test
  void an_article_deleted_and_written_again_during_a_rebuild_is_in_the_new_index() throws Exception {
    assertEquals(200, send("POST", "/api/articles", article("again", "Tide note before"), KEY).status());
    assertEquals(202, send("POST", "/api/reindex", null, KEY).status());
    assertEquals(200, send("DELETE", "/api/articles/again", null, KEY).status());
    assertEquals(200, send("POST", "/api/articles", article("again", "Tide note written again"), KEY).status());
    org.junit.jupiter.api.Assumptions.assumeTrue(send("GET", "/api/reindex", null, KEY).body().get("running").asBoolean(),
        "the rebuild ended before the writes: nothing to check this time");
    awaitRebuild();
    Reply again = send("GET", "/api/articles/again", null, null);
    assertEquals(200, again.status(), "the write after the delete survived the rebuild");
    assertEquals("Tide note written again", again.body().get("title").asText());
  }

  @Test
  void writes_during_a_rebuild_reach_the_new_index() throws Exception {
    Reply started = send("POST", "/api/reindex", null, KEY);
    assertEquals(202, started.status());
    Reply second = send("POST", "/api/reindex", null, KEY);
    assertEquals(409, second.status(), "one rebuild at a time");
    for (int i = 0; i < 10; i++) {
      assertEquals(200, send("POST", "/api/articles", article("during-" + i, "Tide note " + i), KEY).status());
    }
    awaitRebuild();
    JsonNode status = send("GET", "/api/reindex", null, KEY).body();
    assertFalse(status.get("running").asBoolean());
    assertTrue(status.get("last_error") == null || status.get("last_error").isNull(), status.toString());
    for (int i = 0; i < 10; i++) {
      assertEquals(200, send("GET", "/api/articles/during-" + i, null, null).status(), "during-" + i);
    }
    assertEquals(404, send("GET", "/api/articles/naval-1", null, null).status(), "the rebuild replaced the index");
    assertEquals(71 + 10, total());
  }
}
