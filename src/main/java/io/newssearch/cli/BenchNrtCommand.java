package io.newssearch.cli;

import io.newssearch.bench.Measure;
import io.newssearch.bench.NrtBenchmark;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newssearch bench nrt}: time from a write or a finished rebuild to the article being searchable. */
@Command(name = "nrt", mixinStandardHelpOptions = true,
    description = "Near-real-time: milliseconds from a write (store, HTTP POST) or a finished rebuild to the article being found.")
final class BenchNrtCommand implements Callable<Integer> {

  @Option(names = "--corpus", required = true, split = ",", paramLabel = "PATH", description = "Corpus the index holds first.")
  List<Path> corpus;

  @Option(names = "--writes", defaultValue = "50", description = "Writes per path (default: ${DEFAULT-VALUE}).") int writes;
  @Option(names = "--warmup", defaultValue = "50", description = "Writes per path (per HTTP writer) made first and not counted, while the JIT compiles the write and search paths (default: ${DEFAULT-VALUE}).") int warmup;
  @Option(names = "--rebuilds", defaultValue = "5", description = "Rebuilds (default: ${DEFAULT-VALUE}).") int rebuilds;
  @Option(names = "--writers", defaultValue = "1", description = "HTTP writers posting at the same time, each --writes articles (default: ${DEFAULT-VALUE}).") int writers;
  @Option(names = "--work", defaultValue = "target/bench-nrt", paramLabel = "DIR", description = "Folder for the indexes it builds (default: ${DEFAULT-VALUE}).") Path work;

  @Override
  public Integer call() throws Exception {
    if (!BenchSupport.atLeastOne("--writes", writes) || !BenchSupport.atLeastOne("--writers", writers)
        || !BenchSupport.notNegative("--warmup", warmup)
        || !BenchSupport.corpusExists(corpus)) {
      return 2;
    }
    var r = NrtBenchmark.run(corpus, work, writes, rebuilds, writers, warmup);
    System.out.printf(Locale.ROOT, "index of %d articles; milliseconds from write to searchable%n", r.articles());
    System.out.println("| path | n | median ms | p99 ms | max ms |");
    System.out.println("|---|---|---|---|---|");
    row("ArticleStore.upsert (LuceneEngine.store())", r.store());
    row("POST /api/articles, then GET /api/search (" + writers + " writer" + (writers == 1 ? "" : "s") + " at once)", r.http());
    row("finished rebuild (another engine) → found by the serving one", r.rebuild());
    return 0;
  }

  private static void row(String name, List<Double> ms) {
    List<Double> s = new ArrayList<>(ms);
    Collections.sort(s);
    double p99 = s.isEmpty() ? Double.NaN : s.get(Math.min(s.size() - 1, (int) Math.ceil(0.99 * s.size()) - 1));
    System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f |%n", name, s.size(), Measure.median(s), p99,
        s.isEmpty() ? Double.NaN : s.get(s.size() - 1));
  }
}
