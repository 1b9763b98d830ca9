package io.newssearch.cli;

import io.newssearch.lucene.LuceneEngine;
import io.newssearch.bench.BackendBenchmark;
import io.newssearch.bench.HttpBenchmark;
import io.newssearch.bench.Measure;
import io.newssearch.bench.QueryBenchmark.Latency;
import io.newssearch.solr.SolrEngine;
import io.newssearch.solr.SolrSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newssearch bench backends}: the embedded index against a SolrCloud collection, interleaved. */
@Command(name = "backends", mixinStandardHelpOptions = true,
    description = "Rebuild throughput, search latency and HTTP requests/s of the embedded backend and the SolrCloud "
        + "backend on the same corpus, interleaved; the embedded backend is the baseline of every ratio.")
final class BenchBackendsCommand implements Callable<Integer> {

  @Option(names = "--corpus", required = true, split = ",", paramLabel = "PATH", description = "Corpus folders or files.")
  List<Path> corpus;

  @Option(names = "--zk", required = true, paramLabel = "HOST:PORT[/chroot]", description = "ZooKeeper of the cluster.")
  String zk;

  @Option(names = "--collection", defaultValue = "bench", description = "Alias to build (default: ${DEFAULT-VALUE}).")
  String collection;

  @Option(names = "--shards", defaultValue = "2", description = "Shards of the SolrCloud collection (default: ${DEFAULT-VALUE}).") int shards;
  @Option(names = "--replicas", defaultValue = "2", description = "Replicas of each shard (default: ${DEFAULT-VALUE}).") int replicas;
  @Option(names = "--runs", defaultValue = "3", description = "Rebuilds per backend; run 1 is warm-up when there are 3 or more (default: ${DEFAULT-VALUE}).") int runs;
  @Option(names = "--pause", defaultValue = "20", description = "Seconds of rest before each rebuild and wrk run (default: ${DEFAULT-VALUE}).") int pause;
  @Option(names = "--per-type", defaultValue = "40", description = "Queries per type (default: ${DEFAULT-VALUE}).") int perType;
  @Option(names = "--warmup", defaultValue = "5", description = "Warm-up passes (default: ${DEFAULT-VALUE}).") int warmup;
  @Option(names = "--passes", defaultValue = "5", description = "Measured passes (default: ${DEFAULT-VALUE}).") int passes;
  @Option(names = "--qps-seconds", defaultValue = "5", description = "Seconds of the throughput window (default: ${DEFAULT-VALUE}).") double qpsSeconds;
  @Option(names = "--connections", split = ",", defaultValue = "1,8,32", description = "wrk connection levels; 0 skips HTTP (default: ${DEFAULT-VALUE}).") List<Integer> connections;
  @Option(names = "--seconds", defaultValue = "10", description = "Seconds per wrk run (default: ${DEFAULT-VALUE}).") int seconds;
  @Option(names = "--http-runs", defaultValue = "2", description = "wrk runs per connection level (default: ${DEFAULT-VALUE}).") int httpRuns;
  @Option(names = "--work", defaultValue = "target/bench-backends", paramLabel = "DIR", description = "Embedded index folder (default: ${DEFAULT-VALUE}).") Path work;

  @Override
  public Integer call() throws Exception {
    if (!BenchSupport.atLeastOne("--runs", runs) || !BenchSupport.atLeastOne("--passes", passes)
        || !BenchSupport.corpusExists(corpus)) {
      return 2;
    }
    List<Integer> levels = connections.stream().filter(c -> c > 0).toList();
    if (!levels.isEmpty() && HttpBenchmark.wrkMissing() != null) {
      System.err.println(HttpBenchmark.wrkMissing());
      return 2;
    }
    var options = new BackendBenchmark.Options(corpus, runs, Duration.ofSeconds(pause), perType, warmup, passes,
        qpsSeconds, levels, seconds, httpRuns);
    try (LuceneEngine embedded = new LuceneEngine(work);
        SolrEngine solr = new SolrEngine(new SolrSettings(zk, collection, shards, replicas))) {
      print(BackendBenchmark.run(embedded, solr, options), System.out);
    }
    return 0;
  }

