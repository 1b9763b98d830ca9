package io.newssearch.cli;

import io.newssearch.bench.RebuildLoadBenchmark;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newssearch bench load}: searches and writes while rebuilds run, against the real server. */
@Command(name = "load", mixinStandardHelpOptions = true,
    description = "Searches on N connections while rebuilds run back to back and a feed writes articles, against "
        + "'serve' in its own JVM; reports failed requests, 5xx and whether every acknowledged write is there "
        + "afterwards. Exit 1 if anything failed or was lost.")
final class BenchLoadCommand implements Callable<Integer> {

  @Option(names = "--corpus", split = ",", required = true, paramLabel = "PATH",
      description = "Corpus to index and rebuild from (e.g. made by 'bench generate').")
  List<Path> corpus;

  @Option(names = "--index", paramLabel = "DIR", defaultValue = "target/bench-load/index",
      description = "Index (built from --corpus when empty; default: ${DEFAULT-VALUE}).")
  Path index;

  @Option(names = "--connections", defaultValue = "32", description = "Search connections (default: ${DEFAULT-VALUE}).")
  int connections;

  @Option(names = "--duration", defaultValue = "60s", converter = DurationConverter.class,
      description = "How long the searches run (default: ${DEFAULT-VALUE}).")
  Duration duration;

  @Option(names = "--writers", defaultValue = "1", description = "Clients writing articles (default: ${DEFAULT-VALUE}).")
  int writers;

  @Option(names = "--heap", defaultValue = "2g", description = "The server's -Xmx (default: ${DEFAULT-VALUE}).")
  String heap;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the query sample (default: ${DEFAULT-VALUE}).") long seed;

  @Override
  public Integer call() throws Exception {
    if (!BenchSupport.atLeastOne("--connections", connections) || !BenchSupport.atLeastOne("--writers", writers)
        || !BenchSupport.corpusExists(corpus)) {
      return 2;
    }
    var options = new RebuildLoadBenchmark.Options(corpus, index, index.toAbsolutePath().getParent().resolve("logs"),
        heap, connections, duration, writers, seed);
    RebuildLoadBenchmark.Result r = RebuildLoadBenchmark.run(options, System.out);
    System.out.print(RebuildLoadBenchmark.markdown(r, options));
    System.out.println(r.clean() ? "no failed request, no 5xx, every acknowledged write found"
        : "FAILURES: see the problems above");
    return r.clean() ? 0 : 1;
  }
}
