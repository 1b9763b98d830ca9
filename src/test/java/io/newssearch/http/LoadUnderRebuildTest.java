package io.newssearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.newssearch.lucene.LuceneEngine;
import io.newssearch.index.IndexProgress;
import io.newssearch.index.Indexer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bounded load on the loopback address: 16 clients search for 20 s while rebuilds run back to
 * back and a feed writes articles. No request may fail or get a 5xx, and every written article
 * must be there afterwards. Prints the request count and latency percentiles.
 */
class LoadUnderRebuildTest {

  static final String KEY = "load-key";
  static final int CLIENTS = 16;
  static final Duration RUN = Duration.ofSeconds(20);
  /** On a loaded machine the load goes on past RUN until enough rebuilds and writes have run, up to this. */
  static final Duration MAX_RUN = Duration.ofMinutes(4);
  static final int MIN_REBUILDS = 2, MIN_WRITES = 5;
  static final List<String> QUERIES = List.of("naval drill", "ferry", "storm", "bridge", "election",
      "Klimaschutzgesetz", "морских учениях", "رزمایش دریایی", "lighthouse keepers", "\"engine fire\"",
      "harbour OR port", "title:drill*", "", "penalty shootout", "sequía");

  @TempDir Path dir;

  @Test
  void searches_stay_answered_while_rebuilds_and_writes_run_and_nothing_is_lost() throws Exception {
    Path corpus = Path.of("sample-corpus");
    ObjectMapper json = new ObjectMapper();
    try (LuceneEngine engine = new LuceneEngine(dir, Duration.ofMillis(200))) {
      engine.indexer().run(new Indexer.Options(List.of(corpus), false, false), IndexProgress.NONE);
      Javalin app = App.create(engine.search(), new WriteAccess(engine.store(), engine.preparer(),
          List.of(corpus), Optional.of(KEY))).start("127.0.0.1", 0);
      String base = "http://127.0.0.1:" + app.port();
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      AtomicLong requests = new AtomicLong(), failures = new AtomicLong(), rebuilds = new AtomicLong();
      List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
      List<String> problems = Collections.synchronizedList(new ArrayList<>());
      List<String> written = Collections.synchronizedList(new ArrayList<>());
      long start = System.nanoTime();
      long deadline = start + RUN.toNanos(), hardDeadline = start + MAX_RUN.toNanos();
      java.util.function.BooleanSupplier going = () -> System.nanoTime() < deadline
          || System.nanoTime() < hardDeadline && (rebuilds.get() < MIN_REBUILDS || written.size() < MIN_WRITES);
      ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 2);
      try {
        List<Future<?>> jobs = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
          Random random = new Random(c);
          jobs.add(pool.submit(() -> {
            while (going.getAsBoolean()) {
              String q = QUERIES.get(random.nextInt(QUERIES.size()));
              String url = base + "/api/search?size=10&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)
                  + (random.nextBoolean() ? "&sort=date" : "");
              long t0 = System.nanoTime();
              try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString());
                latencies.add(System.nanoTime() - t0);
                if (r.statusCode() != 200) {
                  failures.incrementAndGet();
                  problems.add(r.statusCode() + " " + url);
                }
              } catch (Exception e) {
                failures.incrementAndGet();
                problems.add(e + " " + url);
              }
              requests.incrementAndGet();
            }
            return null;
          }));
        }
        jobs.add(pool.submit(() -> { // the feed: one article at a time, as fast as commits allow
          for (int i = 0; going.getAsBoolean(); i++) {
            String id = "load-" + i;
            String body = "{\"id\":\"" + id + "\",\"title\":\"Load note " + i + "\",\"body\":\"Harbour "
                + "master Ann Lee logged tide reading " + i + " at Kestrel Bay.\",\"date\":\"2025-06-01\"}";
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/articles"))
                .header("Authorization", "Bearer " + KEY).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
            requests.incrementAndGet();
            if (r.statusCode() == 200) {
              written.add(id);
            } else {
              failures.incrementAndGet();
              problems.add("write " + r.statusCode() + " " + r.body());
            }
          }
          return null;
        }));
        jobs.add(pool.submit(() -> { // rebuilds back to back
          while (going.getAsBoolean()) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/reindex"))
                .header("Authorization", "Bearer " + KEY).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 202) {
              rebuilds.incrementAndGet();
            } else if (r.statusCode() != 409) {
              failures.incrementAndGet();
              problems.add("reindex " + r.statusCode());
            }
            Thread.sleep(200);
          }
          return null;
        }));
        for (Future<?> f : jobs) {
          f.get();
        }
      } finally {
        pool.shutdownNow();
      }
      // Let the last rebuild finish, then every written article must be there.
      long wait = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (engine.store().rebuildStatus().running() && System.nanoTime() < wait) {
        Thread.sleep(50);
      }
      Thread.sleep(500);
      List<String> missing = new ArrayList<>();
      for (String id : written) {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/articles/" + id)).build(),
            HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
          missing.add(id);
        }
      }
      JsonNode health = json.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
          HttpResponse.BodyHandlers.ofString()).body());
      app.stop();

      long seconds = Math.max(1, Duration.ofNanos(System.nanoTime() - start).toSeconds());
      List<Long> sorted = new ArrayList<>(latencies);
      Collections.sort(sorted);
      System.out.printf("load: %d requests in %d s by %d clients (%.0f/s), %d failures, %d rebuilds, %d writes, "
              + "search latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
          requests.get(), seconds, CLIENTS, requests.get() / (double) seconds, failures.get(),
          rebuilds.get(), written.size(), ms(sorted, 0.50), ms(sorted, 0.99), ms(sorted, 1.0));
      assertEquals(List.of(), problems.subList(0, Math.min(10, problems.size())));
      assertEquals(0, failures.get());
      assertTrue(rebuilds.get() >= MIN_REBUILDS, "rebuilds ran: " + rebuilds.get());
      assertTrue(written.size() >= MIN_WRITES, "writes ran: " + written.size());
      assertEquals(List.of(), missing, "written articles lost");
      assertEquals(71 + written.size(), health.get("articles").asLong());
    }
  }

  private static double ms(List<Long> sorted, double q) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int i = (int) Math.min(sorted.size() - 1, Math.ceil(q * sorted.size()) - 1);
    return sorted.get(Math.max(0, i)) / 1e6;
  }
}
