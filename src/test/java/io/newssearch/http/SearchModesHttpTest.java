package io.newssearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.newssearch.TestHttp;
import io.newssearch.TestIndexes;
import io.newssearch.article.Article;
import io.newssearch.index.IndexProgress;
import io.newssearch.index.Indexer;
import io.newssearch.lucene.LuceneEngine;
import io.newssearch.search.SearchLimits;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mode=lexical|semantic|hybrid} over real HTTP, with the real model: an index built with
 * vectors (the paraphrase collection of {@code src/test/resources/semantic/} plus a few articles
 * with sources and a French one) and one without. Hybrid finds the paraphrased articles lexical
 * search cannot; the default mode follows the index; explanations have both parts; an index
 * without vectors answers semantic and hybrid with a 400 naming {@code mode}; API writes and later
 * runs keep adding vectors because the index remembers it has them. What the modes find, filter
 * and count, on both engines, is {@code backend.VectorModesContract}'s.
 */
class SearchModesHttpTest {

  private static final Path COLLECTION = TestIndexes.PARAPHRASES;
  private static final String KEY = "modes-admin-key";

  @TempDir static Path dir;
  static LuceneEngine withVectors;
  static LuceneEngine without;
  static Javalin vectorApp;
  static Javalin plainApp;
  static Map<String, String> queries = new LinkedHashMap<>(); // query → target id

