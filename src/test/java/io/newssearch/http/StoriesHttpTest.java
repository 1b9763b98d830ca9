package io.newssearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.newssearch.lucene.LuceneEngine;
import io.newssearch.TestIndexes;
import io.newssearch.story.StoryFixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** collapse=story and GET /api/stories/{id} over real HTTP, on the labelled story fixtures. */
class StoriesHttpTest {

  @TempDir static Path dir;
  static LuceneEngine engine;
  static Javalin app;
  static final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void start() throws Exception {
    TestIndexes.write(dir, StoryFixtures.load().stream().map(StoryFixtures.Labelled::article).toList());
    engine = new LuceneEngine(dir);
    app = App.create(engine.search()).start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() throws Exception {
    app.stop();
    engine.close();
  }

  static AppTest.Reply get(String pathAndQuery) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + pathAndQuery)).build(),
        HttpResponse.BodyHandlers.ofString());
    return new AppTest.Reply(r.statusCode(), json.readTree(r.body()), "");
  }

  @Test
  void GET_search_collapses_a_story_to_its_best_version_with_the_others_as_sources() throws Exception {
    AppTest.Reply r = get("/api/search?q=wildfire+Athens+evacuation&sort=date");
    JsonNode top = r.body().at("/hits/0");
    assertEquals("story", r.body().at("/collapse").asText());
    assertEquals("articles", r.body().at("/facets_count").asText());
    assertTrue(r.body().at("/total_articles").asLong() > r.body().at("/total").asLong());
    assertEquals("wildfire-1", top.get("story").asText());
    assertEquals("wildfire-5", top.get("id").asText(), "the newest version leads a date sort");
    assertEquals(4, top.get("sources_count").asInt());
    assertEquals("wildfire-1", top.at("/sources/0/id").asText(), "oldest first");
    assertEquals("Wire Service", top.at("/sources/0/source").asText());
    assertTrue(top.at("/sources/0/url").asText().startsWith("https://"));
    assertEquals("2024-05-10T00:00:00Z", top.at("/sources/0/published").asText());

    AppTest.Reply none = get("/api/search?q=wildfire+Athens+evacuation&sort=date&collapse=none");
    assertEquals(none.body().at("/total").asLong(), r.body().at("/total_articles").asLong());
    assertTrue(none.body().at("/hits/0/sources").isMissingNode());
  }

  @Test
  void GET_story_lists_every_version_oldest_first_or_404() throws Exception {
    AppTest.Reply r = get("/api/stories/wildfire-1");
    assertEquals(200, r.status());
    assertEquals(5, r.body().get("count").asInt());
    assertEquals("wildfire-1", r.body().at("/versions/0/id").asText());
    assertEquals("wildfire-5", r.body().at("/versions/4/id").asText());
    assertEquals(404, get("/api/stories/no-such-story").status());
  }
}
