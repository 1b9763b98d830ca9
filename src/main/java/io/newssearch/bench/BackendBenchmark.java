package io.newssearch.bench;

import io.javalin.Javalin;
import io.newssearch.Engine;
import io.newssearch.lucene.LuceneEngine;
import io.newssearch.http.App;
import io.newssearch.index.IndexProgress;
import io.newssearch.index.IndexSummary;
import io.newssearch.index.Indexer;
import io.newssearch.search.SearchService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.HdrHistogram.Histogram;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;

/**
 * The embedded backend against the SolrCloud backend on the same corpus, in one run, interleaved
 * so both see the same machine: rebuild throughput, search latency through the same
 * {@link SearchService} calls (the same {@link QueryCase}s, drawn from the embedded index), and
 * HTTP requests/s with wrk against the same server code. The embedded backend is the baseline of
 * every ratio.
 */
public final class BackendBenchmark {

  public record IndexRun(String backend, int run, long articles, double seconds) {
    public double articlesPerSecond() {
      return articles / seconds;
    }
  }

  public record Options(List<Path> corpus, int indexRuns, Duration pause, int perType, int warmup, int passes,
      double qpsSeconds, List<Integer> connections, int httpSeconds, int httpRuns) {}

  public record Result(List<IndexRun> index, List<QueryBenchmark.Latency> latencies, Map<String, Double> qps,
      List<HttpBenchmark.Level> httpEmbedded, List<HttpBenchmark.Level> httpSolr, long articles, int queries) {}

  private BackendBenchmark() {}

  /**
   * @param embedded the baseline, an engine over its own directory
   * @param solr the SolrCloud engine
   */
  public static Result run(LuceneEngine embedded, Engine solr, Options o) throws Exception {
    List<IndexRun> index = new ArrayList<>();
    for (int run = 1; run <= o.indexRuns(); run++) {
      // Alternate which backend goes first, so neither always runs on the warmer (or hotter) machine.
      for (Engine e : run % 2 == 1 ? List.of(embedded, solr) : List.of(solr, embedded)) {
        Measure.pause(o.pause());
        index.add(rebuild(e == embedded ? "embedded" : "solr", e, o.corpus(), run));
      }
    }

    List<QueryCase> queries;
    try (var dir = FSDirectory.open(embedded.layout().current().orElseThrow()); var reader = DirectoryReader.open(dir)) {
      queries = QuerySet.draw(reader, QuerySet.DEFAULT_SEED, o.perType());
    }
    SearchService a = embedded.search();
    SearchService b = solr.search();
    for (int i = 0; i < o.warmup(); i++) {
      pass(a, queries, null);
      pass(b, queries, null);
    }
    Map<String, Histogram> ha = QueryBenchmark.histograms(), hb = QueryBenchmark.histograms();
    for (int i = 0; i < o.passes(); i++) {
      if (i % 2 == 0) {
        pass(a, queries, ha);
        pass(b, queries, hb);
      } else {
        pass(b, queries, hb);
        pass(a, queries, ha);
      }
    }
    List<QueryBenchmark.Latency> latencies = new ArrayList<>();
    for (String type : QueryCase.TYPES) {
      latencies.add(QueryBenchmark.latency(type, "embedded", ha.get(type)));
      latencies.add(QueryBenchmark.latency(type, "solr", hb.get(type)));
    }
    Map<String, Double> qps = new LinkedHashMap<>();
    for (int threads : List.of(1, 4)) {
      qps.put("embedded, " + threads + " threads", qps(a, queries, threads, o.qpsSeconds()));
      qps.put("solr, " + threads + " threads", qps(b, queries, threads, o.qpsSeconds()));
    }

    List<HttpBenchmark.Level> httpA = new ArrayList<>(), httpB = new ArrayList<>();
    if (!o.connections().isEmpty()) {
      List<String> urls = HttpBenchmark.urls(queries);
      Path tmp = Files.createTempDirectory("newssearch-wrk");
      Path script = HttpBenchmark.script(urls, tmp);
      Javalin appA = App.create(a).start("127.0.0.1", 0);
      Javalin appB = App.create(b).start("127.0.0.1", 0);
      try {
        HttpBenchmark.run(appA.port(), script, 8, Math.min(5, o.httpSeconds()), 0);
        HttpBenchmark.run(appB.port(), script, 8, Math.min(5, o.httpSeconds()), 0);
        for (int run = 1; run <= o.httpRuns(); run++) {
          for (int c : o.connections()) {
            Measure.pause(o.pause());
            httpA.add(HttpBenchmark.run(appA.port(), script, c, o.httpSeconds(), run));
            Measure.pause(o.pause());
            httpB.add(HttpBenchmark.run(appB.port(), script, c, o.httpSeconds(), run));
          }
        }
      } finally {
        appA.stop();
        appB.stop();
        Files.deleteIfExists(script);
        Files.deleteIfExists(tmp);
      }
    }
    return new Result(index, latencies, qps, httpA, httpB, a.count(), queries.size());
  }

  private static IndexRun rebuild(String name, Engine e, List<Path> corpus, int run) throws Exception {
    long t = System.nanoTime();
    IndexSummary s = e.indexer().run(new Indexer.Options(corpus, true, false), IndexProgress.NONE);
    double seconds = (System.nanoTime() - t) / 1e9;
    return new IndexRun(name, run, s.articles(), seconds);
  }

  private static void pass(SearchService s, List<QueryCase> queries, Map<String, Histogram> record) {
    for (QueryCase q : queries) {
      long t = System.nanoTime();
      search(s, q);
      if (record != null) {
        record.get(q.type()).recordValue(Math.max(1, (System.nanoTime() - t) / 1000));
      }
    }
  }

  private static void search(SearchService s, QueryCase q) {
    try {
      s.search(QueryBenchmark.request(q));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static double qps(SearchService s, List<QueryCase> queries, int threads, double seconds) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long start = System.nanoTime();
      long deadline = start + (long) (seconds * 1e9);
      List<Future<Long>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int offset = t * queries.size() / threads;
        done.add(pool.submit(() -> {
          long n = 0;
          for (int i = offset; System.nanoTime() < deadline; i++, n++) {
            search(s, queries.get(i % queries.size()));
          }
          return n;
        }));
      }
      long total = 0;
      for (Future<Long> f : done) {
        total += f.get();
      }
      return total / ((System.nanoTime() - start) / 1e9);
    } finally {
      pool.shutdownNow();
    }
  }
}