  @BeforeAll
  static void start() throws Exception {
    queries.putAll(TestIndexes.paraphraseQueries());
    List<Article> articles = TestIndexes.paraphrases();
    withVectors = new LuceneEngine(dir.resolve("vectors"), Duration.ofMillis(100), SearchLimits.DEFAULTS, true);
    TestIndexes.index(withVectors, articles);
    vectorApp = App.create(withVectors.search(), new WriteAccess(withVectors.store(), withVectors.preparer(),
        List.of(), Optional.of(KEY))).start("127.0.0.1", 0);
    without = new LuceneEngine(dir.resolve("plain"), Duration.ofMillis(100));
    TestIndexes.index(without, articles);
    plainApp = App.create(without.search()).start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() throws Exception {
    vectorApp.stop();
    plainApp.stop();
    withVectors.close();
    without.close();
  }

  static JsonNode search(Javalin app, int status, String query) throws Exception {
    TestHttp.Reply r = TestHttp.send(app.port(), "GET", "/api/search?" + query, null, null);
    assertEquals(status, r.status(), query + " → " + r.body());
    return r.body();
  }

  static String q(String words) {
    return "q=" + URLEncoder.encode(words, StandardCharsets.UTF_8);
  }

  static List<String> ids(JsonNode result) {
    List<String> out = new ArrayList<>();
    result.get("hits").forEach(h -> out.add(h.get("id").asText()));
    return out;
  }

  @Test
  void hybrid_finds_the_paraphrased_article_lexical_search_cannot() throws Exception {
    int top3 = 0;
    for (var e : queries.entrySet()) {
      List<String> lexical = ids(search(vectorApp, 200, q(e.getKey()) + "&mode=lexical&size=100"));
      assertFalse(lexical.contains(e.getValue()), e.getKey() + " → lexical " + lexical);
      JsonNode hybrid = search(vectorApp, 200, q(e.getKey()));
      assertEquals("hybrid", hybrid.get("mode").asText(), "the default where the index has vectors");
      List<String> fused = ids(hybrid);
      assertTrue(fused.subList(0, Math.min(5, fused.size())).contains(e.getValue()), e.getKey() + " → hybrid " + fused);
      top3 += fused.subList(0, Math.min(3, fused.size())).contains(e.getValue()) ? 1 : 0;
    }
    assertTrue(top3 >= 14, "targets in the hybrid top 3: " + top3 + " of " + queries.size());
  }

  @Test
  void explain_shows_the_lexical_and_the_vector_part() throws Exception {
    JsonNode hit = search(vectorApp, 200, q("carmaker staff cuts") + "&explain=true").at("/hits/0");
    JsonNode parts = hit.at("/explanation/parts");
    assertEquals("lexical", parts.get(0).get("name").asText());
    assertEquals("vector", parts.get(1).get("name").asText());
    assertEquals(hit.get("score").asDouble(), parts.get(0).get("value").asDouble() + parts.get(1).get("value").asDouble(),
        1e-4);
    assertTrue(parts.get(0).get("detail").asText().contains("BM25"), parts.toString());
    assertTrue(parts.get(1).get("detail").asText().contains("by meaning"), parts.toString());
    assertTrue(hit.at("/explanation/summary").asText().startsWith("hybrid: lexical "), hit.toString());

    JsonNode semantic = search(vectorApp, 200, q("car makers cut jobs") + "&mode=semantic&explain=true").at("/hits/0");
    assertEquals("vector", semantic.at("/explanation/parts/0/name").asText());
    assertEquals(semantic.get("score").asDouble(), semantic.at("/explanation/score").asDouble(), 1e-3);
  }

  @Test
  void without_vectors_lexical_is_the_default_and_semantic_or_hybrid_is_a_400_naming_mode() throws Exception {
    assertEquals("lexical", search(plainApp, 200, q("car makers cut jobs")).get("mode").asText());
    for (String mode : List.of("semantic", "hybrid")) {
      JsonNode error = search(plainApp, 400, q("car makers cut jobs") + "&mode=" + mode).get("error");
      assertEquals("vectors_unavailable", error.get("code").asText());
      String message = error.get("message").asText();
      assertTrue(message.startsWith("parameter 'mode': " + mode), message);
      assertTrue(message.contains("--vectors"), message);
    }
    JsonNode bad = search(vectorApp, 400, q("x") + "&mode=neural").get("error");
    assertTrue(bad.get("message").asText().contains("lexical, semantic, hybrid"), bad.toString());
    JsonNode empty = search(vectorApp, 400, "q=&mode=semantic").get("error");
    assertTrue(empty.get("message").asText().startsWith("parameter 'q'"), empty.toString());
    assertEquals("lexical", search(vectorApp, 200, "q=").get("mode").asText(), "browsing has no words to embed");
  }

  @Test
  void hybrid_still_suggests_a_spelling_when_the_words_find_nothing() throws Exception {
    JsonNode r = search(vectorApp, 200, q("carmakr"));
    assertTrue(r.get("total").asLong() > 0, "the kNN side finds articles anyway");
    assertEquals("carmaker", r.get("suggestion").asText(), r.toString());
  }

  @Test
  void with_vectors_on_api_writes_embed_and_later_runs_not_asked_keep_embedding() throws Exception {
    Path index = dir.resolve("written");
    Javalin app;
    // serve --vectors on an empty index, written to over the API only
    try (LuceneEngine engine = new LuceneEngine(index, Duration.ofMillis(100), SearchLimits.DEFAULTS, true)) {
      app = App.create(engine.search(), new WriteAccess(engine.store(), engine.preparer(), List.of(),
          Optional.of(KEY))).start("127.0.0.1", 0);
      try {
        apiWriteEmbeds(app);
      } finally {
        app.stop();
      }
    }
    // Another process, not asked for vectors: the index says it has them, so its runs add them too.
    Path more = dir.resolve("more.jsonl");
    Files.writeString(more, "{\"id\":\"whale-1\",\"language\":\"en\",\"title\":\"Whale stranded on beach is "
        + "refloated\",\"body\":\"Volunteers kept the animal wet for hours until the tide rose and it swam back out "
        + "to sea.\"}\n");
    try (LuceneEngine later = new LuceneEngine(index, Duration.ofMillis(100))) {
      later.indexer().run(new Indexer.Options(List.of(more), false, true), IndexProgress.NONE);
      assertEquals("whale-1", nearest(later, "marine mammal rescued by people on the shore"), "an update run");
      later.indexer().run(new Indexer.Options(List.of(COLLECTION.resolve("articles.jsonl"), more), true, true),
          IndexProgress.NONE);
      assertEquals("whale-1", nearest(later, "marine mammal rescued by people on the shore"), "a rebuild");
      assertEquals("hybrid", later.search().search(io.newssearch.search.SearchRequest.builder().query("whale")
          .build()).mode());
    }
  }

  private static String nearest(LuceneEngine engine, String query) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (true) { // the search view follows the other writer's commit within its refresh interval
      var hits = engine.search().search(io.newssearch.search.SearchRequest.builder().query(query)
          .mode(io.newssearch.search.SearchMode.SEMANTIC).build()).hits();
      if ((!hits.isEmpty() && hits.get(0).id().equals("whale-1")) || System.nanoTime() > deadline) {
        return hits.isEmpty() ? null : hits.get(0).id();
      }
      Thread.sleep(100);
    }
  }

  private static void apiWriteEmbeds(Javalin app) throws Exception {
    String motor = "{\"id\":\"motor-1\",\"language\":\"en\",\"title\":\"Carmaker to shed staff\",\"body\":"
        + "\"The company said falling orders forced it to close two assembly lines.\",\"date\":\"2025-03-01\"}";
    TestHttp.Reply first = TestHttp.send(app.port(), "POST", "/api/articles", motor, KEY);
    assertTrue(first.status() == 201 || first.status() == 200, first.toString());
    String body = "{\"id\":\"dairy-1\",\"language\":\"en\",\"title\":\"Dairy farmers block roads over milk prices\","
        + "\"body\":\"Hundreds of dairy farmers drove tractors into the capital to protest the low price that "
        + "supermarkets pay for their milk.\",\"date\":\"2025-04-01\"}";
    TestHttp.Reply written = TestHttp.send(app.port(), "POST", "/api/articles", body, KEY);
    assertTrue(written.status() == 201 || written.status() == 200, written.toString());
    List<String> found = ids(search(app, 200, q("agricultural producers demonstrate about what grocers pay")
        + "&mode=semantic"));
    assertEquals(List.of("dairy-1", "motor-1"), found, "the written article has a vector");
  }
}
