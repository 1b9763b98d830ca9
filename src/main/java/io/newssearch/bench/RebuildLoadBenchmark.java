package io.newssearch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;

/**
 * Searches, writes and rebuilds at once against the real server in its own JVM ({@code serve
 * --corpus}, which indexes the corpus first when the index is empty): N connections search for the
 * whole run while rebuilds from the corpus run back to back and a feed writes articles over the
 * API; afterwards, once the last rebuild is published, every acknowledged write is read back.
 *
 * <p>What it reports is whether anything failed (a request without an answer, a 5xx, a write
 * lost), with the request rate and latency as they were under that load; the latencies are those of
 * a machine busy rebuilding, not a capacity figure.
 */
public final class RebuildLoadBenchmark {

  static final String KEY = "bench-load-key";

  /**
   * @param serveHeap the server's -Xmx
   * @param writers clients posting articles one at a time, as fast as commits allow
   */
  public record Options(List<Path> corpus, Path index, Path work, String serveHeap, int connections,
      Duration duration, int writers, long seed) {}

  /** What happened. Latencies in microseconds. */
  public record Result(long articles, long searches, long failedRequests, long serverErrors, long otherNon200,
      double searchesPerSecond, double p50, double p99, double max, int rebuildsStarted, int rebuildsPublished,
      long writesAcknowledged, long writesFailed, long writesFound, double seconds) {

    public boolean clean() {
      return failedRequests == 0 && serverErrors == 0 && otherNon200 == 0 && writesFailed == 0
          && writesFound == writesAcknowledged;
    }
  }

  private final Options o;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final Histogram latency = new ConcurrentHistogram(3);
  private final AtomicLong searches = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong serverErrors = new AtomicLong();
  private final AtomicLong otherNon200 = new AtomicLong();
  private final AtomicLong writesFailed = new AtomicLong();
  private final AtomicInteger rebuildsStarted = new AtomicInteger();
  private final AtomicInteger rebuildsPublished = new AtomicInteger();
  private final ObjectMapper json = new ObjectMapper();
  private final List<String> written = Collections.synchronizedList(new ArrayList<>());
  private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
  private String base;

  private RebuildLoadBenchmark(Options o) {
    this.o = o;
  }

  public static Result run(Options o, PrintStream log) throws Exception {
    return new RebuildLoadBenchmark(o).run(log);
  }

  private Result run(PrintStream log) throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    base = "http://127.0.0.1:" + port;
    List<String> args = new ArrayList<>(List.of("serve", "--index", o.index().toString(), "--port",
        Integer.toString(port), "--admin-key", KEY, "--corpus",
        String.join(",", o.corpus().stream().map(Path::toString).toList())));
    try (ChildJvm server = ChildJvm.start(new ChildJvm.Spec("serve", o.serveHeap(), List.of(), args, o.work(), null,
        null, Duration.ofSeconds(2)))) {
      log.println("[load] starting the server (it indexes the corpus first when the index is empty)");
      awaitReady(server);
      long articles = count("/api/search?q=&collapse=none&size=1");
      List<String> urls;
      Path live = Path.of(o.index().toString(), Files.readString(o.index().resolve("CURRENT")).strip());
      try (var dir = FSDirectory.open(live); var reader = DirectoryReader.open(dir)) {
        urls = HttpBenchmark.urls(QuerySet.draw(reader, o.seed(), 40));
      }
      log.printf("[load] %,d articles; %d connections search for %d s (%d URLs), %d writer(s), rebuilds back to back%n",
          articles, o.connections(), o.duration().toSeconds(), urls.size(), o.writers());
      long start = System.nanoTime();
      long end = start + o.duration().toNanos();
      ExecutorService pool = Executors.newFixedThreadPool(o.connections() + o.writers() + 1);
      try {
        List<Future<?>> jobs = new ArrayList<>();
        for (int c = 0; c < o.connections(); c++) {
          int offset = c * 7;
          jobs.add(pool.submit(() -> search(urls, offset, end)));
        }
        for (int w = 0; w < o.writers(); w++) {
          int writer = w;
          jobs.add(pool.submit(() -> write(writer, end)));
        }
        jobs.add(pool.submit(() -> rebuilds(end, log)));
        for (Future<?> f : jobs) {
          f.get();
        }
      } finally {
        pool.shutdownNow();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      if (rebuildsStarted.get() > rebuildsPublished.get() && awaitRebuild(Duration.ofMinutes(30))) {
        rebuildsPublished.incrementAndGet(); // the one still running at the end
      }
      long found = 0;
      for (String id : written) {
        if (status("GET", "/api/articles/" + id, null) == 200) {
          found++;
        } else {
          problems.add("written, then not found: " + id);
        }
      }
      problems.stream().limit(10).forEach(p -> log.println("[load] problem: " + p));
      server.stop();
      return new Result(articles, searches.get(), failed.get(), serverErrors.get(), otherNon200.get(),
          searches.get() / seconds, latency.getValueAtPercentile(50), latency.getValueAtPercentile(99),
          latency.getMaxValue(), rebuildsStarted.get(), rebuildsPublished.get(), written.size(), writesFailed.get(), found, seconds);
    }
  }