  private void print(BackendBenchmark.Result r, PrintStream o) {
    int skip = runs >= 3 ? 1 : 0;
    o.printf(Locale.ROOT, "%d articles; SolrCloud collection %d shards × %d replicas; medians of runs %d-%d%n%n",
        r.articles(), shards, replicas, skip + 1, runs);
    o.println("| rebuild | articles/s | runs (articles/s) |");
    o.println("|---|---|---|");
    for (String b : List.of("embedded", "solr")) {
      var mine = r.index().stream().filter(x -> x.backend().equals(b)).toList();
      o.printf(Locale.ROOT, "| %s | %.0f | %s |%n", b,
          Measure.median(mine.subList(skip, mine.size()).stream().map(BackendBenchmark.IndexRun::articlesPerSecond).toList()),
          String.join(", ", mine.stream().map(x -> String.format(Locale.ROOT, "%.0f", x.articlesPerSecond())).toList()));
    }
    List<Double> ratios = new java.util.ArrayList<>();
    for (int run = skip + 1; run <= runs; run++) {
      int n = run;
      double e = r.index().stream().filter(x -> x.run() == n && x.backend().equals("embedded")).findFirst().orElseThrow().articlesPerSecond();
      double s = r.index().stream().filter(x -> x.run() == n && x.backend().equals("solr")).findFirst().orElseThrow().articlesPerSecond();
      ratios.add(s / e);
    }
    o.printf(Locale.ROOT, "solr / embedded rebuild throughput, median of per-run ratios: %.2f%n%n", Measure.median(ratios));

    o.printf(Locale.ROOT, "%d queries, %d measured passes per backend (SearchService.search: top 10, facets, snippets)%n", r.queries(), passes);
    o.println("| type | embedded p50 µs | p99 | solr p50 µs | p99 | p50 ratio |");
    o.println("|---|---|---|---|---|---|");
    List<Latency> l = r.latencies();
    for (int i = 0; i < l.size(); i += 2) {
      Latency a = l.get(i), b = l.get(i + 1);
      o.printf(Locale.ROOT, "| %s | %.0f | %.0f | %.0f | %.0f | %.1f |%n", a.type(), a.p50(), a.p99(), b.p50(), b.p99(), b.p50() / a.p50());
    }
    o.println();
    o.println("| backend | QPS |");
    o.println("|---|---|");
    r.qps().forEach((k, v) -> o.printf(Locale.ROOT, "| %s | %.0f |%n", k, v));
    if (r.httpEmbedded().isEmpty()) {
      return;
    }
    o.println();
    o.printf(Locale.ROOT, "HTTP: wrk %d s per run, median of %d runs, latency µs%n", seconds, httpRuns);
    o.println("| connections | embedded req/s | p50 | p99 | solr req/s | p50 | p99 | req/s ratio | errors |");
    o.println("|---|---|---|---|---|---|---|---|---|");
    for (int c : r.httpEmbedded().stream().map(HttpBenchmark.Level::connections).distinct().toList()) {
      var a = r.httpEmbedded().stream().filter(x -> x.connections() == c).toList();
      var b = r.httpSolr().stream().filter(x -> x.connections() == c).toList();
      double ra = med(a, HttpBenchmark.Level::requestsPerSecond), rb = med(b, HttpBenchmark.Level::requestsPerSecond);
      o.printf(Locale.ROOT, "| %d | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.2f | %d |%n", c, ra, med(a, HttpBenchmark.Level::p50),
          med(a, HttpBenchmark.Level::p99), rb, med(b, HttpBenchmark.Level::p50), med(b, HttpBenchmark.Level::p99), rb / ra,
          a.stream().mapToLong(HttpBenchmark.Level::errors).sum() + b.stream().mapToLong(HttpBenchmark.Level::errors).sum());
    }
  }

  private static double med(List<HttpBenchmark.Level> ls, ToDoubleFunction<HttpBenchmark.Level> f) {
    return Measure.median(ls.stream().map(f::applyAsDouble).toList());
  }
}
