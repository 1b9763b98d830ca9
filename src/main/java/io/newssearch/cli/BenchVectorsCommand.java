package io.newssearch.cli;

import io.newssearch.bench.Measure;
import io.newssearch.bench.VectorCostBenchmark;
import io.newssearch.semantic.Embedder;
import io.newssearch.semantic.Embedders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newssearch bench vectors}: what vectors cost in embedding, indexing, index size and query time. */
@Command(name = "vectors", mixinStandardHelpOptions = true,
    description = "Embedding throughput on a whole corpus, index size and articles/s with and without the int8 HNSW "
        + "vector field (interleaved), and query p50 of each part of the lexical, semantic and hybrid modes.")
final class BenchVectorsCommand implements Callable<Integer> {

  @Option(names = "--corpus", required = true, split = ",", paramLabel = "PATH", description = "Corpus folders or files.")
  List<Path> corpus;

  @Option(names = "--runs", defaultValue = "3", description = "Builds of each index (default: ${DEFAULT-VALUE}); "
      + "the first is JIT warm-up, not counted when there are 3 or more.")
  int runs;

  @Option(names = "--pause", defaultValue = "20", description = "Seconds to pause before each build (default: ${DEFAULT-VALUE}).")
  int pauseSeconds;

  @Option(names = "--threads", defaultValue = "2", description = "Texts embedded at once (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--work", defaultValue = "target/bench-vectors", paramLabel = "DIR",
      description = "Scratch folder; embeddings are cached in DIR/vectors (default: ${DEFAULT-VALUE}).")
  Path work;

  @Override
  public Integer call() throws Exception {
    if (!BenchSupport.atLeastOne("--runs", runs) || !BenchSupport.corpusExists(corpus)) {
      return 2;
    }
    Files.createDirectories(work);
    VectorCostBenchmark.Result r;
    try (Embedder embedder = Embedders.miniLm(threads)) {
      r = VectorCostBenchmark.run(corpus, work, embedder, runs, Duration.ofSeconds(pauseSeconds));
    }
    var o = System.out;
    o.printf(Locale.ROOT, "%d articles; embedding title + lede with %d threads: %.1f articles/s "
        + "(a cached run shows the cache's speed)%n", r.articles(), threads, r.embedPerSecond());
    int skip = runs >= 3 ? 1 : 0;
    o.println("| index | articles/s (median) | MB on disk | runs (articles/s) |");
    o.println("|---|---|---|---|");
    for (boolean vectors : new boolean[] {false, true}) {
      var builds = r.builds().stream().filter(b -> b.vectors() == vectors).toList();
      var rates = builds.stream().skip(skip).map(b -> r.articles() / (b.nanos() / 1e9)).toList();
      o.printf(Locale.ROOT, "| %s | %.0f | %.1f | %s |%n", vectors ? "with vectors (given)" : "without vectors",
          Measure.median(rates), builds.get(builds.size() - 1).bytes() / 1e6,
          builds.stream().map(b -> String.format(Locale.ROOT, "%.0f", r.articles() / (b.nanos() / 1e9))).toList());
    }
    for (var b : r.engine()) {
      o.printf(Locale.ROOT, "the engine's rebuild %s: %.1f s, %.1f articles/s, %.1f MB on disk%n",
          b.vectors() ? "with vectors (index --rebuild --vectors, embedding included)" : "without vectors (index --rebuild)",
          b.nanos() / 1e9, r.articles() / (b.nanos() / 1e9), b.bytes() / 1e6);
    }
    var l = r.latency();
    o.printf(Locale.ROOT, "query p50 over %d headline queries (ms), through the engine, page of 10: mode=lexical %.2f; "
        + "mode=semantic %.2f; mode=hybrid %.2f; parts: lexical top 100 (no collapse) %.2f; embed the query %.2f; "
        + "kNN k=10 %.2f; kNN k=100 %.2f%n", r.queries(), l.lexicalSearch(), l.semanticSearch(), l.hybridSearch(),
        l.lexicalTop100(), l.embedQuery(), l.knn10(), l.knn100());
    return 0;
  }
}
