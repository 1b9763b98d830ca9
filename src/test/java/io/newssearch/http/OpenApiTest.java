package io.newssearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.javalin.router.ParsedEndpoint;
import io.newssearch.lucene.LuceneEngine;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /openapi.json} and the routes declared in {@link App} describe the same API. */
class OpenApiTest {

  /** Methods an OpenAPI path item can hold; Javalin's before/after filters are not operations. */
  static final Set<HandlerType> OPERATIONS = Set.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT,
      HandlerType.PATCH, HandlerType.DELETE);

  /** The search page's routes serve HTML and assets, not the API, and are not in the document. */
  static boolean isPage(String path) {
    return path.equals("/") || path.equals("/articles/{id}") || path.startsWith("/assets")
        || path.startsWith("/static");
  }


  @TempDir static Path dir;
  static LuceneEngine engine;
  static Javalin app;
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

  static JsonNode document() throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/openapi.json")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/json"));
    return json.readTree(r.body());
  }

  /** "GET /api/search", ... for every operation the app routes, page routes aside. */
  static Set<String> routed() {
    Set<String> out = new TreeSet<>();
    for (ParsedEndpoint e : app.unsafe.internalRouter.allHttpHandlers()) {
      if (OPERATIONS.contains(e.endpoint.method) && !isPage(e.endpoint.path)) {
        out.add(e.endpoint.method.name() + " " + e.endpoint.path);
      }
    }
    return out;
  }

  /** The same for the document; Javalin and OpenAPI both write a path parameter as {id}. */
  static Set<String> documented(JsonNode doc) {
    Set<String> out = new TreeSet<>();
    for (Iterator<String> paths = doc.get("paths").fieldNames(); paths.hasNext(); ) {
      String path = paths.next();
      for (Iterator<String> methods = doc.get("paths").get(path).fieldNames(); methods.hasNext(); ) {
        String method = methods.next().toUpperCase(Locale.ROOT);
        if (OPERATIONS.stream().anyMatch(m -> m.name().equals(method))) {
          out.add(method + " " + path);
        }
      }
    }
    return out;
  }

  @Test
  void every_route_is_documented_and_every_documented_operation_is_routed() throws Exception {
    Set<String> routed = routed();
    Set<String> documented = documented(document());
    assertTrue(routed.contains("GET /api/search"), "the walk finds the routes: " + routed);

    Set<String> undocumented = new TreeSet<>(routed);
    undocumented.removeAll(documented);
    assertEquals(Set.of(), undocumented, "routes missing from src/main/resources/openapi.json");

    Set<String> unrouted = new TreeSet<>(documented);
    unrouted.removeAll(routed);
    assertEquals(Set.of(), unrouted, "operations in openapi.json that App does not route");
  }

  @Test
  void the_document_is_openapi_3_with_responses_and_the_error_schema() throws Exception {
    JsonNode doc = document();
    assertTrue(doc.get("openapi").asText().startsWith("3."));
    assertTrue(doc.at("/components/schemas/Error/properties/error/properties/code").isObject());
    for (String op : documented(doc)) {
      String[] parts = op.split(" ", 2);
      JsonNode operation = doc.get("paths").get(parts[1]).get(parts[0].toLowerCase(Locale.ROOT));
      assertTrue(operation.get("responses").size() > 1, op + " lists its responses");
      assertTrue(operation.at("/responses/500").isObject(), op + " documents the error body");
      if (parts[1].contains("{id}")) {
        assertEquals("id", operation.at("/parameters/0/name").asText(), op + " documents {id}");
      }
    }
    assertTrue(doc.at("/paths/~1api~1search/get/responses/200/content/application~1json/schema/$ref")
        .asText().endsWith("SearchResult"));
    assertTrue(doc.at("/components/schemas/SearchResult/properties/timed_out").isObject());
  }
}
