package io.newssearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Real HTTP requests to a server on 127.0.0.1, for the tests that write over the API. */
public final class TestHttp {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  private TestHttp() {}

  /** A status and the parsed JSON body (null when empty). */
  public record Reply(int status, JsonNode body) {}

  /** @param key the admin key sent as a bearer token, or null for none */
  public static Reply send(int port, String method, String path, String body, String key) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (key != null) {
      b.header("Authorization", "Bearer " + key);
    }
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(r.statusCode(), r.body().isEmpty() ? null : JSON.readTree(r.body()));
  }

  /** An article as a feed posts it, with a body long enough to have a story signature. */
  public static String article(String id, String title) {
    return "{\"id\":\"" + id + "\",\"title\":\"" + title + "\",\"body\":\"Harbour master Ann Lee said "
        + "the Kestrel Bay tide gauge recorded a new high water mark. Kestrel Bay has seen three such nights.\",\"date\":\"2025-05-05\"}";
  }
}
