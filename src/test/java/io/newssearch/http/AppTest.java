package io.newssearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.newssearch.lucene.LuceneEngine;
import io.newssearch.TestIndexes;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The real server on a free port, asked over real HTTP. */
class AppTest {

  @TempDir static Path dir;
  static LuceneEngine engine;
  static Javalin app;
  static final HttpClient http = HttpClient.newHttpClient();
  static final ObjectMapper json = new ObjectMapper();

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

  record Reply(int status, JsonNode body, String contentType) {}

  static Reply get(String pathAndQuery) throws Exception {
    HttpResponse<String> r = http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + pathAndQuery)).build(),
        HttpResponse.BodyHandlers.ofString());
    return new Reply(r.statusCode(), json.readTree(r.body()),
        r.headers().firstValue("content-type").orElse(""));
  }

  @Test
  void a_star_alone_browses_every_article_in_both_modes() throws Exception {
    long every = get("/api/search?q=").body().at("/total").asLong();
    assertTrue(every > 2);
    for (String q : java.util.List.of("*", "*:*")) {
      for (String strict : java.util.List.of("false", "true")) {
        Reply r = get("/api/search?q=" + enc(q) + "&strict=" + strict);
        assertEquals(200, r.status(), q + " " + r.body());
        assertEquals(every, r.body().at("/total").asLong(), q + " strict=" + strict);
      }
    }
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void GET_search_returns_ranked_highlighted_hits_with_facets() throws Exception {
    Reply r = get("/api/search?q=" + enc("naval drill") + "&lang=en");
    assertEquals(200, r.status());
    assertTrue(r.contentType().startsWith("application/json"));
    assertEquals("naval-1", r.body().at("/hits/0/id").asText());
    assertTrue(r.body().at("/hits/0/highlight/title").asText().contains("<mark>"));
    assertEquals("2025-07-25T09:00:00Z", r.body().at("/hits/0/published").asText());
    assertTrue(r.body().at("/total").asLong() >= 2);
    assertTrue(r.body().at("/took_ms").isNumber());
    assertTrue(r.body().at("/facets/language").isArray());
    assertTrue(r.body().at("/facets/date/buckets").isArray());
  }

  @Test
  void GET_search_reads_a_language_in_any_form_as_ingest_does() throws Exception {
    long expected = get("/api/search?q=drill&lang=en").body().at("/total").asLong();
    assertTrue(expected >= 1);
    for (String form : new String[] {"EN", "eng", "English", "en,eng"}) {
      Reply r = get("/api/search?q=drill&lang=" + enc(form));
      assertEquals(200, r.status(), form);
      assertEquals(expected, r.body().at("/total").asLong(), form);
    }
    Reply unknown = get("/api/search?q=drill&lang=xx");
    assertEquals(400, unknown.status());
    assertTrue(unknown.body().at("/error/message").asText().contains("'xx' is not a language we know"),
        unknown.body().toString());
  }

  @Test
  void GET_article_returns_the_whole_article_or_404() throws Exception {
    Reply r = get("/api/articles/de-1");
    assertEquals(200, r.status());
    assertEquals("Stadtbote", r.body().get("source").asText());
    assertTrue(r.body().get("body").asText().contains("Gebäude"));
    Reply missing = get("/api/articles/no-such-id");
    assertEquals(404, missing.status());
    assertEquals("not_found", missing.body().at("/error/code").asText());
  }

  @Test
  void GET_health_reports_article_count() throws Exception {
    Reply r = get("/health");
    assertEquals(200, r.status());
    assertEquals(TestIndexes.newsroom().size(), r.body().get("articles").asInt());
  }

  @Test
  void cursor_paging_over_http_walks_every_article_once() throws Exception {
    Set<String> seen = new HashSet<>();
    int count = 0;
    Reply r = get("/api/search?sort=date&size=4&collapse=none");
    while (true) {
      for (JsonNode h : r.body().get("hits")) {
        seen.add(h.get("id").asText());
        count++;
      }
      JsonNode next = r.body().get("next_cursor");
      if (next == null || next.isNull()) {
        break;
      }
      r = get("/api/search?sort=date&size=4&collapse=none&cursor=" + enc(next.asText()));
      assertEquals(200, r.status());
    }
    assertEquals(TestIndexes.newsroom().size(), count);
    assertEquals(count, seen.size());
  }

  @Test
  void GET_related_returns_search_shaped_hits_of_the_same_story() throws Exception {
    Reply r = get("/api/articles/naval-1/related");
    assertEquals(200, r.status());
    assertEquals("naval-1", r.body().get("id").asText());
    assertEquals("naval-2", r.body().at("/hits/0/id").asText());
    assertTrue(r.body().at("/hits/0/highlight/title").asText().contains("<mark>"));
    assertTrue(r.body().at("/hits/0/score").isNumber());
    for (JsonNode h : r.body().get("hits")) {
      assertFalse(h.get("id").asText().startsWith("economy"), r.body().toString());
    }
    assertEquals(1, get("/api/articles/naval-1/related?size=1").body().get("hits").size());
  }

  @Test
  void GET_related_of_an_unknown_article_is_404() throws Exception {
    Reply r = get("/api/articles/no-such-id/related");
    assertEquals(404, r.status());
    assertEquals("not_found", r.body().at("/error/code").asText());
    assertTrue(r.body().at("/error/message").asText().contains("no-such-id"));
  }

  @Test
  void GET_suggest_completes_nav_to_the_naval_title() throws Exception {
    Reply r = get("/api/suggest?q=nav");
    assertEquals(200, r.status());
    JsonNode first = r.body().at("/suggestions/0");
    assertEquals("Iran and Russia launch joint naval drill in Caspian Sea", first.get("text").asText());
    assertEquals("Iran and Russia launch joint <b>nav</b>al drill in Caspian Sea", first.get("highlighted").asText());
    assertEquals("title", first.get("kind").asText());
    Reply tags = get("/api/suggest?q=energ&size=20");
    assertTrue(tags.body().get("suggestions").findValuesAsText("kind").contains("tag"), tags.body().toString());
  }

  @Test
  void GET_search_with_a_misspelled_query_carries_a_suggestion() throws Exception {
    Reply r = get("/api/search?q=" + enc("caspain navel drill"));
    assertEquals(200, r.status());
    assertEquals("caspian naval drill", r.body().get("suggestion").asText());
    Reply fine = get("/api/search?q=" + enc("naval drill"));
    assertTrue(fine.body().has("suggestion"), "the field is always there");
    assertTrue(fine.body().get("suggestion").isNull());
  }

  @Test
  void GET_stats_counts_the_index() throws Exception {
    Reply r = get("/api/stats");
    assertEquals(200, r.status());
    assertEquals(12, r.body().get("articles").asLong());
    assertEquals(9, r.body().at("/by_language/en").asLong());
    assertEquals(4, r.body().at("/by_source/Coastal Courier").asLong());
    assertEquals("2023-11-20T09:00:00Z", r.body().get("oldest").asText());
    assertEquals("2025-07-28T09:00:00Z", r.body().get("newest").asText());
    assertTrue(r.body().get("size_on_disk_bytes").asLong() > 0);
    assertTrue(r.body().get("segments").asInt() >= 1);
    assertFalse(r.body().get("last_commit").asText().isEmpty());
  }

  @Test
  void GET_search_with_explain_returns_parts_that_add_up_and_the_recency_scale() throws Exception {
    Reply r = get("/api/search?q=" + enc("river flood") + "&sort=recency&recency_scale=7d&explain=true"
        + "&now=2025-01-16T00:00:00Z");
    assertEquals(200, r.status());
    JsonNode e = r.body().at("/hits/0/explanation");
    double sum = 0;
    boolean recency = false;
    for (JsonNode p : e.get("parts")) {
      sum += p.get("value").asDouble();
      if (p.get("name").asText().equals("recency")) {
        recency = p.get("detail").asText().contains("half-life 7d");
      }
    }
    assertEquals(r.body().at("/hits/0/score").asDouble(), sum, 0.01);
    assertTrue(recency, e.toString());
    assertTrue(e.get("summary").asText().contains(" = "));
    assertTrue(get("/api/search?q=flood").body().at("/hits/0/explanation").isMissingNode());
  }

  @Test
  void GET_search_reads_a_date_phrase_as_a_filter_and_dates_off_leaves_it_as_words() throws Exception {
    Reply r = get("/api/search?q=" + enc("river flood in 2025") + "&now=2025-06-01T00:00:00Z");
    assertEquals(200, r.status());
    assertEquals("in 2025", r.body().at("/interpreted/text").asText());
    assertEquals("2025-01-01T00:00:00Z", r.body().at("/interpreted/from").asText());
    assertEquals("2025-12-31T23:59:59.999Z", r.body().at("/interpreted/to").asText());
    assertEquals("river flood", r.body().at("/interpreted/query").asText());
    assertEquals(1, r.body().at("/total").asLong());
    assertEquals("flood-new", r.body().at("/hits/0/id").asText());

    Reply off = get("/api/search?q=" + enc("river flood in 2025") + "&dates=off&collapse=none");
    assertTrue(off.body().at("/interpreted").isNull());
    assertEquals(2, off.body().at("/total").asLong());

    Reply russian = get("/api/search?q=" + enc("учения с июля 2025") + "&now=2025-08-01T00:00:00Z");
    assertEquals("с июля 2025", russian.body().at("/interpreted/text").asText());
    assertEquals("ru-1", russian.body().at("/hits/0/id").asText());
    Reply words = get("/api/search?q=" + enc("prices may fall"));
    assertTrue(words.body().at("/interpreted").isNull());
  }

  @Test
  void GET_search_searches_a_date_phrase_as_words_when_read_as_a_date_it_finds_nothing() throws Exception {
    Reply dated = get("/api/search?q=" + enc("river flood in 1990") + "&now=2025-06-01T00:00:00Z&collapse=none");
    assertEquals(200, dated.status());
    assertTrue(dated.body().at("/interpreted").isNull(), "no 1990 article: the date reading is dropped");
    assertEquals(2, dated.body().at("/total").asLong(), "both flood articles, as with dates=off");

    Reply onlyADate = get("/api/search?q=" + enc("in 1990") + "&now=2025-06-01T00:00:00Z");
    assertEquals("in 1990", onlyADate.body().at("/interpreted/text").asText(), "a query that is only a date keeps it");
    assertEquals(0, onlyADate.body().at("/total").asLong());
  }

  @Test
  void GET_search_searches_a_quoted_phrase_no_article_holds_as_words_and_says_so() throws Exception {
    String paraphrase = enc("\"joint naval exercise in the Caspian\"");
    Reply r = get("/api/search?q=" + paraphrase + "&collapse=none&size=1");
    assertEquals(200, r.status());
    assertEquals("naval-1", r.body().at("/hits/0/id").asText());
    assertEquals("joint naval exercise in the Caspian", r.body().at("/relaxed/phrases/0").asText());
    Reply next = get("/api/search?q=" + paraphrase + "&collapse=none&size=1&cursor="
        + enc(r.body().at("/next_cursor").asText()));
    assertEquals(200, next.status());
    assertEquals(r.body().at("/relaxed"), next.body().at("/relaxed"), "the next page is the words too");
    assertFalse(next.body().at("/hits/0/id").asText().equals("naval-1"));

    Reply exact = get("/api/search?q=" + enc("\"joint naval drill\"") + "&collapse=none");
    assertEquals(1, exact.body().at("/total").asLong());
    assertTrue(exact.body().at("/relaxed").isNull(), exact.body().toString());
    Reply strict = get("/api/search?q=" + paraphrase + "&strict=true");
    assertEquals(0, strict.body().at("/total").asLong());
    assertTrue(strict.body().at("/relaxed").isNull());
  }

  @Test
  void GET_search_counts_and_filters_people_organisations_and_places() throws Exception {
    Reply all = get("/api/search?size=20&collapse=none");
    JsonNode places = all.body().at("/facets/place");
    assertTrue(places.isArray() && places.size() > 0, all.body().at("/facets").toString());
    assertTrue(all.body().at("/facets/person").isArray());
    assertTrue(all.body().at("/facets/org").isArray());
    String place = places.get(0).get("value").asText();
    long count = places.get(0).get("count").asLong();
    Reply narrowed = get("/api/search?collapse=none&place=" + enc(place));
    assertEquals(200, narrowed.status());
    assertEquals(count, narrowed.body().at("/total").asLong());
    assertTrue(narrowed.body().at("/facets/place/0/selected").asBoolean());
    Reply none = get("/api/search?place=" + enc(place) + "&person=" + enc("Nobody Atall"));
    assertEquals(0, none.body().at("/total").asLong());
  }

  static Stream<Arguments> badRequests() {
    return Stream.of(
        Arguments.of("/api/search?q=x&from=2025-13-45", "from"),
        Arguments.of("/api/search?q=x&to=yesterday", "to"),
        Arguments.of("/api/search?q=x&sort=bogus", "sort"),
        Arguments.of("/api/search?q=x&size=-1", "size"),
        Arguments.of("/api/search?q=x&size=1000", "size"),
        Arguments.of("/api/search?q=x&size=ten", "size"),
        Arguments.of("/api/search?q=x&page=0", "page"),
        Arguments.of("/api/search?q=x&page=100000", "page"),
        Arguments.of("/api/search?q=x&cursor=not-a-cursor", "cursor"),
        Arguments.of("/api/search?q=x&from=2025-02-01&to=2025-01-01", "from"),
        Arguments.of("/api/search?q=x&lang=english!", "lang"),
        Arguments.of("/api/search?q=x&colour=red", "colour"),
        Arguments.of("/api/search?q=x&q=y", "q"),
        Arguments.of("/api/search?q=x&op=xor", "op"),
        Arguments.of("/api/search?q=x&strict=maybe", "strict"),
        Arguments.of("/api/search?q=x&explain=perhaps", "explain"),
        Arguments.of("/api/search?q=x&dates=maybe", "dates"),
        Arguments.of("/api/search?q=x&collapse=source", "collapse"),
        Arguments.of("/api/search?q=x&person=" + "x".repeat(201), "person"),
        Arguments.of("/api/search?q=x&place=" + "x".repeat(201), "place"),
        Arguments.of("/api/stories/flood-new?size=3", "size"),
        Arguments.of("/api/search?q=x&sort=recency&recency_scale=soon", "recency_scale"),
        Arguments.of("/api/search?q=x&sort=recency&recency_scale=0d", "recency_scale"),
        Arguments.of("/api/search?q=x&sort=recency&recency_scale=99999d", "recency_scale"),
        Arguments.of("/api/search?q=x&recency_scale=7d", "recency_scale"),
        Arguments.of("/api/search?q=" + enc("naval AND (drill") + "&strict=true", "column"),
        Arguments.of("/api/search?q=" + enc("*ship") + "&strict=true", "*"),
        Arguments.of("/api/nowhere", "/api/nowhere"),
        Arguments.of("/api/articles/naval-1/related?size=0", "size"),
        Arguments.of("/api/articles/naval-1/related?size=51", "size"),
        Arguments.of("/api/articles/naval-1/related?size=five", "size"),
        Arguments.of("/api/articles/naval-1/related?size=2&size=3", "size"),
        Arguments.of("/api/articles/naval-1/related?lang=en", "lang"),
        Arguments.of("/api/suggest", "q"),
        Arguments.of("/api/suggest?q=", "q"),
        Arguments.of("/api/suggest?q=%20%20", "q"),
        Arguments.of("/api/suggest?q=" + "x".repeat(101), "q"),
        Arguments.of("/api/suggest?q=nav&size=21", "size"),
        Arguments.of("/api/suggest?q=nav&size=0", "size"),
        Arguments.of("/api/suggest?q=nav&size=-3", "size"),
        Arguments.of("/api/suggest?q=nav&size=lots", "size"),
        Arguments.of("/api/suggest?q=nav&q=sea", "q"),
        Arguments.of("/api/suggest?q=nav&kind=tag", "kind"),
        Arguments.of("/api/stats?verbose=true", "verbose"));
  }

  @ParameterizedTest
  @MethodSource("badRequests")
  void bad_input_gets_a_json_4xx_naming_the_problem(String url, String named) throws Exception {
    Reply r = get(url);
    assertTrue(r.status() >= 400 && r.status() < 500, url + " -> " + r.status());
    String message = r.body().at("/error/message").asText();
    assertFalse(r.body().at("/error/code").asText().isEmpty());
    assertTrue(message.contains(named), url + " -> " + message);
    assertFalse(message.contains("Exception"), message);
  }
}
