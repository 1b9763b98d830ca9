package io.newssearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import io.newssearch.article.Article;
import io.newssearch.search.IndexStats;
import io.newssearch.search.RelatedRequest;
import io.newssearch.search.RelatedResult;
import io.newssearch.search.SearchRequest;
import io.newssearch.search.SearchResult;
import io.newssearch.search.SearchService;
import io.newssearch.search.SuggestRequest;
import io.newssearch.search.SuggestResult;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A stop lets the request in flight finish, then refuses new connections. */
class GracefulStopTest {

  /** A search that takes {@code delay}, so a stop is sure to find it in flight. */
  static final class SlowSearch implements SearchService {
    final CountDownLatch entered = new CountDownLatch(1);
    final Duration delay;

    SlowSearch(Duration delay) {
      this.delay = delay;
    }

    @Override
    public SearchResult search(SearchRequest request) {
      entered.countDown();
      try {
        Thread.sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted: the stop did not wait", e);
      }
      return new SearchResult(0, delay.toMillis(), false, 1, request.size(), null, List.of(),
          new SearchResult.Facets(List.of(), List.of(), List.of(), new SearchResult.DateHistogram("day", List.of()),
              List.of(), List.of(), List.of()),
          null, null, "story", 0, SearchResult.FACETS_COUNT, "lexical", SearchResult.TOTAL_EXACT);
    }

    @Override
    public Optional<Article> article(String id) {
      return Optional.empty();
    }

    @Override
    public long count() {
      return 0;
    }

    @Override
    public Optional<RelatedResult> related(RelatedRequest request) {
      return Optional.empty();
    }

    @Override
    public Optional<io.newssearch.search.StoryResult> story(String id) {
      return Optional.empty();
    }

    @Override
    public SuggestResult suggest(SuggestRequest request) {
      return new SuggestResult(List.of());
    }

    @Override
    public IndexStats stats() {
      return new IndexStats(0, Map.of(), Map.of(), null, null, 0, 0, null);
    }

    @Override
    public void close() {}
  }

  @Test
  void stop_finishes_the_request_in_flight_then_refuses_new_ones() throws Exception {
    SlowSearch slow = new SlowSearch(Duration.ofMillis(800));
    ServerLimits limits = new ServerLimits(ServerLimits.DEFAULT_MAX_BODY_BYTES,
        ServerLimits.DEFAULT_MAX_HEADER_BYTES, Duration.ofSeconds(10));
    Javalin app = App.create(slow, WriteAccess.disabled(), limits, new Metrics()).start("127.0.0.1", 0);
    HttpClient http = HttpClient.newHttpClient();
    URI search = URI.create("http://127.0.0.1:" + app.port() + "/api/search?q=slow");

    CompletableFuture<HttpResponse<String>> inFlight =
        http.sendAsync(HttpRequest.newBuilder(search).build(), HttpResponse.BodyHandlers.ofString());
    assertTrue(slow.entered.await(10, TimeUnit.SECONDS), "the request reached the handler");
    long start = System.nanoTime();
    app.stop();
    long stopMs = (System.nanoTime() - start) / 1_000_000;

    HttpResponse<String> answered = inFlight.get(10, TimeUnit.SECONDS);
    assertEquals(200, answered.statusCode(), answered.body());
    assertTrue(answered.body().contains("\"timed_out\":false"), answered.body());
    assertTrue(stopMs < 10_000, "stopped well within the shutdown timeout: " + stopMs + " ms");
    assertThrows(IOException.class, () -> HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(search).build(), HttpResponse.BodyHandlers.ofString()));
  }
}
