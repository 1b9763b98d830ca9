package io.newssearch.bench;

import io.javalin.Javalin;
import io.newssearch.lucene.LuceneEngine;
import io.newssearch.article.Article;
import io.newssearch.http.App;
import io.newssearch.http.WriteAccess;
import io.newssearch.index.IndexProgress;
import io.newssearch.index.Indexer;
import io.newssearch.index.StrictModeException;
import io.newssearch.search.SearchRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.Optional;

/**
 * Near-real-time: how long from a write until the article is found by a search, on an index that
 * already holds a corpus.
 *
 * <ul>
 *   <li>store: {@code ArticleStore.upsert} through {@link LuceneEngine#store()}, then polling search;
 *   <li>http: {@code POST /api/articles} on the real server (127.0.0.1), then polling
 *       {@code GET /api/search};
 *   <li>rebuild: another engine (as another {@code newssearch index --rebuild} process would) builds
 *       a new generation holding a new article; from its return until the serving engine finds it
 *       (the serving side polls for new generations every {@code IndexHandle.DEFAULT_REFRESH_INTERVAL}).
 * </ul>
 */
public final class NrtBenchmark {

  /** Milliseconds from write (or finished rebuild) to searchable, one list per path. */
  public record Result(List<Double> store, List<Double> http, List<Double> rebuild, long articles) {}

  private static final String KEY = "bench-key";

  private NrtBenchmark() {}

  /**
   * @param writers writers posting at the same time over HTTP, each {@code writes} articles (their
   *     writes share group commits, as concurrent API clients' do)
   * @param warmup writes per path (per writer over HTTP) made the same way first and not counted: a
   *     server that has just started runs its first few hundred writes and searches at about half
   *     speed while the JIT compiles them
   */
  public static Result run(List<Path> corpus, Path work, int writes, int rebuilds, int writers, int warmup)
      throws Exception {
    Measure.deleteTree(work);
    Files.createDirectories(work);
    Path index = work.resolve("index");
    List<Double> store = new ArrayList<>(), http = new ArrayList<>(), rebuild = new ArrayList<>();
    long articles;
    try (LuceneEngine engine = new LuceneEngine(index)) {
      engine.indexer().run(new Indexer.Options(corpus, true, false), IndexProgress.NONE);
      articles = engine.search().count();
      for (int i = 0; i < warmup + writes; i++) {
        String word = "storemarker" + i;
        long t = System.nanoTime();
        engine.store().upsert(List.of(engine.preparer().prepare(marker("store-" + i, word)).article()));
        waitFound(engine, word);
        if (i >= warmup) store.add((System.nanoTime() - t) / 1e6);
      }
      Javalin app = App.create(engine.search(), new WriteAccess(engine.store(), engine.preparer(), corpus, Optional.of(KEY)));
      app.start("127.0.0.1", 0);
      try {
        String base = "http://127.0.0.1:" + app.port();
        concurrentWrites(base, "warm", writers, warmup);
        http.addAll(concurrentWrites(base, "w", writers, writes));
      } finally {
        app.stop();
      }
      Path extra = work.resolve("extra");
      for (int i = 0; i < rebuilds; i++) {
        String word = "rebuildmarker" + i;
        Files.createDirectories(extra);
        Files.writeString(extra.resolve("marker.jsonl"), "{\"id\":\"rebuild-" + i + "\",\"title\":\"Marker " + word
            + "\",\"body\":\"A marker article " + word + ".\",\"language\":\"en\",\"date\":\"2025-01-01\"}\n");
        List<Path> withMarker = new ArrayList<>(corpus);
        withMarker.add(extra);
        try (LuceneEngine other = new LuceneEngine(index)) {
          other.indexer().run(new Indexer.Options(withMarker, true, false), IndexProgress.NONE);
        }
        long t = System.nanoTime();
        waitFound(engine, word);
        rebuild.add((System.nanoTime() - t) / 1e6);
      }
    } catch (StrictModeException e) {
      throw new IllegalStateException("not strict, cannot happen", e);
    }
    return new Result(store, http, rebuild, articles);
  }

  /** {@code writers} clients at once, each making {@link #httpWrites} of {@code count}; all their timings. */
  private static List<Double> concurrentWrites(String base, String prefix, int writers, int count) throws Exception {
    List<Double> all = new ArrayList<>();
    if (count == 0) {
      return all;
    }
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Future<List<Double>>> each = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        String writer = prefix + w;
        each.add(pool.submit(() -> httpWrites(base, writer, count)));
      }
      for (Future<List<Double>> f : each) {
        all.addAll(f.get());
      }
    } finally {
      pool.shutdownNow();
    }
    return all;
  }

  /** {@code count} POSTs one after the other, each timed until a search finds it. */
  private static List<Double> httpWrites(String base, String writer, int count) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newHttpClient();
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String word = "httpmarker" + writer + "x" + i;
      String body = "{\"id\":\"http-" + writer + "-" + i + "\",\"title\":\"Marker " + word + "\",\"body\":\"A marker article "
          + word + " written over HTTP.\",\"language\":\"en\",\"date\":\"2025-01-01\"}";
      long t = System.nanoTime();
      HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/api/articles"))
          .header("Authorization", "Bearer " + KEY).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IOException("POST /api/articles answered " + r.statusCode() + ": " + r.body());
      }
      while (!client.send(HttpRequest.newBuilder(URI.create(base + "/api/search?q=" + word)).build(),
          HttpResponse.BodyHandlers.ofString()).body().contains("\"total\":1")) {
        Thread.onSpinWait();
      }
      out.add((System.nanoTime() - t) / 1e6);
    }
    return out;
  }

  private static Article marker(String id, String word) {
    return Article.builder().id(id).title("Marker " + word).body("A marker article " + word + ".")
        .language("en").published(Instant.parse("2025-01-01T00:00:00Z")).build();
  }

  private static void waitFound(LuceneEngine engine, String word) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (engine.search().search(SearchRequest.builder().query(word).build()).total() == 0) {
      if (System.nanoTime() > deadline) {
        throw new IOException("not searchable after 30 s: " + word);
      }
      Thread.sleep(1);
    }
  }
}
