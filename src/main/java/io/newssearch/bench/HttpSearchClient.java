package io.newssearch.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * One client of the real server, as a user's application would be: the JDK's HTTP/1.1 client, one
 * request at a time over a kept-alive connection, the whole response read. A non-200 answer is an
 * error, not a latency.
 */
final class HttpSearchClient implements AutoCloseable {

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(120);

  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final String base;
  private long timedOut;

  HttpSearchClient(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  /** @return the response length, so the work cannot be optimised away */
  int get(String pathAndQuery) throws IOException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(REQUEST_TIMEOUT).GET().build();
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IOException("GET " + pathAndQuery + " answered " + response.statusCode() + ": "
            + response.body().substring(0, Math.min(300, response.body().length())));
      }
      if (response.body().contains("\"timed_out\":true")) timedOut++;
      return response.body().length();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  /** Waits until the server answers /health, or gives up when the process died or time ran out. */
  void awaitReady(ChildJvm server, Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline && server.isAlive()) {
      try {
        get("/health");
        return;
      } catch (IOException e) {
        Thread.sleep(250); // not listening yet
      }
    }
    throw new IOException(server.isAlive() ? "the server did not answer within " + timeout : "the server exited while starting");
  }

  /** Responses that said the search ran out of its time budget ({@code timed_out: true}). */
  long timedOut() {
    return timedOut;
  }

  @Override
  public void close() {
    client.close();
  }
}
