package io.newssearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.newssearch.TestIndexes;
import io.newssearch.lucene.LuceneEngine;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code POST /api/search} with a JSON body answers exactly what {@code GET /api/search} answers
 * for the same parameters, errors included (status, code and words), over real HTTP.
 */
class SearchPostTest {

  @TempDir static Path dir;
  static LuceneEngine engine;
  static Javalin app;
  static final HttpClient http = HttpClient.newHttpClient();
  static final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void start() throws Exception {
    TestIndexes.write(dir, TestIndexes.newsroom());
    engine = new LuceneEngine(dir);
    app = App.create(engine.search()).start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() throws Exception {
    app.stop();
    engine.close();
  }

  /** The same request as a query string and as a JSON body. */
  static Stream<Arguments> pairs() {
    return Stream.of(
        Arguments.of("q=naval+drill&lang=en", "{\"q\": \"naval drill\", \"lang\": \"en\"}"),
        Arguments.of("q=naval+drill&lang=en", "{\"q\": \"naval drill\", \"lang\": [\"en\"]}"),
        Arguments.of("", "{}"),
        Arguments.of("", ""),
        Arguments.of("q=&lang=ru&lang=de&size=20", "{\"q\": \"\", \"lang\": [\"ru\", \"de\"], \"size\": 20}"),
        Arguments.of("lang=ru,de&size=2&page=2", "{\"lang\": \"ru,de\", \"size\": \"2\", \"page\": 2}"),
        Arguments.of("q=river+flood&collapse=none&sort=date", "{\"q\": \"river flood\", \"collapse\": \"none\", \"sort\": \"date\"}"),
        Arguments.of("q=caspian&explain=true&sort=recency&recency_scale=7d&now=2025-08-01",
            "{\"q\": \"caspian\", \"explain\": true, \"sort\": \"recency\", \"recency_scale\": \"7d\", \"now\": \"2025-08-01\"}"),
        Arguments.of("q=caspian&explain=false&strict=1", "{\"q\": \"caspian\", \"explain\": false, \"strict\": 1}"),
        Arguments.of("q=rates&from=2024-01-01&to=2024-12-31&op=and", "{\"q\": \"rates\", \"from\": \"2024-01-01\", \"to\": \"2024-12-31\", \"op\": \"and\"}"),
        Arguments.of("tag=Iran&tag=Caspian+Sea", "{\"tag\": [\"Iran\", \"Caspian Sea\"]}"),
        Arguments.of("q=caspian&lang=en&lang=eng&lang=English", "{\"q\": \"caspian\", \"lang\": [\"en\", \"eng\", \"English\"], \"sort\": null}"),
        // errors: the same status, code and words
        Arguments.of("q=x&colapse=none", "{\"q\": \"x\", \"colapse\": \"none\"}"),
        Arguments.of("from=2024-13-45", "{\"from\": \"2024-13-45\"}"),
        Arguments.of("lang=klingonese", "{\"lang\": [\"klingonese\"]}"),
        Arguments.of("size=0", "{\"size\": 0}"),
        Arguments.of("size=abc", "{\"size\": \"abc\"}"),
        Arguments.of("size=1.5", "{\"size\": 1.5}"),
        Arguments.of("q=a&q=b", "{\"q\": [\"a\", \"b\"]}"),
        Arguments.of("q=a&q=b", "{\"q\": \"a\", \"q\": \"b\"}"),
        Arguments.of("q=title:(drill&strict=true", "{\"q\": \"title:(drill\", \"strict\": true}"),
        Arguments.of("q=x&recency_scale=7d", "{\"q\": \"x\", \"recency_scale\": \"7d\"}"),
        Arguments.of("sort=newest", "{\"sort\": \"newest\"}"),
        Arguments.of("cursor=not-a-cursor", "{\"cursor\": \"not-a-cursor\"}"),
        Arguments.of("strict=maybe", "{\"strict\": \"maybe\"}"),
        Arguments.of("page=200&size=100", "{\"page\": 200, \"size\": 100}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pairs")
  void a_json_body_gets_the_answer_of_the_same_query_string(String query, String body) throws Exception {
    HttpResponse<String> get = get("/api/search" + (query.isEmpty() ? "" : "?" + query));
    HttpResponse<String> post = post(body, "application/json");
    assertEquals(get.statusCode(), post.statusCode(), post.body());
    assertEquals(comparable(get.body()), comparable(post.body()));
    if (get.statusCode() == 400) {
      assertTrue(json.readTree(post.body()).at("/error/message").asText().length() > 10, post.body());
    }
  }

  @Test
  void a_body_that_is_not_a_search_object_is_a_400_saying_so() throws Exception {
    assertError(post("{\"q\": \"x\"", "application/json"), 400, "invalid_json", "not valid JSON");
    assertError(post("[\"q\", \"x\"]", "application/json"), 400, "invalid_json", "must be a JSON object");
    assertError(post("{\"q\": \"x\"} {\"q\": \"y\"}", "application/json"), 400, "invalid_json", "more after the closing }");
    assertError(post("{\"lang\": {\"any\": \"en\"}}", "application/json"), 400, "invalid_parameter",
        "parameter 'lang': expected a string, a number, a boolean or an array of them, not an object");
    assertError(post("{\"lang\": [[\"en\"]]}", "application/json"), 400, "invalid_parameter",
        "parameter 'lang': an array may hold only strings, numbers and booleans, not an array");
    // Past one of the JSON reader's limits, which names no place of its own: a 400, not a 500.
    assertError(post("{\"size\": " + "7".repeat(2_000) + "}", "application/json"), 400, "invalid_json",
        "not valid JSON: Number value length (2000) exceeds the maximum");
  }

  @Test
  void parameters_come_from_the_body_only() throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/api/search?q=naval"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertError(r, 400, "invalid_parameter", "parameter 'q': POST /api/search reads its parameters from the JSON body");
  }

  @Test
  void a_form_or_text_body_is_a_415_naming_json() throws Exception {
    assertError(post("q=naval", "application/x-www-form-urlencoded"), 415, "unsupported_media_type",
        "send application/json");
    HttpResponse<String> untyped = post("{\"q\": \"naval drill\"}", null);
    assertEquals(200, untyped.statusCode(), "no Content-Type is read as JSON: " + untyped.body());
    assertEquals(200, post("{\"q\": \"naval\"}", "application/json; charset=utf-8").statusCode());
  }

  @Test
  void the_openapi_body_schema_names_every_search_parameter() throws Exception {
    JsonNode doc = json.readTree(App.class.getResourceAsStream("/openapi.json"));
    java.util.Set<String> documented = new java.util.TreeSet<>();
    doc.at("/components/schemas/SearchBody/properties").fieldNames().forEachRemaining(documented::add);
    java.util.Set<String> parameters = new java.util.TreeSet<>();
    io.newssearch.search.SearchParameters.ALL.forEach(p -> parameters.add(p.name()));
    assertEquals(parameters, documented);
  }

  static void assertError(HttpResponse<String> r, int status, String code, String words) throws Exception {
    assertEquals(status, r.statusCode(), r.body());
    JsonNode error = json.readTree(r.body()).get("error");
    assertEquals(code, error.get("code").asText(), r.body());
    assertTrue(error.get("message").asText().contains(words), r.body());
  }

  /** The answer without what differs between two runs of one search. */
  static JsonNode comparable(String body) throws Exception {
    JsonNode node = json.readTree(body);
    if (node instanceof ObjectNode o) {
      o.remove("took_ms");
    }
    return node;
  }

  static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + app.port() + path);
  }

  static HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> post(String body, String contentType) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri("/api/search")).POST(HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
