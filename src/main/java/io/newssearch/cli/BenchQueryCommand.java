package io.newssearch.cli;

import io.newssearch.lucene.LuceneEngine;
import io.newssearch.search.Facet;
import io.newssearch.search.InvalidRequestException;
import io.newssearch.bench.QueryBenchmark;
import io.newssearch.bench.QueryBenchmark.Latency;
import io.newssearch.lucene.IndexLayout;
import io.newssearch.index.IndexProgress;
import io.newssearch.index.Indexer;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newssearch bench query}: latency percentiles and QPS, newssearch against bare Lucene. */
@Command(name = "query", mixinStandardHelpOptions = true,
    description = "Query latency (p50/p90/p99 per query type) and QPS, newssearch search core against bare Lucene over the same index.")
final class BenchQueryCommand implements Callable<Integer> {

  @Option(names = "--index", paramLabel = "DIR", description = "Index to query (default: build one from --corpus into target/bench-query).")
  Path index;

  @Option(names = "--corpus", split = ",", paramLabel = "PATH", description = "Corpus to index first when --index is not given.")
  List<Path> corpus = List.of();

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the query sample (default: ${DEFAULT-VALUE}).") long seed;
  @Option(names = "--per-type", defaultValue = "40", description = "Queries per type (default: ${DEFAULT-VALUE}).") int perType;
  @Option(names = "--warmup", defaultValue = "10", description = "Warm-up passes (default: ${DEFAULT-VALUE}).") int warmup;
  @Option(names = "--passes", defaultValue = "10", description = "Measured passes (default: ${DEFAULT-VALUE}).") int passes;
  @Option(names = "--qps-seconds", defaultValue = "5", description = "Seconds of the throughput window (default: ${DEFAULT-VALUE}).") double qpsSeconds;
  @Option(names = "--facets", defaultValue = "all", paramLabel = "all|none|NAMES",
      description = "The facets newssearch's searches count, as GET /api/search's facets parameter (default: ${DEFAULT-VALUE}, as users get them).")
  String facets;

  @Override
  public Integer call() throws Exception {
    if (!BenchSupport.atLeastOne("--per-type", perType) || !BenchSupport.atLeastOne("--passes", passes)) {
      return 2;
    }
    Path dir = index;
    if (dir == null || new IndexLayout(dir).current().isEmpty()) {
      if (corpus.isEmpty()) {
        System.err.println("bench query: give --index DIR holding an index, or --corpus PATH to build one");
        return 2;
      }
      if (!BenchSupport.corpusExists(corpus)) {
        return 2;
      }
      dir = dir == null ? Path.of("target/bench-query") : dir;
      try (LuceneEngine engine = new LuceneEngine(dir)) {
        engine.indexer().run(new Indexer.Options(corpus, true, false), IndexProgress.NONE);
      }
    }
    Set<Facet> counted;
    try {
      counted = Facet.parse(facets);
    } catch (InvalidRequestException e) {
      System.err.println("bench query: " + e.getMessage());
      return 2;
    }
    var r = QueryBenchmark.run(dir, new QueryBenchmark.Options(seed, perType, warmup, passes, qpsSeconds, counted));
    print(r, System.out);
    return 0;
  }

  static void print(QueryBenchmark.Result r, PrintStream o) {
    o.printf(Locale.ROOT, "%d articles, index %.1f MB, %d queries, %d measured passes per system; heap after GC while serving: %.0f MB%n",
        r.articles(), r.indexBytes() / 1e6, r.queries(), r.measuredPasses(), r.heapAfterGcBytes() / 1e6);
    o.println("Wall-clock time per query:");
    table(r.latencies(), o);
    o.println();
    o.println("CPU time of the query's thread per query (what a query costs; a loaded machine inflates wall-clock time, not this):");
    table(r.cpu(), o);
    o.println();
    o.println("| system | QPS |");
    o.println("|---|---|");
    r.qps().forEach((k, v) -> o.printf(Locale.ROOT, "| %s | %.0f |%n", k, v));
  }

  private static void table(List<Latency> l, PrintStream o) {
    o.println("| type | newssearch p50 µs | p90 | p99 | bare Lucene p50 µs | p90 | p99 | p50 ratio |");
    o.println("|---|---|---|---|---|---|---|---|");
    for (int i = 0; i < l.size(); i += 2) {
      Latency a = l.get(i), b = l.get(i + 1);
      if (b.count() == 0) {
        o.printf(Locale.ROOT, "| %s | %.0f | %.0f | %.0f | n/a | | | |%n", a.type(), a.p50(), a.p90(), a.p99());
      } else {
        o.printf(Locale.ROOT, "| %s | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.2f |%n", a.type(), a.p50(), a.p90(),
            a.p99(), b.p50(), b.p90(), b.p99(), a.p50() / b.p50());
      }
    }
  }
}
