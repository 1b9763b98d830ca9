package io.newssearch.cli;

import io.newssearch.bench.EmbeddingBenchmark;
import io.newssearch.bench.Measure;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newssearch bench embed}: embedding throughput by threads and batch size. */
@Command(name = "embed", mixinStandardHelpOptions = true,
    description = "Embedding throughput (texts/s of title + lede) for 1 and 2 threads and several batch sizes, "
        + "interleaved; latency of embedding one headline.")
final class BenchEmbedCommand implements Callable<Integer> {

  @Option(names = "--corpus", required = true, split = ",", paramLabel = "PATH", description = "Corpus folders or files.")
  List<Path> corpus;

  @Option(names = "--sample", defaultValue = "256", description = "Articles embedded per pass (default: ${DEFAULT-VALUE}).")
  int sample;

  @Option(names = "--rounds", defaultValue = "3", description = "Passes per setting, interleaved (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(names = "--pause", defaultValue = "5", description = "Seconds to pause before each pass (default: ${DEFAULT-VALUE}).")
  int pauseSeconds;

  @Override
  public Integer call() throws Exception {
    if (!BenchSupport.atLeastOne("--sample", sample) || !BenchSupport.atLeastOne("--rounds", rounds)
        || !BenchSupport.corpusExists(corpus)) {
      return 2;
    }
    var r = EmbeddingBenchmark.run(corpus, sample, rounds, Duration.ofSeconds(pauseSeconds));
    var o = System.out;
    o.printf(Locale.ROOT, "%d texts of title + lede (%.0f words on average), %d interleaved rounds%n", r.texts(),
        r.meanWords(), rounds);
    o.println("| texts at once | ONNX threads per text | batch | texts/s (median) | CPU ms per text (median) | rounds (texts/s) |");
    o.println("|---|---|---|---|---|---|");
    for (var e : r.textsPerSecond().entrySet()) {
      var s = e.getKey();
      o.printf(Locale.ROOT, "| %d | %d | %d | %.1f | %.1f | %s |%n", s.threads(), s.intraOp(), s.batch(),
          Measure.median(e.getValue()), Measure.median(r.cpuMillisPerText().get(s)),
          e.getValue().stream().map(v -> String.format(Locale.ROOT, "%.1f", v)).toList());
    }
    r.queryMillisP50().forEach((intra, ms) ->
        o.printf(Locale.ROOT, "one headline, %d ONNX thread(s): p50 %.2f ms%n", intra, ms));
    return 0;
  }
}
