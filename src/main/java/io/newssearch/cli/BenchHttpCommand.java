package io.newssearch.cli;

import io.javalin.Javalin;
import io.newssearch.lucene.LuceneEngine;
import io.newssearch.lucene.search.ResultCache;
import io.newssearch.bench.HttpBenchmark;
import io.newssearch.bench.HttpBenchmark.Level;
import io.newssearch.bench.Measure;
import io.newssearch.bench.QuerySet;
import io.newssearch.http.App;
import io.newssearch.index.IndexProgress;
import io.newssearch.index.Indexer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newssearch bench http}: the real server on 127.0.0.1 under wrk. */
@Command(name = "http", mixinStandardHelpOptions = true,
    description = "HTTP load with wrk on 127.0.0.1: requests/s and latency percentiles at several connection counts.")
final class BenchHttpCommand implements Callable<Integer> {

  @Option(names = "--index", paramLabel = "DIR", description = "Index to serve (default: build one from --corpus into target/bench-http).")
  Path index;

  @Option(names = "--corpus", split = ",", paramLabel = "PATH", description = "Corpus to index first when --index holds no index.")
  List<Path> corpus = List.of();

  @Option(names = "--connections", split = ",", defaultValue = "1,8,32", description = "Connection levels (default: ${DEFAULT-VALUE}).")
  List<Integer> connections;

  @Option(names = "--seconds", defaultValue = "10", description = "Duration of each wrk run (default: ${DEFAULT-VALUE}).")
  int seconds;

  @Option(names = "--runs", defaultValue = "3", description = "Runs per level; the median is reported (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--pause", defaultValue = "10", description = "Seconds of rest before each wrk run (default: ${DEFAULT-VALUE}).")
  int pause;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the query sample (default: ${DEFAULT-VALUE}).") long seed;

  @Option(names = "--result-cache", paramLabel = "N", description = "Answers the server keeps, as serve --result-cache: "
      + "the URLs repeat, so with the default every request after the first pass is a kept answer; 0: every search "
      + "computed (default: ${DEFAULT-VALUE}).")
  int resultCache = ResultCache.DEFAULT_ENTRIES;

  @Override
  public Integer call() throws Exception {
    if (!BenchSupport.atLeastOne("--seconds", seconds) || !BenchSupport.atLeastOne("--runs", runs)
        || connections.stream().anyMatch(c -> !BenchSupport.atLeastOne("--connections", c))) {
      return 2;
    }
    if (resultCache < 0) {
      System.err.println("bench http: --result-cache must be 0 or more, got " + resultCache);
      return 2;
    }
    String missing = HttpBenchmark.wrkMissing();
    if (missing != null) {
      System.err.println(missing);
      return 2;
    }
    Path dir = index == null ? Path.of("target/bench-http") : index;
    try (LuceneEngine engine = new LuceneEngine(dir).keepingAnswers(resultCache)) {
      if (engine.articleCount() == 0) {
        if (corpus.isEmpty() || !BenchSupport.corpusExists(corpus)) {
          System.err.println("bench http: the index at " + dir + " is empty; give --corpus PATH to build it");
          return 2;
        }
        engine.indexer().run(new Indexer.Options(corpus, true, false), IndexProgress.NONE);
      }
      List<String> urls;
      try (var d = FSDirectory.open(engine.layout().current().orElseThrow()); var reader = DirectoryReader.open(d)) {
        urls = HttpBenchmark.urls(QuerySet.draw(reader, seed, 40));
      }
      Path tmp = Files.createTempDirectory("newssearch-wrk");
      Path script = HttpBenchmark.script(urls, tmp);
      Javalin app = App.create(engine.search());
      app.start("127.0.0.1", 0);
      try {
        HttpBenchmark.run(app.port(), script, 8, Math.min(5, seconds), 0); // warm-up
        List<Level> levels = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
          for (int c : connections) {
            Measure.pause(Duration.ofSeconds(pause));
            levels.add(HttpBenchmark.run(app.port(), script, c, seconds, run));
          }
        }
        print(levels, urls.size(), engine.search().count());
      } finally {
        app.stop();
        Files.deleteIfExists(script);
        Files.deleteIfExists(tmp);
      }
    }
    return 0;
  }

  private void print(List<Level> levels, int urlCount, long articles) {
    System.out.printf(Locale.ROOT, "%d articles; %d search URLs cycled; %d s per run, median of %d runs (latency µs)%n",
        articles, urlCount, seconds, runs);
    System.out.println("| connections | requests/s | p50 | p75 | p90 | p99 | errors | runs (req/s) |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    for (int c : connections) {
      var ls = levels.stream().filter(l -> l.connections() == c).toList();
      System.out.printf(Locale.ROOT, "| %d | %.0f | %.0f | %.0f | %.0f | %.0f | %d | %s |%n", c,
          Measure.median(ls.stream().map(Level::requestsPerSecond).toList()),
          Measure.median(ls.stream().map(Level::p50).toList()), Measure.median(ls.stream().map(Level::p75).toList()),
          Measure.median(ls.stream().map(Level::p90).toList()), Measure.median(ls.stream().map(Level::p99).toList()),
          ls.stream().mapToLong(Level::errors).sum(),
          String.join(", ", ls.stream().map(l -> String.format(Locale.ROOT, "%.0f", l.requestsPerSecond())).toList()));
    }
  }
}