  private Void search(List<String> urls, int offset, long end) {
    for (int i = offset; System.nanoTime() < end; i++) {
      String url = urls.get(i % urls.size());
      long t0 = System.nanoTime();
      try {
        int status = status("GET", url, null);
        searches.incrementAndGet();
        if (status == 200) {
          latency.recordValue(Math.max(1, (System.nanoTime() - t0) / 1_000));
        } else {
          (status >= 500 ? serverErrors : otherNon200).incrementAndGet();
          problems.add(status + " " + url);
        }
      } catch (IOException e) {
        failed.incrementAndGet();
        problems.add(e + " " + url);
      }
    }
    return null;
  }

  private Void write(int writer, long end) {
    for (int i = 0; System.nanoTime() < end; i++) {
      String id = "bench-load-" + writer + "-" + i;
      String body = "{\"id\":\"" + id + "\",\"title\":\"Load note " + i + " of writer " + writer + "\",\"language\":\"en\","
          + "\"date\":\"2025-06-01\",\"body\":\"Harbour master Ann Lee logged tide reading " + i + " at Kestrel Bay.\"}";
      try {
        int status = status("POST", "/api/articles", body);
        if (status == 200) {
          written.add(id);
        } else {
          writesFailed.incrementAndGet();
          (status >= 500 ? serverErrors : otherNon200).incrementAndGet();
          problems.add("write " + id + ": " + status);
        }
      } catch (IOException e) {
        writesFailed.incrementAndGet();
        failed.incrementAndGet();
        problems.add("write " + id + ": " + e);
      }
    }
    return null;
  }

  /** Starts a rebuild, waits for it to be published, starts the next, until the end. */
  private Void rebuilds(long end, PrintStream log) throws Exception {
    while (System.nanoTime() < end) {
      int status = status("POST", "/api/reindex", null);
      if (status != 202) {
        problems.add("reindex: " + status);
        return null;
      }
      int n = rebuildsStarted.incrementAndGet();
      long t0 = System.nanoTime();
      if (awaitRebuild(Duration.ofNanos(Math.max(0, end - System.nanoTime())))) {
        rebuildsPublished.incrementAndGet();
        log.printf("[load] rebuild %d published after %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
      }
    }
    return null;
  }

  /** True once no rebuild runs and the last one finished without an error; false if it failed or time ran out. */
  private boolean awaitRebuild(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    do {
      JsonNode status = json.readTree(body("/api/reindex"));
      if (!status.path("running").asBoolean()) {
        if (!status.path("last_error").isNull()) {
          problems.add("rebuild failed: " + status.path("last_error").asText());
          return false;
        }
        return true;
      }
      Thread.sleep(200);
    } while (System.nanoTime() < deadline);
    return false;
  }

  private void awaitReady(ChildJvm server) throws Exception {
    while (server.isAlive()) {
      try {
        if (status("GET", "/health", null) == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new IOException("the server exited while starting; see " + server.outputLog());
  }

  private long count(String path) throws Exception {
    return json.readTree(body(path)).path("total").asLong();
  }

  private String body(String path) throws Exception {
    return http.send(request("GET", path, null), HttpResponse.BodyHandlers.ofString()).body();
  }

  private int status(String method, String path, String body) throws IOException {
    try {
      return http.send(request(method, path, body), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private HttpRequest request(String method, String path, String body) {
    return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
        .header("Authorization", "Bearer " + KEY)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  /** The figures as a Markdown table row, with its header. */
  public static String markdown(Result r, Options o) {
    return String.format(java.util.Locale.ROOT, """
        | articles | connections | seconds | searches/s | p50 ms | p99 ms | max ms | failed | 5xx | other non-200 | rebuilds started/published | writes acknowledged | writes found |
        |---|---|---|---|---|---|---|---|---|---|---|---|---|
        | %,d | %d | %.0f | %.0f | %.1f | %.1f | %.1f | %d | %d | %d | %d/%d | %d | %d |
        """, r.articles(), o.connections(), r.seconds(), r.searchesPerSecond(), r.p50() / 1e3, r.p99() / 1e3,
        r.max() / 1e3, r.failedRequests(), r.serverErrors(), r.otherNon200(), r.rebuildsStarted(), r.rebuildsPublished(),
        r.writesAcknowledged(), r.writesFound());
  }
}
