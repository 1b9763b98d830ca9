package io.newssearch.cli;

import io.newssearch.bench.IndexBenchmark;
import io.newssearch.bench.IndexBenchmark.Pass;
import io.newssearch.bench.Measure;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newssearch bench index}: indexing throughput, newssearch pipeline against bare Lucene. */
@Command(name = "index", mixinStandardHelpOptions = true,
    description = "Index a corpus from scratch several times with the newssearch pipeline and with bare Lucene, interleaved.")
final class BenchIndexCommand implements Callable<Integer> {

  @Option(names = "--corpus", required = true, split = ",", paramLabel = "PATH", description = "Corpus folders or files.")
  List<Path> corpus;

  @Option(names = "--runs", defaultValue = "5", description = "Runs (default: ${DEFAULT-VALUE}); run 1 is JIT warm-up, not counted when there are 3 or more.")
  int runs;

  @Option(names = "--pause", defaultValue = "20", description = "Seconds to pause before each run (default: ${DEFAULT-VALUE}).")
  int pauseSeconds;

  @Option(names = "--compare-threads", description = "Also time the pipeline with 1 enrichment thread (before/after of the parallel Indexer).")
  boolean compareThreads;

  @Option(names = "--phases", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Time the pipeline's phases in a separate pass (default: ${DEFAULT-VALUE}; --no-phases for big corpora).")
  boolean phases;

  @Option(names = "--work", defaultValue = "target/bench-index", paramLabel = "DIR", description = "Scratch folder (default: ${DEFAULT-VALUE}).")
  Path work;

  @Override
  public Integer call() throws Exception {
    if (!BenchSupport.atLeastOne("--runs", runs) || !BenchSupport.corpusExists(corpus)) {
      return 2;
    }
    Files.createDirectories(work);
    IndexBenchmark.Result r = IndexBenchmark.run(corpus, runs, work, Duration.ofSeconds(pauseSeconds), compareThreads, phases);
    print(r, System.out);
    return 0;
  }

  static void print(IndexBenchmark.Result r, PrintStream o) {
    int skip = r.pipeline().size() >= 3 ? 1 : 0;
    double mb = r.inputBytes() / 1e6;
    o.printf(Locale.ROOT, "%d articles, %.1f MB of input; bare Lucene uses %s; medians of runs %d-%d%n",
        r.articles(), mb, r.bareAnalyzer(), skip + 1, r.pipeline().size());
    o.println("| system | articles/s | MB/s | index MB | peak heap MB | runs (articles/s) |");
    o.println("|---|---|---|---|---|---|");
    row(o, "newssearch pipeline (" + io.newssearch.index.Indexer.DEFAULT_THREADS + " enrichment threads)", r.pipeline(), skip, mb);
    if (!r.pipelineOneThread().isEmpty()) {
      row(o, "newssearch pipeline (1 thread)", r.pipelineOneThread(), skip, mb);
    }
    row(o, "bare Lucene", r.bare(), skip, mb);
    List<Double> ratios = new java.util.ArrayList<>();
    for (int i = skip; i < r.pipeline().size(); i++) {
      ratios.add(r.pipeline().get(i).articlesPerSecond() / r.bare().get(i).articlesPerSecond());
    }
    o.printf(Locale.ROOT, "pipeline / bare Lucene throughput, median of per-run ratios: %.3f%n", Measure.median(ratios));
    if (!r.pipelineOneThread().isEmpty()) {
      List<Double> gain = new java.util.ArrayList<>();
      for (int i = skip; i < r.pipeline().size(); i++) {
        gain.add(r.pipeline().get(i).articlesPerSecond() / r.pipelineOneThread().get(i).articlesPerSecond());
      }
      o.printf(Locale.ROOT, "pipeline with %d threads / with 1 thread, median of per-run ratios: %.3f%n",
          io.newssearch.index.Indexer.DEFAULT_THREADS, Measure.median(gain));
    }
    if (r.phases().isEmpty()) {
      return;
    }
    o.println();
    o.println("| phase (newssearch) | seconds | share |");
    o.println("|---|---|---|");
    var ph = r.phases().subList(Math.min(skip, r.phases().size() - 1), r.phases().size());
    double parse = med(ph, p -> p.parse()), detect = med(ph, p -> p.detect()),
        tags = med(ph, p -> p.tagsAndEnrich()), index = med(ph, p -> p.index());
    double total = parse + detect + tags + index;
    for (var e : List.of(new Object[] {"parse (read files, parse records)", parse},
        new Object[] {"language detection", detect},
        new Object[] {"tag extraction (+ tidy, id, validation)", tags},
        new Object[] {"analysis + indexing + commit", index})) {
      double s = (double) e[1];
      o.printf(Locale.ROOT, "| %s | %.2f | %.0f%% |%n", e[0], s, 100 * s / total);
    }
    o.printf(Locale.ROOT, "(language model load, once per JVM: %.2f s)%n", r.detectorLoadNanos() / 1e9);
  }

  private static double med(List<IndexBenchmark.Phases> ph, ToDoubleFunction<IndexBenchmark.Phases> f) {
    return Measure.median(ph.stream().map(p -> f.applyAsDouble(p) / 1e9).toList());
  }

  private static void row(PrintStream o, String name, List<Pass> passes, int skip, double mb) {
    var counted = passes.subList(skip, passes.size());
    double aps = Measure.median(counted.stream().map(Pass::articlesPerSecond).toList());
    double mbps = Measure.median(counted.stream().map(p -> mb / (p.nanos() / 1e9)).toList());
    double size = Measure.median(counted.stream().map(p -> p.indexBytes() / 1e6).toList());
    double heap = Measure.median(counted.stream().map(p -> p.peakHeapBytes() / 1e6).toList());
    String all = String.join(", ", passes.stream().map(p -> String.format(Locale.ROOT, "%.0f", p.articlesPerSecond())).toList());
    o.printf(Locale.ROOT, "| %s | %.0f | %.2f | %.1f | %.0f | %s |%n", name, aps, mbps, size, heap, all);
  }
}
